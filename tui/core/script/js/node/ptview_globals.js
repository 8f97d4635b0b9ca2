'use strict';
// The globals node has, installed once at start-up by the bootstrap: console, timers,
// process, Buffer, queueMicrotask (guarded), and the clock and Math.random on the model.
const ptv = internalBinding('ptview');
const JSON = ptv.JSON;  // ptview's own copy: a script's JSON.parse = … leaves the host alone
const G = globalThis;
const define = (name, value) => Object.defineProperty(G, name, { value, writable: true, configurable: true });

// Math.random: seeded by the run (--seed), so a replay (step back) sees the same numbers.
Math.random = function random() { return ptv.call('random'); };

// Date and performance read the MODEL clock; reading it charges the JS run so far.
const NativeDate = Date;
function ModelDate(...args) {
  if (!new.target) return new NativeDate(ptv.call('date_now')).toString();
  if (args.length === 0) return Reflect.construct(NativeDate, [ptv.call('date_now')], new.target);
  return Reflect.construct(NativeDate, args, new.target);
}
Object.defineProperty(ModelDate, 'name', { value: 'Date' });
ModelDate.prototype = NativeDate.prototype;
Object.defineProperty(ModelDate.prototype, 'constructor', { value: ModelDate, writable: true, configurable: true });
ModelDate.now = function now() { return ptv.call('date_now'); };
ModelDate.parse = NativeDate.parse;
ModelDate.UTC = NativeDate.UTC;
G.Date = ModelDate;
const timeOrigin = 0;
G.performance = {
  now() { return ptv.call('perf_now') - timeOrigin; },
  timeOrigin: 1767225600000,
  mark() {}, measure() {},
};

// V8's longest string is 2^29-24 code units (String::kMaxLength); QuickJS's is 2^30-1 and
// it would first run into the memory limit. Where node throws this catchable RangeError
// up front, so does ptview.
const kMaxLength = 0x1fffffe8;
const lengthError = () => new RangeError('Invalid string length');
for (const name of ['padStart', 'padEnd']) {
  const native = String.prototype[name];
  Object.defineProperty(String.prototype, name, {
    value: { [name](maxLength, fill) {
      if (Number(maxLength) > kMaxLength && (fill === undefined || String(fill) !== '')) throw lengthError();
      return native.call(this, maxLength, fill);
    } }[name],
    writable: true, configurable: true,
  });
}
{
  const native = String.prototype.repeat;
  Object.defineProperty(String.prototype, 'repeat', {
    value: function repeat(count) {
      const n = Number(count);
      if (n >= 0 && n !== Infinity && String(this).length * Math.floor(n) > kMaxLength) throw lengthError();
      return native.call(this, count);
    },
    writable: true, configurable: true,
  });
}

// QuickJS-ng implements some ES2024+ library features node v20 (V8 11.3) does not have;
// scripts that feature-test for them must see what node 20 shows.
delete Object.groupBy;
delete Map.groupBy;
delete Promise.withResolvers;
delete Array.fromAsync;
for (const k of ['union', 'intersection', 'difference', 'symmetricDifference', 'isSubsetOf', 'isSupersetOf',
  'isDisjointFrom']) delete Set.prototype[k];
delete G.Iterator;
delete RegExp.escape;
delete Math.sumPrecise;
delete Error.isError;
delete G.Float16Array;
delete Math.f16round;
delete DataView.prototype.getFloat16;
delete DataView.prototype.setFloat16;

// Promise.any's AggregateError: V8 says 'All promises were rejected', QuickJS leaves the
// message out. The message goes on the prototype the engine's errors inherit from, and a
// script's own `new AggregateError(errors)` gets V8's own empty message.
{
  const Native = G.AggregateError;
  const AggregateError = function AggregateError(errors, message, options) {
    const e = Reflect.construct(Native, [errors, message, options], new.target || AggregateError);
    if (message === undefined) Object.defineProperty(e, 'message', { value: '', writable: true, configurable: true });
    return e;
  };
  AggregateError.prototype = Native.prototype;
  Object.setPrototypeOf(AggregateError, Object.getPrototypeOf(Native));
  Object.defineProperty(Native.prototype, 'constructor', { value: AggregateError, writable: true, configurable: true });
  Object.defineProperty(Native.prototype, 'message', { value: 'All promises were rejected', writable: true, configurable: true });
  define('AggregateError', AggregateError);
}

G.queueMicrotask = function queueMicrotask(callback) {
  if (typeof callback !== 'function') {
    const { codes } = require('internal/errors');
    throw new codes.ERR_INVALID_ARG_TYPE('callback', 'Function', callback);
  }
  ptv.nativeQueueMicrotask(ptv.guard(callback));
};

const timers = require('timers');
for (const k of ['setTimeout', 'setInterval', 'setImmediate', 'clearTimeout', 'clearInterval', 'clearImmediate']) {
  G[k] = timers[k];
}
const { Buffer } = require('buffer');
G.Buffer = Buffer;
G.process = require('process');
G.console = require('console');
G.global = G;
// node's web globals, from the prelude (QuickJS-ng has none of them)
{
  const abort = require('internal/abort');
  for (const k of ['AbortController', 'AbortSignal', 'Event', 'EventTarget', 'DOMException']) define(k, abort[k]);
  define('structuredClone', require('internal/structured_clone').structuredClone);
  const enc = require('internal/encoding');
  define('TextEncoder', enc.TextEncoder);
  define('TextDecoder', enc.TextDecoder);
  for (const k of ['URL', 'URLSearchParams']) Object.defineProperty(G, k, {
    get() { const v = require('url')[k]; define(k, v); return v; }, set(v) { define(k, v); }, configurable: true,
  });
}
// Stepping in the app: QuickJS does not say which reaction a promise job runs, so when the
// app asks for places (ScriptSession), .then/.catch/.finally handlers are wrapped to report
// their function's lines as they start. Headless runs keep the engine's own then.
if (ptv.call('sites_wanted')) {
  const nativeThen = Promise.prototype.then;
  const wrap = (fn) => {
    if (typeof fn !== 'function') return fn;
    const s = ptv.callerSite();
    const place = JSON.stringify(ptv.placeWithSite(fn, s && [s.file, s.line]));
    return function (v) { ptv.call('set_place', place); return fn.call(this, v); };
  };
  Object.defineProperty(Promise.prototype, 'then', {
    value: function then(onFulfilled, onRejected) { return nativeThen.call(this, wrap(onFulfilled), wrap(onRejected)); },
    writable: true, configurable: true,
  });
}
// worker_threads' web globals (node 20 has them): made when first read
for (const k of ['MessageChannel', 'MessagePort', 'BroadcastChannel']) Object.defineProperty(G, k, {
  get() { const v = require('worker_threads')[k]; define(k, v); return v; }, set(v) { define(k, v); }, configurable: true,
});

// Atomics.wait/notify on the MODEL: QuickJS would block the OS thread on a real condition
// variable; here a wait blocks its thread in model time (its loop stops) until a notify from
// another thread or its timeout, and a notify wakes the waiters of that address in FIFO order
// (tui/core/script/host_worker.py). The memory itself is really shared (engine.py), so load,
// store, add, compareExchange… stay QuickJS's own.
{
  const A = G.Atomics;
  const taName = (ta) => Object.prototype.toString.call(ta).slice(8, -1);
  const isSab = (b) => { try { return require('internal/types').isSharedArrayBuffer(b); } catch { return false; } };
  function checkWaitable(ta, wait) {
    const name = taName(ta);
    if (!ArrayBuffer.isView(ta) || (name !== 'Int32Array' && name !== 'BigInt64Array')) {
      throw new TypeError(`${ta === null || typeof ta !== 'object' ? String(ta) : `[object ${name}]`} is not an int32 or BigInt64 typed array.`);
    }
    if (wait && !isSab(ta.buffer)) throw new TypeError(`[object ${name}] is not a shared typed array.`);
    return name === 'BigInt64Array';
  }
  function toIndex(ta, index) {
    const i = Number(index);
    const n = Number.isNaN(i) ? 0 : Math.trunc(i);
    if (n < 0 || n >= ta.length || !Number.isFinite(n)) throw new RangeError('Invalid atomic access index');
    return n;
  }
  function address(ta, i) {
    return ptv.call('sab_address', ta.buffer) + ta.byteOffset + i * ta.BYTES_PER_ELEMENT;
  }
  const wait = function wait(ta, index, value, timeout) {
    const big = checkWaitable(ta, true);
    const i = toIndex(ta, index);
    const v = big ? BigInt.asIntN(64, BigInt(value)) : (Number(value) | 0);
    let t = timeout === undefined ? Infinity : Number(timeout);
    if (Number.isNaN(t)) t = Infinity;
    if (t < 0) t = 0;
    if (A.load(ta, i) !== v) return 'not-equal';
    return ptv.call('atomics_wait', address(ta, i), t === Infinity ? 'Infinity' : t);
  };
  const notify = function notify(ta, index, count) {
    checkWaitable(ta, false);
    const i = toIndex(ta, index);
    let c = count === undefined ? Infinity : Math.trunc(Number(count));
    if (Number.isNaN(c) || c < 0) c = 0;
    if (!isSab(ta.buffer)) return 0;
    return ptv.call('atomics_notify', address(ta, i), c === Infinity ? 'Infinity' : c);
  };
  const waitAsync = function waitAsync(ta, index, value, timeout) {
    const big = checkWaitable(ta, true);
    const i = toIndex(ta, index);
    const v = big ? BigInt.asIntN(64, BigInt(value)) : (Number(value) | 0);
    let t = timeout === undefined ? Infinity : Number(timeout);
    if (Number.isNaN(t)) t = Infinity;
    if (t < 0) t = 0;
    if (A.load(ta, i) !== v) return { async: false, value: 'not-equal' };
    if (t === 0) return { async: false, value: 'timed-out' };
    let resolve;
    const promise = new Promise((r) => { resolve = r; });
    ptv.call('atomics_wait_async', address(ta, i), t === Infinity ? 'Infinity' : t, ptv.register((r) => resolve(r)));
    return { async: true, value: promise };
  };
  for (const [k, f] of [['wait', wait], ['notify', notify], ['waitAsync', waitAsync]]) {
    Object.defineProperty(A, k, { value: f, writable: true, configurable: true });
  }
}
