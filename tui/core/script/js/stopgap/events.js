'use strict';
// STOPGAP until the prelude's events.js lands: the EventEmitter surface host modules use.
class EventEmitter {
  constructor() { this._events = Object.create(null); this._maxListeners = undefined; }
  _list(name) {
    if (!this._events) this._events = Object.create(null);
    return this._events[name] || (this._events[name] = []);
  }
  on(name, fn) {
    if (typeof fn !== 'function') {
      const { codes } = require('internal/errors');
      throw new codes.ERR_INVALID_ARG_TYPE('listener', 'Function', fn);
    }
    if (this._events && this._events.newListener) this.emit('newListener', name, fn);
    this._list(name).push(fn);
    return this;
  }
  addListener(name, fn) { return this.on(name, fn); }
  prependListener(name, fn) { this.on(name, fn); const l = this._list(name); l.unshift(l.pop()); return this; }
  once(name, fn) {
    const self = this;
    function wrapper(...args) { self.removeListener(name, wrapper); return fn.apply(this, args); }
    wrapper.listener = fn;
    return this.on(name, wrapper);
  }
  off(name, fn) { return this.removeListener(name, fn); }
  removeListener(name, fn) {
    const l = this._events && this._events[name];
    if (!l) return this;
    const i = l.findIndex((x) => x === fn || x.listener === fn);
    if (i >= 0) l.splice(i, 1);
    if (!l.length) delete this._events[name];
    return this;
  }
  removeAllListeners(name) {
    if (name === undefined) this._events = Object.create(null); else if (this._events) delete this._events[name];
    return this;
  }
  emit(name, ...args) {
    const l = this._events && this._events[name];
    if (!l || !l.length) {
      if (name === 'error') {
        const err = args[0];
        if (err instanceof Error) throw err;
        const e = new Error(`Unhandled error. (${err})`);
        e.code = 'ERR_UNHANDLED_ERROR';
        throw e;
      }
      return false;
    }
    for (const fn of l.slice()) fn.apply(this, args);
    return true;
  }
  listenerCount(name) { const l = this._events && this._events[name]; return l ? l.length : 0; }
  listeners(name) { const l = this._events && this._events[name]; return l ? l.map((f) => f.listener || f) : []; }
  rawListeners(name) { return (this._events && this._events[name] || []).slice(); }
  eventNames() { return this._events ? Reflect.ownKeys(this._events) : []; }
  setMaxListeners(n) { this._maxListeners = n; return this; }
  getMaxListeners() { return this._maxListeners === undefined ? 10 : this._maxListeners; }
}
EventEmitter.EventEmitter = EventEmitter;
EventEmitter.defaultMaxListeners = 10;
EventEmitter.once = function once(emitter, name) {
  return new Promise((resolve, reject) => {
    emitter.once(name, (...args) => resolve(args));
    if (name !== 'error') emitter.once('error', reject);
  });
};
module.exports = EventEmitter;
