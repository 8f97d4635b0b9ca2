'use strict';
// structuredClone(value) as node v20 (V8's serializer): primitives, boxed
// primitives, Date, RegExp (lastIndex reset), ArrayBuffer and views (shared
// buffers stay shared), Map, Set, arrays (holes and extra keys kept), plain
// objects (own enumerable string keys; prototypes are not kept), errors
// (standard name, message, stack, cause), cycles. Functions, symbols,
// promises, weak collections... throw a DataCloneError.

const types = require('internal/types');
const { DOMException } = require('internal/abort');

const errorNames = new Set(['Error', 'EvalError', 'RangeError', 'ReferenceError', 'SyntaxError', 'TypeError', 'URIError']);

function cannotClone(value) {
  let shown;
  if (typeof value === 'function') shown = Function.prototype.toString.call(value);
  else if (typeof value === 'symbol') shown = value.toString();
  else shown = `#<${(value.constructor && value.constructor.name) || 'Object'}>`;
  return new DOMException(`${shown} could not be cloned.`, 'DataCloneError');
}

// The `transfer` option is not supported.
function structuredClone(value) {
  if (arguments.length === 0) {
    const err = new TypeError('The value argument must be specified');
    err.code = 'ERR_MISSING_ARGS';
    throw err;
  }
  const memory = new Map();

  function clone(v) {
    if (typeof v === 'symbol' || typeof v === 'function') throw cannotClone(v);
    if (v === null || typeof v !== 'object') return v;
    if (memory.has(v)) return memory.get(v);
    let out;
    if (types.isBoxedPrimitive(v)) {
      if (types.isSymbolObject(v)) throw cannotClone(v);
      out = Object(v.valueOf());
    } else if (types.isDate(v)) {
      out = new Date(v.getTime());
    } else if (types.isRegExp(v)) {
      out = new RegExp(v.source, v.flags);
    } else if (types.isAnyArrayBuffer(v)) {
      out = v.slice(0);
    } else if (ArrayBuffer.isView(v)) {
      const buffer = clone(v.buffer);
      if (types.isDataView(v)) {
        out = new DataView(buffer, v.byteOffset, v.byteLength);
      } else {
        const Ctor = globalThis[types.typedArrayName(v)];
        out = new Ctor(buffer, v.byteOffset, v.length);
      }
    } else if (types.isMap(v)) {
      out = new Map();
      memory.set(v, out);
      for (const [k, val] of v) out.set(clone(k), clone(val));
      return out;
    } else if (types.isSet(v)) {
      out = new Set();
      memory.set(v, out);
      for (const val of v) out.add(clone(val));
      return out;
    } else if (types.isNativeError(v)) {
      const name = errorNames.has(v.name) ? v.name : 'Error';
      out = Object.create(globalThis[name].prototype);
      memory.set(v, out);
      const define = (key, val) => Object.defineProperty(out, key, { value: val, writable: true, configurable: true, enumerable: false });
      if (v.message !== undefined) define('message', String(v.message));
      if (v.stack !== undefined) define('stack', String(v.stack));
      if ('cause' in v) define('cause', clone(v.cause));
      return out;
    } else if (Array.isArray(v)) {
      out = new Array(v.length);
      memory.set(v, out);
      for (const key of Object.keys(v)) out[key] = clone(v[key]);
      return out;
    } else if (types.isPromise(v) || types.isWeakMap(v) || types.isWeakSet(v) ||
               types.isProxy(v) || types.isGeneratorObject(v)) {
      throw cannotClone(v);
    } else {
      const tag = Object.prototype.toString.call(v);
      if (tag !== '[object Object]' && tag !== '[object Arguments]' && !(Symbol.toStringTag in v)) throw cannotClone(v);
      out = {};
      memory.set(v, out);
      for (const key of Object.keys(v)) out[key] = clone(v[key]);
      return out;
    }
    memory.set(v, out);
    return out;
  }
  return clone(value);
}

module.exports = { structuredClone };
