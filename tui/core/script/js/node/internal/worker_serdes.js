'use strict';
// Messages between threads (postMessage, workerData, a Worker's uncaught error): the structured
// clone of V8's ValueSerializer as node v20 uses it (doc/api/worker_threads.md "port.postMessage()",
// MDN "The structured clone algorithm"), written as a JSON-able tree because each thread is an
// engine context of its own: primitives (undefined, NaN, -0, BigInt), boxed primitives, Date,
// RegExp, ArrayBuffer (copied, or moved when listed in transferList), SharedArrayBuffer (the same
// memory, tui/core/script/engine.py), typed arrays and DataView, Map, Set, arrays (holes and extra
// keys), plain objects (own enumerable string keys, getters read once, prototypes dropped), errors
// (standard name, message, stack, cause), cycles, and MessagePorts listed in transferList.
// Functions, symbols, promises, weak collections... throw a DataCloneError and nothing is sent.
const ptv = internalBinding('ptview');
const types = require('internal/types');
const { DOMException } = require('internal/abort');

const errorNames = new Set(['Error', 'EvalError', 'RangeError', 'ReferenceError', 'SyntaxError', 'TypeError', 'URIError']);
const untransferable = new WeakSet();
const kPortId = Symbol.for('ptview.worker.portId');

function cloneError(message) {
  return new DOMException(message, 'DataCloneError');
}
function cannotClone(value) {
  let shown;
  if (typeof value === 'function') shown = Function.prototype.toString.call(value);
  else if (typeof value === 'symbol') shown = value.toString();
  else shown = `#<${(value && value.constructor && value.constructor.name) || 'Object'}>`;
  return cloneError(`${shown} could not be cloned.`);
}

function nodeTypeError(code, message) {
  const e = new TypeError(message);
  Object.defineProperty(e, 'code', { value: code, writable: true, configurable: true, enumerable: true });
  const s = e.stack;
  e.stack = `TypeError [${code}]: ${message}` + s.slice(s.indexOf('\n') === -1 ? s.length : s.indexOf('\n'));
  return e;
}

function bytesOf(buffer, offset = 0, length = buffer.byteLength) {
  const u8 = new Uint8Array(buffer, offset, length);
  let s = '';
  for (let i = 0; i < u8.length; i += 8192) s += String.fromCharCode.apply(null, u8.subarray(i, i + 8192));
  return s;
}
function bufferOf(text) {
  const u8 = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) u8[i] = text.charCodeAt(i);
  return u8.buffer;
}

// serialize(value, transferList) -> { tree, ports: [port ids moved], sabs: [shared memory addresses] }
function serialize(value, transferList) {
  const moved = new Set();      // ArrayBuffers and MessagePorts in transferList
  const portIds = [];
  if (transferList !== undefined && transferList !== null) {
    if (typeof transferList !== 'object' || typeof transferList[Symbol.iterator] !== 'function') {
      const e = new TypeError('Optional transferList argument must be an iterable');
      e.code = 'ERR_INVALID_ARG_TYPE';
      throw e;
    }
    for (const t of transferList) {
      if (moved.has(t)) throw cloneError(`Transfer list contains duplicate ${types.isArrayBuffer(t) ? 'ArrayBuffer' : 'MessagePort'}`);
      if (t !== null && typeof t === 'object' && t[kPortId] !== undefined) {
        moved.add(t);
      } else if (types.isArrayBuffer(t)) {
        if (!untransferable.has(t)) moved.add(t);
      } else {
        throw nodeTypeError('ERR_INVALID_TRANSFER_OBJECT', 'Found invalid object in transferList');
      }
    }
  }
  const ids = new Map();
  const sabs = [];
  let next = 0;

  function ser(v) {
    switch (typeof v) {
      case 'undefined': return { t: 'u' };
      case 'boolean': case 'string': return v;
      case 'number':
        if (Number.isFinite(v) && !Object.is(v, -0)) return v;
        return { t: 'n', v: Object.is(v, -0) ? '-0' : String(v) };
      case 'bigint': return { t: 'b', v: v.toString() };
      case 'symbol': case 'function': throw cannotClone(v);
      default: break;
    }
    if (v === null) return null;
    if (ids.has(v)) return { t: 'r', id: ids.get(v) };
    const id = next++;
    ids.set(v, id);
    if (v[kPortId] !== undefined && !types.isProxy(v)) {
      if (!moved.has(v)) {
        throw nodeTypeError('ERR_MISSING_TRANSFERABLE_IN_TRANSFER_LIST',
          'Object that needs transfer was found in message but not listed in transferList');
      }
      portIds.push(v[kPortId]);
      return { t: 'p', id, port: v[kPortId] };
    }
    if (types.isBoxedPrimitive(v)) {
      if (types.isSymbolObject(v)) throw cannotClone(v);
      return { t: 'bx', id, v: ser(v.valueOf()) };
    }
    if (types.isDate(v)) return { t: 'd', id, v: ser(v.getTime()) };
    if (types.isRegExp(v)) return { t: 're', id, s: v.source, f: v.flags };
    if (types.isSharedArrayBuffer(v)) {
      const addr = ptv.call('sab_key', v);
      if (!addr) throw cannotClone(v);
      sabs.push(addr);
      return { t: 'sab', id, a: addr };
    }
    if (types.isArrayBuffer(v)) {
      return { t: 'ab', id, b: bytesOf(v), moved: moved.has(v) };
    }
    if (ArrayBuffer.isView(v)) {
      const buf = ser(v.buffer);
      const kind = types.isDataView(v) ? 'DataView' : types.typedArrayName(v);
      return { t: 'v', id, c: kind, buf, o: v.byteOffset, l: types.isDataView(v) ? v.byteLength : v.length };
    }
    if (types.isMap(v)) {
      const e = [];
      const out = { t: 'm', id, e };
      for (const [k, val] of v) e.push([ser(k), ser(val)]);
      return out;
    }
    if (types.isSet(v)) {
      const e = [];
      const out = { t: 's', id, e };
      for (const val of v) e.push(ser(val));
      return out;
    }
    if (types.isNativeError(v)) {
      const name = errorNames.has(v.name) ? v.name : 'Error';
      const out = { t: 'e', id, name };
      const msg = Object.getOwnPropertyDescriptor(v, 'message');
      if (msg !== undefined) out.message = String(v.message);
      if (v.stack !== undefined) out.stack = String(v.stack);
      if ('cause' in v) out.cause = ser(v.cause);
      return out;
    }
    if (types.isPromise(v) || types.isWeakMap(v) || types.isWeakSet(v) || types.isProxy(v) ||
        types.isGeneratorObject(v) || types.isWeakRef?.(v)) {
      throw cannotClone(v);
    }
    if (Array.isArray(v)) {
      const k = [];
      const out = { t: 'a', id, len: v.length, k };
      for (const key of Object.keys(v)) k.push([key, ser(v[key])]);
      return out;
    }
    const tag = Object.prototype.toString.call(v);
    if (tag !== '[object Object]' && tag !== '[object Arguments]' && !(Symbol.toStringTag in v)) throw cannotClone(v);
    const k = [];
    const out = { t: 'o', id, k };
    for (const key of Object.keys(v)) k.push([key, ser(v[key])]);
    return out;
  }
  const tree = ser(value);
  // moved ArrayBuffers are detached on this side (ArrayBuffer.prototype.transfer leaves it empty)
  for (const t of moved) {
    if (types.isArrayBuffer(t) && typeof t.transfer === 'function') t.transfer();
  }
  return { tree, ports: portIds, sabs };
}

// deserialize(tree, makePort) -> value; makePort(id) gives this thread's MessagePort for a moved port
function deserialize(tree, makePort) {
  const seen = new Map();
  function de(n) {
    if (n === null || typeof n !== 'object') return n;
    switch (n.t) {
      case 'u': return undefined;
      case 'n': return n.v === '-0' ? -0 : Number(n.v);
      case 'b': return BigInt(n.v);
      case 'r': return seen.get(n.id);
      default: break;
    }
    let out;
    switch (n.t) {
      case 'p': out = makePort(n.port); break;
      case 'bx': out = Object(de(n.v)); break;
      case 'd': out = new Date(de(n.v)); break;
      case 're': out = new RegExp(n.s, n.f); break;
      case 'sab':
        out = ptv.call('sab_wrap', n.a) ? globalThis.__ptv_sab : new SharedArrayBuffer(0);
        delete globalThis.__ptv_sab;
        break;
      case 'ab': out = bufferOf(n.b); break;
      case 'v': {
        const buffer = de(n.buf);
        const C = globalThis[n.c];
        out = new C(buffer, n.o, n.l);
        break;
      }
      case 'm':
        out = new Map();
        seen.set(n.id, out);
        for (const [k, v] of n.e) out.set(de(k), de(v));
        return out;
      case 's':
        out = new Set();
        seen.set(n.id, out);
        for (const v of n.e) out.add(de(v));
        return out;
      case 'e': {
        const C = globalThis[n.name] || Error;
        out = Object.create(C.prototype);
        seen.set(n.id, out);
        const define = (key, val) => Object.defineProperty(out, key, { value: val, writable: true, configurable: true, enumerable: false });
        if (n.message !== undefined) define('message', n.message);
        if (n.stack !== undefined) define('stack', n.stack);
        if (n.cause !== undefined) define('cause', de(n.cause));
        return out;
      }
      case 'a':
        out = new Array(n.len);
        seen.set(n.id, out);
        for (const [k, v] of n.k) out[k] = de(v);
        return out;
      case 'o':
        out = {};
        seen.set(n.id, out);
        for (const [k, v] of n.k) {
          if (k === '__proto__') Object.defineProperty(out, k, { value: de(v), writable: true, enumerable: true, configurable: true });
          else out[k] = de(v);
        }
        return out;
      default:
        throw new Error(`ptview: unknown message node ${n.t}`);
    }
    seen.set(n.id, out);
    return out;
  }
  return de(tree);
}

function markAsUntransferable(obj) {
  if ((typeof obj !== 'object' && typeof obj !== 'function') || obj === null) return;
  untransferable.add(obj);
}

module.exports = { serialize, deserialize, markAsUntransferable, kPortId, cannotClone, cloneError };
