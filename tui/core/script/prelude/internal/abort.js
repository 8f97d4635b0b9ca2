'use strict';
// EventTarget, Event, AbortController, AbortSignal and DOMException as node
// v20 shows them. setTimeout (AbortSignal.timeout) and process (uncaught
// listener errors) are looked up on globalThis when used.

const { codes } = require('internal/errors');
const { ERR_INVALID_ARG_TYPE, ERR_EVENT_RECURSION, ERR_MISSING_ARGS, ERR_ILLEGAL_CONSTRUCTOR } = codes;

const customInspect = Symbol.for('nodejs.util.inspect.custom');
const lazyInspect = () => require('internal/inspect').inspect;
const kEvents = Symbol('kEvents');
const kIsBeingDispatched = Symbol('kIsBeingDispatched');
const kStop = Symbol('kStop');
const kTrustEvent = Symbol('kTrustEvent');

// QuickJS-ng has DOMException; a small stand-in otherwise.
const DOMException = globalThis.DOMException || (() => {
  const names = { AbortError: 20, TimeoutError: 23, DataCloneError: 25, InvalidStateError: 11,
    NotSupportedError: 9, SyntaxError: 12, InvalidCharacterError: 5 };
  class DOMException extends Error {
    constructor(message = '', options = 'Error') {
      super(message);
      const name = options !== null && typeof options === 'object' ? String(options.name ?? 'Error') : String(options);
      Object.defineProperty(this, 'name', { value: name, configurable: true, writable: true });
    }
    get code() { return names[this.name] || 0; }
  }
  return DOMException;
})();

function now() {
  const perf = globalThis.performance;
  return perf && typeof perf.now === 'function' ? perf.now() : Date.now();
}

function inspectWith(self, obj, depth, options) {
  if (depth < 0) return self;
  const opts = { ...options, depth: options.depth === null ? null : options.depth - 1 };
  return `${self.constructor.name} ${lazyInspect()(obj, opts)}`;
}

class Event {
  #type; #cancelable; #bubbles; #composed; #defaultPrevented = false;
  #timestamp = now(); #propagationStopped = false;
  constructor(type, options = undefined) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('type');
    if (options != null && typeof options !== 'object') {
      throw new ERR_INVALID_ARG_TYPE('options', 'Object', options);
    }
    this.#cancelable = Boolean(options && options.cancelable);
    this.#bubbles = Boolean(options && options.bubbles);
    this.#composed = Boolean(options && options.composed);
    this.#type = `${type}`;
    this[kTrustEvent] = Boolean(options && options[kTrustEvent]);
    this[kStop] = false;
    this[kTarget] = null;
    this[kIsBeingDispatched] = false;
  }
  [customInspect](depth, options) {
    const name = this.constructor.name;
    if (depth < 0) return name;
    const opts = { ...options, depth: Number.isInteger(options.depth) ? options.depth - 1 : options.depth };
    return `${name} ${lazyInspect()({
      type: this.#type,
      defaultPrevented: this.#defaultPrevented,
      cancelable: this.#cancelable,
      timeStamp: this.#timestamp,
    }, opts)}`;
  }
  stopImmediatePropagation() { this[kStop] = true; }
  preventDefault() { this.#defaultPrevented = true; }
  get target() { return this[kTarget]; }
  get currentTarget() { return this[kIsBeingDispatched] ? this[kTarget] : null; }
  get srcElement() { return this[kTarget]; }
  get type() { return this.#type; }
  get cancelable() { return this.#cancelable; }
  get defaultPrevented() { return this.#cancelable && this.#defaultPrevented; }
  get timeStamp() { return this.#timestamp; }
  composedPath() { return this[kIsBeingDispatched] ? [this[kTarget]] : []; }
  get returnValue() { return !this.defaultPrevented; }
  get bubbles() { return this.#bubbles; }
  get composed() { return this.#composed; }
  get eventPhase() { return this[kIsBeingDispatched] ? Event.AT_TARGET : Event.NONE; }
  get cancelBubble() { return this.#propagationStopped; }
  set cancelBubble(value) { if (value) this.stopPropagation(); }
  stopPropagation() { this.#propagationStopped = true; }
  get isTrusted() { return this[kTrustEvent]; }
}
const kTarget = Symbol('kTarget');
for (const [name, value] of [['NONE', 0], ['CAPTURING_PHASE', 1], ['AT_TARGET', 2], ['BUBBLING_PHASE', 3]]) {
  Object.defineProperty(Event, name, { value, enumerable: true });
  Object.defineProperty(Event.prototype, name, { value, enumerable: true });
}
Object.defineProperty(Event.prototype, Symbol.toStringTag, { value: 'Event', configurable: true });

function validateListener(listener) {
  if (typeof listener === 'function' || (listener != null && typeof listener.handleEvent === 'function')) return true;
  if (listener == null) return false;
  if (typeof listener === 'object') return true; // node warns and ignores at dispatch
  throw new ERR_INVALID_ARG_TYPE('listener', 'EventListener', listener);
}

function flagsOf(options) {
  if (typeof options === 'boolean') return { capture: options };
  if (options === null || options === undefined) return {};
  return options;
}

function reportError(err) {
  const p = globalThis.process;
  if (p && typeof p.nextTick === 'function') p.nextTick(() => { throw err; });
  else queueMicrotask(() => { throw err; });
}

class EventTarget {
  constructor() {
    this[kEvents] = new Map();
  }
  [customInspect](depth, options) {
    const name = this.constructor.name;
    if (depth < 0) return name;
    const opts = { ...options, depth: Number.isInteger(options.depth) ? options.depth - 1 : options.depth };
    return `${name} ${lazyInspect()({}, opts)}`;
  }
  addEventListener(type, listener, options = undefined) {
    if (arguments.length < 2) throw new ERR_MISSING_ARGS('type', 'listener');
    const { once = false, capture = false, passive = false, signal } = flagsOf(options);
    if (!validateListener(listener)) return;
    if (signal) {
      if (signal.aborted) return;
      signal.addEventListener('abort', () => this.removeEventListener(type, listener, options), { once: true });
    }
    type = String(type);
    let list = this[kEvents].get(type);
    if (list === undefined) this[kEvents].set(type, list = []);
    if (list.some((e) => e.original === listener && e.capture === Boolean(capture))) return;
    list.push({ original: listener, once: Boolean(once), capture: Boolean(capture), passive: Boolean(passive), removed: false });
  }
  removeEventListener(type, listener, options = undefined) {
    const { capture = false } = flagsOf(options);
    const list = this[kEvents].get(String(type));
    if (list === undefined) return;
    const i = list.findIndex((e) => e.original === listener && e.capture === Boolean(capture));
    if (i !== -1) {
      list[i].removed = true;
      list.splice(i, 1);
      if (list.length === 0) this[kEvents].delete(String(type));
    }
  }
  dispatchEvent(event) {
    if (!(event instanceof Event)) throw new ERR_INVALID_ARG_TYPE('event', 'Event', event);
    if (event[kIsBeingDispatched]) throw new ERR_EVENT_RECURSION(event.type);
    event[kTarget] = this;
    event[kIsBeingDispatched] = true;
    const list = this[kEvents].get(event.type);
    for (const entry of list ? list.slice() : []) {
      if (entry.removed) continue;
      if (entry.once) this.removeEventListener(event.type, entry.original, { capture: entry.capture });
      try {
        const l = entry.original;
        const result = typeof l === 'function' ? l.call(this, event)
          : (typeof l.handleEvent === 'function' ? l.handleEvent(event) : undefined);
        if (result !== undefined && result !== null && typeof result.then === 'function') {
          result.then(undefined, reportError);
        }
      } catch (err) {
        reportError(err);
      }
      if (event[kStop]) break;
    }
    event[kIsBeingDispatched] = false;
    return event.defaultPrevented !== true;
  }
}
Object.defineProperty(EventTarget.prototype, Symbol.toStringTag, { value: 'EventTarget', configurable: true });

// ---- AbortSignal / AbortController ------------------------------------------

const kAborted = Symbol('kAborted');
const kReason = Symbol('kReason');
const kOnAbort = Symbol('kOnAbort');
let internalCreate = false;

class AbortSignal extends EventTarget {
  constructor() {
    if (!internalCreate) throw new ERR_ILLEGAL_CONSTRUCTOR();
    super();
    this[kAborted] = false;
    this[kReason] = undefined;
  }
  // The `onabort` handler attribute: a listener in the position where it was first set.
  get onabort() { return this[kOnAbort] ? this[kOnAbort].handler : null; }
  set onabort(value) {
    const handler = typeof value === 'function' ? value : null;
    if (this[kOnAbort]) {
      this[kOnAbort].handler = handler;
    } else if (handler) {
      const slot = { handler };
      this[kOnAbort] = slot;
      this.addEventListener('abort', (e) => { if (slot.handler) return slot.handler.call(this, e); });
    }
  }
  get aborted() { return this[kAborted]; }
  get reason() { return this[kReason]; }
  throwIfAborted() {
    if (this[kAborted]) throw this[kReason];
  }
  [customInspect](depth, options) {
    return inspectWith(this, { aborted: this.aborted }, depth, options);
  }
  static abort(reason = new DOMException('This operation was aborted', 'AbortError')) {
    return createAbortSignal({ aborted: true, reason });
  }
  static timeout(delay) {
    if (typeof delay !== 'number' || !Number.isInteger(delay) || delay < 0 || delay > 2 ** 53 - 1) {
      const { validateNumber } = require('internal/errors');
      if (typeof delay !== 'number') throw new ERR_INVALID_ARG_TYPE('delay', 'number', delay);
      validateNumber(delay, 'delay', 0, Number.MAX_SAFE_INTEGER);
    }
    const signal = createAbortSignal();
    const timer = globalThis.setTimeout(() => {
      abortSignal(signal, new DOMException('The operation was aborted due to timeout', 'TimeoutError'));
    }, delay);
    if (timer && typeof timer.unref === 'function') timer.unref();
    return signal;
  }
  static any(signals) {
    if (signals == null || typeof signals[Symbol.iterator] !== 'function') {
      throw new ERR_INVALID_ARG_TYPE('signals', 'Array', signals);
    }
    const list = [...signals];
    const result = createAbortSignal();
    for (const s of list) {
      if (s.aborted) {
        result[kAborted] = true;
        result[kReason] = s.reason;
        return result;
      }
    }
    for (const s of list) {
      s.addEventListener('abort', () => abortSignal(result, s.reason), { once: true });
    }
    return result;
  }
}
Object.defineProperty(AbortSignal.prototype, Symbol.toStringTag, { value: 'AbortSignal', configurable: true });

function createAbortSignal({ aborted = false, reason = undefined } = {}) {
  internalCreate = true;
  try {
    const signal = new AbortSignal();
    signal[kAborted] = aborted;
    signal[kReason] = reason;
    return signal;
  } finally {
    internalCreate = false;
  }
}

function abortSignal(signal, reason) {
  if (signal[kAborted]) return;
  signal[kAborted] = true;
  signal[kReason] = reason;
  signal.dispatchEvent(new Event('abort', { [kTrustEvent]: true }));
}

class AbortController {
  #signal;
  constructor() {
    this.#signal = createAbortSignal();
  }
  get signal() { return this.#signal; }
  abort(reason = new DOMException('This operation was aborted', 'AbortError')) {
    abortSignal(this.#signal, reason);
  }
  [customInspect](depth, options) {
    return inspectWith(this, { signal: this.signal }, depth, options);
  }
}
Object.defineProperty(AbortController.prototype, Symbol.toStringTag, { value: 'AbortController', configurable: true });


module.exports = {
  AbortController,
  AbortSignal,
  DOMException,
  Event,
  EventTarget,
  kEvents,
};
