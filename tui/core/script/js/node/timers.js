'use strict';
// timers: Timeout and Immediate objects on the model's timer lists and check queue.
// The model (tui/core/timers.py) coerces the delay and orders the lists; this file keeps
// the objects a script sees (ref/unref/hasRef/refresh/close/[Symbol.toPrimitive]).
const ptv = internalBinding('ptview');
const { codes } = require('internal/errors');

// What a script sees printed is node's shape (lib/internal/timers.js): the linked-list fields,
// _idleStart on the loop clock, [Symbol(refed)], [Symbol(kHasPrimitive)], async ids.
// ptview's own handles (the model's task, the registered callback) are kept out of sight.
const kRefed = Symbol('refed');
const kHasPrimitive = Symbol('kHasPrimitive');
const kAsyncId = Symbol('asyncId');
const kTriggerId = Symbol('triggerId');
const internals = new WeakMap();   // Timeout/Immediate → { task, id }
const byId = new Map();   // timeout[Symbol.toPrimitive]() → clearTimeout(number)
const taskOf = (t) => { const i = internals.get(t); return i === undefined ? undefined : i.task; };
class TimersList {
  [Symbol.for('nodejs.util.inspect.custom')]() { return '[TimersList]'; }
}
const timersList = new TimersList();

function check(callback) {
  if (typeof callback !== 'function') throw new codes.ERR_INVALID_ARG_TYPE('callback', 'Function', callback);
}

class Timeout {
  constructor(callback, after, args, isRepeat) {
    after *= 1;
    if (!(after >= 1 && after <= 2147483647)) after = 1;
    this._idleTimeout = after;
    this._idlePrev = timersList;
    this._idleNext = timersList;
    this._idleStart = 0;
    this._onTimeout = callback;
    this._timerArgs = args;
    this._repeat = isRepeat ? after : null;
    this._destroyed = false;
    this[kRefed] = true;
    this[kHasPrimitive] = false;
    this[kAsyncId] = ptv.newAsyncId();
    this[kTriggerId] = ptv.executionAsyncId();
    const self = this;
    const run = () => {
      const task = taskOf(self);
      if (!self._repeat) {
        self._destroyed = true;
        self._idlePrev = self._idleNext = null;
        byId.delete(task);
        ptv.call('timer_done', task);
      } else {
        self._idleStart = ptv.call('timer_start', task);
      }
      if (args === undefined) callback.call(self); else callback.apply(self, args);
    };
    run.target = callback;
    run.asyncId = this[kAsyncId];
    const id = ptv.register(run);
    const task = ptv.call('timer', id, after, !!isRepeat);
    internals.set(this, { task, id });
    this._idleStart = ptv.call('timer_start', task);
  }
  ref() { if (!this._destroyed) { this[kRefed] = true; ptv.call('timer_ref', taskOf(this), true); } return this; }
  unref() { if (!this._destroyed) { this[kRefed] = false; ptv.call('timer_ref', taskOf(this), false); } return this; }
  hasRef() { return this[kRefed]; }
  refresh() {
    ptv.call('timer_refresh', taskOf(this));
    if (!this._destroyed) this._idleStart = ptv.call('timer_start', taskOf(this));
    return this;
  }
  close() { clearTimeout(this); return this; }
  [Symbol.toPrimitive]() {
    const task = taskOf(this);
    if (!this[kHasPrimitive]) { this[kHasPrimitive] = true; byId.set(task, this); }
    return task;
  }
}

class Immediate {
  constructor(callback, args) {
    this._idleNext = null;
    this._idlePrev = null;
    this._onImmediate = callback;
    this._argv = args;
    this._destroyed = false;
    this[kRefed] = true;
    this[kAsyncId] = ptv.newAsyncId();
    this[kTriggerId] = ptv.executionAsyncId();
    const self = this;
    const run = () => {
      self._destroyed = true;
      if (args === undefined) callback.call(self); else callback.apply(self, args);
    };
    run.target = callback;
    run.asyncId = this[kAsyncId];
    internals.set(this, { task: ptv.call('immediate', ptv.register(run)) });
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
  if (timer instanceof Timeout) {
    if (!timer._destroyed) {
      const { task, id } = internals.get(timer);
      timer._destroyed = true;
      timer._idlePrev = timer._idleNext = null;
      ptv.unregister(id);
      byId.delete(task);
      ptv.call('clear_timer', task);
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
  if (!(immediate instanceof Immediate) || immediate._destroyed) return;
  immediate._destroyed = true;
  ptv.call('clear_immediate', taskOf(immediate));
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
