'use strict';
// node:util for ptview's QuickJS host.
//
// Host helpers this module (through internal/inspect and internal/types) uses
// from internalBinding('util') when present; all are optional:
//   getPromiseState(promise) -> [state, value]   0 pending, 1 fulfilled, 2 rejected
//                                                 (undefined for a non-promise)
//   getProxyDetails(value)   -> [target, handler] or undefined (not a proxy)
//   previewEntries(iterator, true) -> [entries, isKeyValue]  (Map/Set iterators)
//   getOwnNonIndexProperties(obj, filter)  filter 0 = all, 2 = only enumerable
//   getConstructorName(obj)  -> V8's class name, for objects with no named constructor
// Looked up lazily on globalThis when used: process.emitWarning (deprecate),
// process.nextTick (callbackify), TextEncoder/TextDecoder (else internal/encoding).

const { inspect } = require('internal/inspect');
const { format, formatWithOptions, stripVTControlCharacters } = require('internal/format');
const types = require('internal/types');
const { codes, validateFunction } = require('internal/errors');
const { isDeepStrictEqual } = require('internal/comparisons');

const kCustomPromisifiedSymbol = Symbol.for('nodejs.util.promisify.custom');
const kCustomPromisifyArgsSymbol = Symbol('customPromisifyArgs');

function promisify(original) {
  validateFunction(original, 'original');
  if (original[kCustomPromisifiedSymbol]) {
    const fn = original[kCustomPromisifiedSymbol];
    validateFunction(fn, 'util.promisify.custom');
    return Object.defineProperty(fn, kCustomPromisifiedSymbol, {
      value: fn, enumerable: false, writable: false, configurable: true,
    });
  }
  const argumentNames = original[kCustomPromisifyArgsSymbol];
  function fn(...args) {
    return new Promise((resolve, reject) => {
      args.push((err, ...values) => {
        if (err) return reject(err);
        if (argumentNames !== undefined && values.length > 1) {
          const obj = {};
          for (let i = 0; i < argumentNames.length; i++) obj[argumentNames[i]] = values[i];
          resolve(obj);
        } else {
          resolve(values[0]);
        }
      });
      Reflect.apply(original, this, args);
    });
  }
  Object.setPrototypeOf(fn, Object.getPrototypeOf(original));
  Object.defineProperty(fn, kCustomPromisifiedSymbol, {
    value: fn, enumerable: false, writable: false, configurable: true,
  });
  const descriptors = Object.getOwnPropertyDescriptors(original);
  for (const key of Reflect.ownKeys(descriptors)) {
    try { Object.defineProperty(fn, key, descriptors[key]); } catch { /* non-configurable */ }
  }
  return fn;
}
promisify.custom = kCustomPromisifiedSymbol;

function nextTick(fn, ...args) {
  const p = globalThis.process;
  if (p && typeof p.nextTick === 'function') p.nextTick(fn, ...args);
  else queueMicrotask(() => fn(...args));
}

function callbackifyOnRejected(reason, cb) {
  if (!reason) {
    const newReason = new codes.ERR_FALSY_VALUE_REJECTION(reason);
    newReason.reason = reason;
    reason = newReason;
  }
  return cb(reason);
}

function callbackify(original) {
  validateFunction(original, 'original');
  function callbackified(...args) {
    const maybeCb = args.pop();
    validateFunction(maybeCb, 'last argument');
    const cb = maybeCb.bind(this);
    Reflect.apply(original, this, args).then(
      (ret) => nextTick(cb, null, ret),
      (rej) => nextTick(callbackifyOnRejected, rej, cb),
    );
  }
  const descriptors = Object.getOwnPropertyDescriptors(original);
  if (typeof descriptors.length.value === 'number') descriptors.length.value++;
  if (typeof descriptors.name.value === 'string') descriptors.name.value += 'Callbackified';
  const propertiesValues = Object.values(descriptors);
  for (const d of propertiesValues) Object.setPrototypeOf(d, null);
  Object.defineProperties(callbackified, descriptors);
  return callbackified;
}

function inherits(ctor, superCtor) {
  if (ctor === undefined || ctor === null) {
    throw new codes.ERR_INVALID_ARG_TYPE('ctor', 'Function', ctor);
  }
  if (superCtor === undefined || superCtor === null) {
    throw new codes.ERR_INVALID_ARG_TYPE('superCtor', 'Function', superCtor);
  }
  if (superCtor.prototype === undefined) {
    throw new codes.ERR_INVALID_ARG_TYPE('superCtor.prototype', 'Object', superCtor.prototype);
  }
  Object.defineProperty(ctor, 'super_', {
    value: superCtor, writable: true, configurable: true,
  });
  Object.setPrototypeOf(ctor.prototype, superCtor.prototype);
}

const codesWarned = new Set();
function deprecate(fn, msg, code) {
  if (code !== undefined && typeof code !== 'string') {
    throw new codes.ERR_INVALID_ARG_TYPE('code', 'string', code);
  }
  let warned = false;
  function deprecated(...args) {
    const p = globalThis.process;
    if (!warned && !(p && p.noDeprecation)) {
      warned = true;
      if (code !== undefined) {
        if (!codesWarned.has(code)) {
          if (p && typeof p.emitWarning === 'function') p.emitWarning(msg, 'DeprecationWarning', code, deprecated);
          codesWarned.add(code);
        }
      } else if (p && typeof p.emitWarning === 'function') {
        p.emitWarning(msg, 'DeprecationWarning', deprecated);
      }
    }
    if (new.target) return Reflect.construct(fn, args, new.target);
    return Reflect.apply(fn, this, args);
  }
  Object.setPrototypeOf(deprecated, fn);
  if (fn.prototype) deprecated.prototype = fn.prototype;
  return deprecated;
}

function toUSVString(input) {
  return String(input).replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

function isError(e) {
  return types.isNativeError(e) || e instanceof Error;
}

const pad = (n) => String(n).padStart(2, '0');
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
function log(...args) {
  const d = new Date();
  const time = [pad(d.getHours()), pad(d.getMinutes()), pad(d.getSeconds())].join(':');
  globalThis.console.log('%s - %s', `${d.getDate()} ${months[d.getMonth()]} ${time}`, format(...args));
}

function _extend(target, source) {
  if (source === null || typeof source !== 'object') return target;
  const keys = Object.keys(source);
  let i = keys.length;
  while (i--) target[keys[i]] = source[keys[i]];
  return target;
}

function validateOneOf(value, name, oneOf) {
  if (!oneOf.includes(value)) {
    const allowed = oneOf.map((v) => (typeof v === 'string' ? `'${v}'` : String(v))).join(', ');
    throw new codes.ERR_INVALID_ARG_VALUE(name, value, `must be one of: ${allowed}`);
  }
}

function shouldColorize(stream) {
  const env = (globalThis.process && globalThis.process.env) || {};
  if (env.FORCE_COLOR !== undefined) return !['0', 'false'].includes(String(env.FORCE_COLOR));
  return Boolean(stream && stream.isTTY &&
    (typeof stream.getColorDepth === 'function' ? stream.getColorDepth() > 2 : true));
}

// node v20: one format is applied only when `stream` (process.stdout) takes colours; an
// array of formats always is.
function styleText(format, text, { validateStream = true, stream = globalThis.process && globalThis.process.stdout } = {}) {
  const { validateString } = require('internal/errors');
  validateString(text, 'text');
  if (typeof validateStream !== 'boolean') {
    throw new codes.ERR_INVALID_ARG_TYPE('options.validateStream', 'boolean', validateStream);
  }
  if (validateStream && (stream === null || typeof stream !== 'object')) {
    throw new codes.ERR_INVALID_ARG_TYPE('stream', ['ReadableStream', 'WritableStream', 'Stream'], stream);
  }
  const escape = (code) => `\u001b[${code}m`;
  if (Array.isArray(format)) {
    let left = '';
    let right = '';
    for (const key of format) {
      const formatCodes = inspect.colors[key];
      if (formatCodes == null) validateOneOf(key, 'format', Object.keys(inspect.colors));
      left += escape(formatCodes[0]);
      right = `${escape(formatCodes[1])}${right}`;
    }
    return `${left}${text}${right}`;
  }
  const formatCodes = inspect.colors[format];
  if (formatCodes == null) validateOneOf(format, 'format', Object.keys(inspect.colors));
  if (validateStream && !shouldColorize(stream)) return text;
  return `${escape(formatCodes[0])}${text}${escape(formatCodes[1])}`;
}

async function aborted(signal, resource) {
  if (signal === undefined) throw new codes.ERR_INVALID_ARG_TYPE('signal', 'AbortSignal', signal);
  const { validateAbortSignal, validateObject } = require('internal/errors');
  validateAbortSignal(signal, 'signal');
  validateObject(resource, 'resource', { nullable: false });
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }));
}

function validateErrno(err) {
  if (typeof err !== 'number') throw new codes.ERR_INVALID_ARG_TYPE('err', 'number', err);
  if (err >= 0 || !Number.isSafeInteger(err)) {
    throw new codes.ERR_OUT_OF_RANGE('err', 'a negative integer', err);
  }
}

function parseArgs(config = {}) {
  return require('internal/parse_args').parseArgs(config);
}

function getSystemErrorName(err) {
  validateErrno(err);
  const entry = require('internal/errno').get(err);
  return entry ? entry[0] : `Unknown system error ${err}`;
}

function getSystemErrorMap() {
  return new Map(require('internal/errno'));
}

const publicTypes = { ...types };

const encoding = (name) => (typeof globalThis[name] === 'function'
  ? globalThis[name] : require('internal/encoding')[name]);

module.exports = {
  _extend,
  aborted,
  callbackify,
  debuglog: () => Object.assign(() => {}, { enabled: false }),
  debug: () => Object.assign(() => {}, { enabled: false }),
  deprecate,
  format,
  formatWithOptions,
  getSystemErrorMap,
  getSystemErrorName,
  inherits,
  inspect,
  isArray: Array.isArray,
  isBoolean: (v) => typeof v === 'boolean',
  isBuffer: (v) => require('buffer').Buffer.isBuffer(v),
  isDeepStrictEqual,
  isNull: (v) => v === null,
  isNullOrUndefined: (v) => v === null || v === undefined,
  isNumber: (v) => typeof v === 'number',
  isString: (v) => typeof v === 'string',
  isSymbol: (v) => typeof v === 'symbol',
  isUndefined: (v) => v === undefined,
  isRegExp: types.isRegExp,
  isObject: (v) => v !== null && typeof v === 'object',
  isDate: types.isDate,
  isError,
  isFunction: (v) => typeof v === 'function',
  isPrimitive: (v) => v === null || (typeof v !== 'object' && typeof v !== 'function'),
  log,
  parseArgs,
  promisify,
  styleText,
  stripVTControlCharacters,
  transferableAbortSignal: (signal) => signal,
  transferableAbortController: () => new globalThis.AbortController(),
  toUSVString,
  types: publicTypes,
};
Object.defineProperties(module.exports, {
  TextEncoder: { enumerable: true, configurable: true, get: () => encoding('TextEncoder') },
  TextDecoder: { enumerable: true, configurable: true, get: () => encoding('TextDecoder') },
});
