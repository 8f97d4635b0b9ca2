'use strict';
// worker_threads (doc/api/worker_threads.md; lib/internal/worker.js, lib/internal/worker/io.js):
// a Worker is a JS context of its own on a model thread with its own loop, sharing the process's
// pool (tui/core/script/worker.py); MessagePorts are uv_async handles on their thread's loop
// (tui/core/ports.py); messages are structured clones (internal/worker_serdes.js).
const ptv = internalBinding('ptview');
const JSON = ptv.JSON;  // ptview's own copy: a script's JSON.parse = … leaves the host alone
const EventEmitter = require('events');
const path = require('path');
const { codes } = require('internal/errors');
const { Event, EventTarget, DOMException } = require('internal/abort');
const serdes = require('internal/worker_serdes');

const { kPortId } = serdes;
const info = JSON.parse(ptv.call('wt_info'));
const kHandle = Symbol('kHandle');
const kDetached = Symbol('kDetached');
const kOnMessageSlot = Symbol('kOnMessageSlot');
const kPublicPort = Symbol('kPublicPort');
const kExitCode = Symbol('kExitCode');
const SHARE_ENV = Symbol.for('nodejs.worker_threads.SHARE_ENV');

// -- MessageEvent ---------------------------------------------------------------------------------
class MessageEvent extends Event {
  #data; #ports; #origin; #lastEventId; #source;
  constructor(type, { data = null, origin = '', lastEventId = '', source = null, ports = [] } = {}) {
    super(type);
    this.#data = data; this.#ports = [...ports]; this.#origin = `${origin}`;
    this.#lastEventId = `${lastEventId}`; this.#source = source;
  }
  get data() { return this.#data; }
  get ports() { return this.#ports; }
  get origin() { return this.#origin; }
  get lastEventId() { return this.#lastEventId; }
  get source() { return this.#source; }
}

// -- MessagePort ------------------------------------------------------------------------------------
// A NodeEventTarget as node's: `on('message', fn)` gets the data, addEventListener/onmessage get a
// MessageEvent; the first 'message' listener refs and starts the port, the last one removed stops
// and unrefs it (setupPortReferencing).
const kEventListener = Symbol('kEventListener');
const ports = new Map();   // this thread's MessagePort objects by port id

class MessagePort extends EventEmitter {
  constructor(key) {
    if (key !== kHandle) throw new TypeError('Illegal constructor');
    super();
  }
  postMessage(value, transferList) {
    if (arguments.length === 0) throw new codes.ERR_MISSING_ARGS('message');
    if (transferList !== undefined && transferList !== null && !Array.isArray(transferList) &&
        typeof transferList === 'object' && transferList.transfer !== undefined) transferList = transferList.transfer;
    const { tree, ports: moved } = serdes.serialize(value, transferList);
    if (moved.includes(this[kPortId])) throw serdes.cloneError('Transfer list contains source port');
    if (this[kDetached]) return;
    for (const id of moved) {
      const p = ports.get(id);
      if (p) { p[kDetached] = true; ports.delete(id); }
    }
    ptv.call('wt_port_post', this[kPortId], JSON.stringify(tree), JSON.stringify(moved));
  }
  start() { if (!this[kDetached]) ptv.call('wt_port_start', this[kPortId]); }
  close(cb) {
    if (typeof cb === 'function') this.once('close', cb);
    if (!this[kDetached]) ptv.call('wt_port_close', this[kPortId]);
  }
  ref() { if (!this[kDetached]) ptv.call('wt_port_ref', this[kPortId], true); return this; }
  unref() { if (!this[kDetached]) ptv.call('wt_port_ref', this[kPortId], false); return this; }
  hasRef() { return !this[kDetached] && !!ptv.call('wt_port_hasref', this[kPortId]); }
  addEventListener(type, listener, options) {
    if (typeof listener !== 'function') return;
    const once = options !== null && typeof options === 'object' && !!options.once;
    const w = function (data, event) { return listener.call(this, event); };
    w[kEventListener] = listener;
    if (once) this.once(type, w); else this.on(type, w);
  }
  removeEventListener(type, listener) {
    for (const l of this.rawListeners(type)) {
      const f = l.listener || l;
      if (f[kEventListener] === listener) { this.removeListener(type, f); return; }
    }
  }
  dispatchEvent(event) {
    dispatch(this, event.type, event.data, event);
    return true;
  }
  get onmessage() { return this[kOnMessageSlot] ? this[kOnMessageSlot].handler : null; }
  set onmessage(fn) { setHandler(this, 'message', fn); }
  get onmessageerror() { return this[kOnMessageSlot + 'e'] ? this[kOnMessageSlot + 'e'].handler : null; }
  set onmessageerror(fn) { setHandler(this, 'messageerror', fn); }
  get [Symbol.toStringTag]() { return 'MessagePort'; }
}
function setHandler(port, type, fn) {
  const key = type === 'message' ? kOnMessageSlot : kOnMessageSlot + 'e';
  const handler = typeof fn === 'function' ? fn : null;
  let slot = port[key];
  if (slot) {
    slot.handler = handler;
    if (!handler) { port.removeListener(type, slot.w); port[key] = undefined; }
    return;
  }
  if (!handler) return;
  slot = port[key] = { handler, w: null };
  slot.w = function (data, event) { return slot.handler && slot.handler.call(this, event); };
  slot.w[kEventListener] = slot;
  port.on(type, slot.w);
  if (type === 'message') port.start();
}
// emit to node-style listeners with the data, to EventTarget-style ones with the MessageEvent
function dispatch(port, type, data, event) {
  const list = port.rawListeners(type);
  for (const l of list) {
    const f = l.listener || l;
    const arg = f[kEventListener] !== undefined ? (event || (event = new MessageEvent(type, { data }))) : data;
    if (l.listener) port.removeListener(type, l.listener);
    if (f[kEventListener] !== undefined) f.call(port, data, arg);
    else f.call(port, arg);
  }
  return list.length > 0;
}

function makePort(id) {
  const port = new MessagePort(kHandle);
  port[kPortId] = id;
  port[kDetached] = false;
  ports.set(id, port);
  port.on('newListener', (name) => {
    if (name === 'message' && port.listenerCount('message') === 0 && !port[kDetached]) {
      ptv.call('wt_port_ref', id, true);
      ptv.call('wt_port_start', id);
    }
  });
  port.on('removeListener', (name) => {
    if (name === 'message' && port.listenerCount('message') === 0 && !port[kDetached]) {
      ptv.call('wt_port_stop', id);
      ptv.call('wt_port_ref', id, false);
    }
  });
  let jsId = 0;
  const onHost = (r) => {
    if (r.close) {
      ports.delete(id);
      ptv.unregister(jsId);   // the host forgets this port: nothing more comes for it
      port.emit('close');
      return;
    }
    let data;
    try {
      data = serdes.deserialize(JSON.parse(r.m), receivedPort);
    } catch (e) {
      if (!dispatch(port, 'messageerror', e)) throw e;
      return;
    }
    dispatch(port, 'message', data);
  };
  jsId = ptv.register(onHost);
  ptv.call('wt_port_listen', id, jsId);
  return port;
}
function receivedPort(id) {
  ptv.call('wt_port_attach', id);
  return ports.get(id) || makePort(id);
}

class MessageChannel {
  constructor() {
    const [a, b] = JSON.parse(ptv.call('wt_channel'));
    this.port1 = makePort(a);
    this.port2 = makePort(b);
  }
}

function receiveMessageOnPort(port) {
  if (!(port instanceof MessagePort)) throw new codes.ERR_INVALID_ARG_TYPE('port', 'MessagePort', port);
  if (port[kDetached]) return undefined;
  const got = ptv.call('wt_port_receive', port[kPortId]);
  if (got === null) return undefined;
  const r = JSON.parse(got);
  return { message: serdes.deserialize(JSON.parse(r.m), receivedPort) };
}

// -- BroadcastChannel ---------------------------------------------------------------------------------
class BroadcastChannel extends EventTarget {
  #name; #id; #closed = false; #onmessage = null; #onmessageerror = null;
  constructor(name) {
    if (arguments.length === 0) throw new codes.ERR_MISSING_ARGS('name');
    super();
    this.#name = `${name}`;
    this.#id = ptv.call('wt_broadcast', JSON.stringify(this.#name));
    const onHost = (r) => {
      if (r.close) return;
      let data;
      try {
        data = serdes.deserialize(JSON.parse(r.m), receivedPort);
      } catch (e) {
        this.dispatchEvent(new MessageEvent('messageerror', { data: e }));
        return;
      }
      this.dispatchEvent(new MessageEvent('message', { data }));
    };
    ptv.call('wt_port_listen', this.#id, ptv.register(onHost));
    ptv.call('wt_port_ref', this.#id, true);   // a BroadcastChannel keeps the loop alive until close()/unref()
    ptv.call('wt_port_start', this.#id);
  }
  get name() { return this.#name; }
  postMessage(message) {
    if (arguments.length === 0) throw new codes.ERR_MISSING_ARGS('message');
    if (this.#closed) throw new DOMException('BroadcastChannel is closed.', 'InvalidStateError');
    const { tree } = serdes.serialize(message);
    ptv.call('wt_port_post', this.#id, JSON.stringify(tree), '[]');
  }
  close() {
    if (this.#closed) return;
    this.#closed = true;
    ptv.call('wt_port_close', this.#id);
  }
  ref() { if (!this.#closed) ptv.call('wt_port_ref', this.#id, true); return this; }
  unref() { if (!this.#closed) ptv.call('wt_port_ref', this.#id, false); return this; }
  get onmessage() { return this.#onmessage; }
  set onmessage(fn) {
    if (this.#onmessage === null && typeof fn === 'function') {
      this.addEventListener('message', (e) => this.#onmessage && this.#onmessage.call(this, e));
    }
    this.#onmessage = typeof fn === 'function' ? fn : null;
  }
  get onmessageerror() { return this.#onmessageerror; }
  set onmessageerror(fn) {
    if (this.#onmessageerror === null && typeof fn === 'function') {
      this.addEventListener('messageerror', (e) => this.#onmessageerror && this.#onmessageerror.call(this, e));
    }
    this.#onmessageerror = typeof fn === 'function' ? fn : null;
  }
}

// -- environment data (copied into each Worker at its start) -------------------------------------
const environmentData = new Map();
if (info.environmentData) {
  for (const [k, v] of serdes.deserialize(JSON.parse(info.environmentData), receivedPort)) environmentData.set(k, v);
}
function setEnvironmentData(key, value) {
  if (value === undefined) environmentData.delete(key);
  else environmentData.set(key, value);
}
function getEnvironmentData(key) { return environmentData.get(key); }

// -- Worker --------------------------------------------------------------------------------------------
class Worker extends EventEmitter {
  constructor(filename, options = {}) {
    super();
    if (options === null || typeof options !== 'object') options = {};
    let argv;
    if (options.argv !== undefined) {
      if (!Array.isArray(options.argv)) throw new codes.ERR_INVALID_ARG_TYPE('options.argv', 'Array', options.argv);
      argv = options.argv.map(String);
    }
    const spec = { argv, stdout: !!options.stdout, stderr: !!options.stderr };
    if (options.eval) {
      if (typeof filename !== 'string') {
        throw new codes.ERR_INVALID_ARG_VALUE('options.eval', options.eval, 'must be false when \'filename\' is not a string');
      }
      spec.eval = true;
      spec.code = filename;
    } else {
      if (filename !== null && typeof filename === 'object' && typeof filename.href === 'string') {
        if (filename.protocol === 'data:') throw refuseData();
        filename = require('url').fileURLToPath(filename);
      } else if (typeof filename !== 'string') {
        throw new codes.ERR_INVALID_ARG_TYPE('filename', ['string', 'URL'], filename);
      } else if (!(path.isAbsolute(filename) || /^\.\.?[\\/]/.test(filename))) {
        const e = new TypeError('The worker script or module filename must be an absolute path or a relative ' +
          `path starting with './' or '../'. Received "${filename}"`);
        e.code = 'ERR_WORKER_PATH';
        throw e;
      }
      spec.filename = path.resolve(filename);
    }
    if (options.env === SHARE_ENV) spec.env = 'share';
    else if (options.env !== undefined && options.env !== null) {
      if (typeof options.env !== 'object') {
        throw new codes.ERR_INVALID_ARG_TYPE('options.env', ['object', 'undefined', 'null', 'worker_threads.SHARE_ENV'], options.env);
      }
      spec.env = {};
      for (const [k, v] of Object.entries(options.env)) spec.env[k] = `${v}`;
    }
    const { tree, ports: moved } = serdes.serialize(options.workerData, options.transferList);
    spec.workerData = JSON.stringify(tree);
    spec.environmentData = JSON.stringify(serdes.serialize(environmentData).tree);
    spec.ports = moved;
    if (options.resourceLimits && typeof options.resourceLimits === 'object') {
      const r = options.resourceLimits;
      spec.resourceLimits = limitsOf(r);
    } else {
      spec.resourceLimits = limitsOf({});
    }
    this.#limits = spec.resourceLimits;
    for (const id of moved) {
      const p = ports.get(id);
      if (p) { p[kDetached] = true; ports.delete(id); }
    }
    this[kExitCode] = undefined;
    const onHost = (r) => this.#onHost(r);
    const got = ptv.call('wt_worker_new', JSON.stringify(spec), ptv.register(onHost));
    if (typeof got === 'string' && got[0] !== '{') ptv.refuse(got);
    const made = JSON.parse(got);
    this[kHandle] = made.threadId;
    this.#threadId = made.threadId;
    const pub = this[kPublicPort] = makePort(made.publicPort);
    pub.on('message', (m) => this.emit('message', m));
    pub.on('messageerror', (e) => this.emit('messageerror', e));
    ptv.call('wt_port_ref', made.publicPort, false);   // setupPortReferencing(this[kPublicPort], this, 'message')
    this.on('newListener', (name) => {
      if (name === 'message' && this.listenerCount('message') === 0 && this[kHandle] !== null) pub.ref();
    });
    this.on('removeListener', (name) => {
      if (name === 'message' && this.listenerCount('message') === 0 && this[kHandle] !== null) pub.unref();
    });
    // worker.stdout/stderr (ReadableWorkerStdio): what the Worker writes, when the stdout/stderr
    // option asks for it; otherwise the host writes it to this thread's own output
    const { Readable } = require('stream');
    this.#stdio = [new Readable({ read() {} }), new Readable({ read() {} })];
    this.performance = { eventLoopUtilization() { return { idle: 0, active: 0, utilization: 0 }; } };
    process.nextTick(() => process.emit('worker', this));
  }
  #threadId = -1;
  #stdio = null;
  #onHost(r) {
    if (r.event === 'online') {
      this.emit('online');
    } else if (r.event === 'stdio') {
      const stream = this.#stdio[r.fd === 1 ? 0 : 1];
      for (const chunk of r.chunks) stream.push(chunk);
    } else if (r.event === 'error') {
      let err;
      try { err = serdes.deserialize(JSON.parse(r.error), receivedPort); } catch (e) { err = e; }
      this.emit('error', err);
    } else if (r.event === 'exit') {
      this.removeAllListeners('message');
      this.removeAllListeners('messageerrors');
      this[kHandle] = null;
      this[kExitCode] = r.code;
      for (const stream of this.#stdio) if (!stream.readableEnded) stream.push(null);   // kDispose
      this.emit('exit', r.code);
      this.removeAllListeners();
    }
  }
  postMessage(...args) {
    if (this[kHandle] === null) return;
    this[kPublicPort].postMessage(...args);
  }
  terminate(callback) {
    if (typeof callback === 'function') {
      process.emitWarning('Passing a callback to worker.terminate() is deprecated. It returns a Promise instead.',
        'DeprecationWarning', 'DEP0132');
      if (this[kHandle] === null) return Promise.resolve();
      this.once('exit', (code) => callback(null, code));
    }
    if (this[kHandle] === null) return Promise.resolve();
    this.ref();
    const p = new Promise((resolve) => this.once('exit', resolve));
    ptv.call('wt_worker_terminate', this[kHandle]);
    return p;
  }
  ref() {
    if (this[kHandle] === null) return;
    ptv.call('wt_worker_ref', this[kHandle], true);
    this[kPublicPort].ref();
  }
  unref() {
    if (this[kHandle] === null) return;
    ptv.call('wt_worker_ref', this[kHandle], false);
    this[kPublicPort].unref();
  }
  get threadId() { return this[kHandle] === null ? -1 : this.#threadId; }
  get stdin() { return null; }
  get stdout() { return this.#stdio[0]; }
  get stderr() { return this.#stdio[1]; }
  get resourceLimits() { return this[kHandle] === null ? {} : (this.#limits || {}); }
  #limits = undefined;
  getHeapSnapshot() { return Promise.reject(new Error('getHeapSnapshot() is not supported by ptview')); }
}
// what a Worker's isolate ends up with (node v20 here: V8's defaults for a 2-vCPU, 4 GiB-heap machine)
function limitsOf(r) {
  const num = (v) => typeof v === 'number';
  return {
    maxYoungGenerationSizeMb: num(r.maxYoungGenerationSizeMb) ? r.maxYoungGenerationSizeMb : 48,
    maxOldGenerationSizeMb: num(r.maxOldGenerationSizeMb) ? Math.max(r.maxOldGenerationSizeMb, 2) : 4096,
    codeRangeSizeMb: num(r.codeRangeSizeMb) ? r.codeRangeSizeMb : 0,
    stackSizeMb: num(r.stackSizeMb) ? r.stackSizeMb : 4,
  };
}
function refuseData() {
  ptv.refuse('new Worker(data: URL) is an ES module: not supported');
}

let parentPort = null;
if (!info.isMainThread) {
  parentPort = receivedPort(info.parentPort);
}
let workerData = null;
if (!info.isMainThread) workerData = serdes.deserialize(JSON.parse(info.workerData), receivedPort);

module.exports = {
  isMainThread: info.isMainThread,
  MessagePort,
  MessageChannel,
  markAsUntransferable: serdes.markAsUntransferable,
  moveMessagePortToContext() { ptv.refuse('worker_threads.moveMessagePortToContext is not supported: ptview has no vm contexts'); },
  receiveMessageOnPort,
  resourceLimits: info.resourceLimits || {},
  threadId: info.threadId,
  SHARE_ENV,
  Worker,
  parentPort,
  workerData,
  BroadcastChannel,
  setEnvironmentData,
  getEnvironmentData,
};
