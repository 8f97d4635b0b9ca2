'use strict';
// timers: Timeout and Immediate objects on the model's timer lists and check queue.
// The model (tui/core/timers.py) coerces the delay and orders the lists; this file keeps
// the objects a script sees (ref/unref/hasRef/refresh/close/[Symbol.toPrimitive]).
const ptv = internalBinding('ptview');
const { codes } = require('internal/errors');

const kTask = Symbol('task');
const kRefed = Symbol('refed');
const byId = new Map();   // timeout[Symbol.toPrimitive]() → clearTimeout(number)

function check(callback) {
  if (typeof callback !== 'function') throw new codes.ERR_INVALID_ARG_TYPE('callback', 'Function', callback);
}

class Timeout {
  constructor(callback, after, args, isRepeat) {
    after *= 1;
    if (!(after >= 1 && after <= 2147483647)) after = 1;
    this._idleTimeout = after;
    this._onTimeout = callback;
    this._timerArgs = args;
    this._repeat = isRepeat ? after : null;
    this._destroyed = false;
    this[kRefed] = true;
    const self = this;
    const run = () => {
      if (!self._repeat) { self._destroyed = true; byId.delete(self[kTask]); ptv.call('timer_done', self[kTask]); }
      if (args === undefined) callback.call(self); else callback.apply(self, args);
    };
    run.target = callback;
    this._id = ptv.register(run);
    this[kTask] = ptv.call('timer', this._id, after, !!isRepeat);
  }
  ref() { if (!this._destroyed) { this[kRefed] = true; ptv.call('timer_ref', this[kTask], true); } return this; }
  unref() { if (!this._destroyed) { this[kRefed] = false; ptv.call('timer_ref', this[kTask], false); } return this; }
  hasRef() { return this[kRefed]; }
  refresh() { ptv.call('timer_refresh', this[kTask]); return this; }
  close() { clearTimeout(this); return this; }
  [Symbol.toPrimitive]() {
    byId.set(this[kTask], this);
    return this[kTask];
  }
}

class Immediate {
  constructor(callback, args) {
    this._onImmediate = callback;
    this._argv = args;
    this._destroyed = false;
    const self = this;
    const run = () => {
      self._destroyed = true;
      if (args === undefined) callback.call(self); else callback.apply(self, args);
    };
    run.target = callback;
    this[kTask] = ptv.call('immediate', ptv.register(run));
    this[kRefed] = true;
  }
  ref() { this[kRefed] = true; return this; }
  unref() { this[kRefed] = false; return this; }
  hasRef() { return this[kRefed]; }
}

function setTimeout(callback, after, ...args) {
  check(callback);
  return new Timeout(callback, after, args.length ? args : undefined, false);
}
function setInterval(callback, repeat, ...args) {
  check(callback);
  return new Timeout(callback, repeat, args.length ? args : undefined, true);
}
function clearTimeout(timer) {
  if (timer && timer[kTask] !== undefined && timer instanceof Timeout) {
    if (!timer._destroyed) {
      timer._destroyed = true;
      ptv.unregister(timer._id);
      ptv.call('clear_timer', timer[kTask]);
    }
    return;
  }
  if (typeof timer === 'number' || typeof timer === 'string') {
    const t = byId.get(Number(timer));
    if (t) { byId.delete(Number(timer)); clearTimeout(t); }
  }
}
function setImmediate(callback, ...args) {
  check(callback);
  return new Immediate(callback, args.length ? args : undefined);
}
function clearImmediate(immediate) {
  if (!immediate || immediate._destroyed || immediate[kTask] === undefined) return;
  immediate._destroyed = true;
  ptv.call('clear_immediate', immediate[kTask]);
}

// util.promisify(setTimeout) / (setImmediate) are timers/promises' (lib/timers.js does the same)
for (const [f, name] of [[setTimeout, 'setTimeout'], [setImmediate, 'setImmediate']]) {
  Object.defineProperty(f, Symbol.for('nodejs.util.promisify.custom'), {
    enumerable: true, configurable: true, get() { return require('timers/promises')[name]; },
  });
}

module.exports = {
  setTimeout, setInterval, setImmediate, clearTimeout, clearInterval: clearTimeout, clearImmediate,
  Timeout, Immediate,
};
Object.defineProperty(module.exports, 'promises', { enumerable: true, get: () => require('timers/promises') });
