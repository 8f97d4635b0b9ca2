'use strict';
// process: an EventEmitter whose queue, clock, env and exit are the host's.
// 'exit' and 'beforeExit' are raised by the host when the model's loop ends (SEMANTICS §1.3);
// 'uncaughtException' and 'unhandledRejection' decide what an uncaught error does.
const ptv = internalBinding('ptview');
const JSON = ptv.JSON;  // ptview's own copy: a script's JSON.parse = … leaves the host alone
const EventEmitter = require('events');
const { codes } = require('internal/errors');

const info = JSON.parse(ptv.call('process_info'));
const process = new EventEmitter();

function nextTick(callback, ...args) {
  if (typeof callback !== 'function') throw new codes.ERR_INVALID_ARG_TYPE('callback', 'Function', callback);
  const run = args.length ? () => callback(...args) : () => callback();
  run.target = callback;
  run.asyncId = ptv.newAsyncId();   // a TickObject
  ptv.call('tick', ptv.register(run));
}

// env: the host's copy of the environment (only UV_THREADPOOL_SIZE), which libuv reads when the
// first pool request creates the threads; a Worker's is a copy of its parent's, or the same one
// (SHARE_ENV), or the object it was given (the host keeps each thread's).
const env = new Proxy({}, {
  get(target, key) {
    if (typeof key !== 'string') return undefined;
    const v = ptv.call('env_get', JSON.stringify(key));
    return v === null ? undefined : JSON.parse(v);
  },
  set(target, key, value) {
    if (typeof key !== 'string') return true;
    ptv.call('env_set', JSON.stringify(key), JSON.stringify(String(value)));
    return true;
  },
  has(target, key) { return typeof key === 'string' && ptv.call('env_get', JSON.stringify(key)) !== null; },
  deleteProperty(target, key) {
    if (typeof key === 'string') ptv.call('env_delete', JSON.stringify(key));
    return true;
  },
  ownKeys() { return JSON.parse(ptv.call('env_keys')); },
  getOwnPropertyDescriptor(target, key) {
    if (typeof key !== 'string') return undefined;
    const v = ptv.call('env_get', JSON.stringify(key));
    return v === null ? undefined : { value: JSON.parse(v), writable: true, enumerable: true, configurable: true };
  },
  defineProperty(target, key, desc) {
    if (typeof key === 'string' && 'value' in desc) ptv.call('env_set', JSON.stringify(key), JSON.stringify(String(desc.value)));
    return true;
  },
});

function hrtime(prev) {
  const ns = Math.round(ptv.call('perf_now') * 1e6);
  let s = Math.floor(ns / 1e9);
  let n = ns % 1e9;
  if (Array.isArray(prev)) {
    s -= prev[0];
    n -= prev[1];
    if (n < 0) { s -= 1; n += 1e9; }
  }
  return [s, n];
}
hrtime.bigint = function bigint() { return BigInt(Math.round(ptv.call('perf_now') * 1e6)); };

Object.assign(process, {
  title: 'node',
  version: ptv.call('version'),
  versions: { node: ptv.call('version').slice(1), v8: '11.3.244.8-node.35', uv: '1.46.0', modules: '115',
              engine: 'quickjs-ng (ptview)' },
  arch: info.arch,
  platform: info.platform,
  release: { name: 'node', lts: 'Iron' },
  argv: info.argv,
  execArgv: [],
  argv0: 'node',
  execPath: info.execPath,
  env,
  pid: info.pid,
  ppid: info.ppid,
  exitCode: undefined,
  nextTick,
  hrtime,
  cwd() { return info.cwd; },
  chdir() { throw new Error('process.chdir() is not supported by ptview'); },
  uptime() { return ptv.call('perf_now') / 1000; },
  memoryUsage: Object.assign(function memoryUsage() { return JSON.parse(ptv.call('memory_usage')); },
    { rss() { return JSON.parse(ptv.call('memory_usage')).rss; } }),
  cpuUsage() { const us = Math.round(ptv.call('perf_now') * 1000); return { user: us, system: 0 }; },
  umask() { return 0o22; },
  emitWarning(warning, type, code) {
    if (type !== null && typeof type === 'object') { code = type.code; }
    let name = typeof type === 'string' ? type : (type && type.type) || 'Warning';
    const msg = warning instanceof Error ? warning.message : String(warning);
    if (warning instanceof Error) name = warning.name;
    const c = typeof code === 'string' ? `[${code}] ` : '';
    process.nextTick(() => {
      const w = warning instanceof Error ? warning : Object.assign(new Error(msg), { name });
      if (typeof code === 'string') w.code = code;
      process.emit('warning', w);
    });
    ptv.call('write', 2, JSON.stringify(`(node:${info.pid}) ${c}${name}: ${msg}\n` +
      (process._warned ? '' : '(Use `node --trace-warnings ...` to show where the warning was created)\n')));
    process._warned = true;
  },
  exit(code) {
    if (code !== undefined) process.exitCode = code;
    const c = process.exitCode === undefined ? 0 : (process.exitCode | 0);
    ptv.call('exit', c);
    for (;;) { /* the engine's interrupt handler ends the script here, uncatchably */ }
  },
  abort() { process.exit(134); },
  kill() { throw new Error('process.kill() is not supported by ptview'); },
  stdout: { write(s) { ptv.call('write', 1, JSON.stringify(String(s))); return true; }, isTTY: false, fd: 1 },
  stderr: { write(s) { ptv.call('write', 2, JSON.stringify(String(s))); return true; }, isTTY: false, fd: 2 },
  features: {},
  config: { variables: {} },
});
Object.defineProperty(process, 'connected', { enumerable: true, get() { return ptv.call('connected'); } });
if (info.child) {
  process.send = function send(message) {
    if (message === undefined) throw new codes.ERR_MISSING_ARGS('message');
    return ptv.call('process_send', JSON.stringify(message));
  };
  process.disconnect = function disconnect() { ptv.call('process_disconnect'); };
  const on = process.on;
  const ref = function (name) { if (name === 'message') ptv.call('channel_ref', true); };
  process.on = process.addListener = function (name, fn) { ref(name); return on.call(this, name, fn); };
  const once = process.once;
  process.once = function (name, fn) { ref(name); return once.call(this, name, fn); };
}
Object.defineProperty(process, Symbol.toStringTag, { value: 'process', configurable: true });

// events the host raises when the model says so
process._ptvHostEvent = function (name, payload) {
  if (name === 'exit') {
    if (payload !== undefined && payload !== 0) process.exitCode = payload;
    const code = process.exitCode === undefined ? 0 : (process.exitCode | 0);
    process._exiting = true;
    process.emit('exit', code);
    ptv.call('set_exit_code', process.exitCode === undefined ? 0 : (process.exitCode | 0));
  } else if (name === 'beforeExit') {
    process.emit('beforeExit', process.exitCode === undefined ? 0 : (process.exitCode | 0));
  } else {
    process.emit(name, payload);
  }
};

ptv.setFatalHandler((err, kind) => {
  const origin = kind === 'unhandledRejection' ? 'unhandledRejection' : 'uncaughtException';
  process.emit('uncaughtExceptionMonitor', err, origin);
  if (process.listenerCount('uncaughtException') > 0) {
    process.emit('uncaughtException', err, kind === 'unhandledRejection' ? 'unhandledRejection' : 'uncaughtException');
    return 0;
  }
  if (info.worker) {
    // workerOnGlobalUncaughtException (lib/internal/main/worker_thread.js): the error goes to the
    // parent ('error' there), the Worker exits with 1
    let text = null;
    try { text = JSON.stringify(require('internal/worker_serdes').serialize(err).tree); } catch { /* COULD_NOT_SERIALIZE */ }
    ptv.call('worker_fatal', JSON.stringify(text));
    for (;;) { /* the engine's interrupt handler ends the Worker here */ }
  }
  if (kind === 'unhandledRejection' && !(err instanceof Error)) {
    // node 20's printout for a rejection with a non-Error reason (lib/internal/process/promises.js)
    const { inspect } = require('util');
    const reason = typeof err === 'string' ? err : inspect(err);
    ptv.call('fatal', JSON.stringify('node:internal/process/promises:389\n      new UnhandledPromiseRejection(reason);\n' +
      '      ^\n\nUnhandledPromiseRejection: This error originated either by throwing inside of an async ' +
      'function without a catch block, or by rejecting a promise which was not handled with .catch(). The ' +
      `promise rejected with the reason "${reason}".\n` +
      '    at throwUnhandledRejectionsMode (node:internal/process/promises:389:7)\n' +
      '    at processPromiseRejections (node:internal/process/promises:470:17)\n' +
      '    at process.processTicksAndRejections (node:internal/process/task_queues:96:32) {\n' +
      `  code: 'ERR_UNHANDLED_REJECTION'\n}\n\nNode.js ${process.version}\n`));
    return 1;
  }
  ptv.call('fatal', JSON.stringify(ptv.fatalText(err, kind)));
  return 1;
});
ptv.setRejectionHandlers((reason, promise) => {
  if (process.listenerCount('unhandledRejection') === 0) return false;
  process.emit('unhandledRejection', reason, promise);
  return true;
}, (promise) => { process.emit('rejectionHandled', promise); });

module.exports = process;
