'use strict';
// console: formatted by util.formatWithOptions (the prelude's port of node's inspect),
// written through the host to stdout (log/info/debug/dir/table) or stderr (error/warn/trace).
const ptv = internalBinding('ptview');
const JSON = ptv.JSON;  // ptview's own copy: a script's JSON.parse = … leaves the host alone
const util = require('util');

let indent = '';
const counts = new Map();
const timers = new Map();
const made = [false, false, false];
function out(fd, text) {
  if (!made[fd]) { made[fd] = true; ptv.newAsyncId(); }  // node makes the stream (a TTY/pipe handle) now
  const s = indent ? text.split('\n').map((l) => indent + l).join('\n') : text;
  ptv.call('write', fd, JSON.stringify(s + '\n'));
}
// Formatting an object costs node util.inspect's time (the first one most): charged in model time.
const isObject = (a) => (typeof a === 'object' && a !== null) || typeof a === 'function';
const fmt = (args) => {
  if (args.some(isObject)) ptv.call('inspect_cost');
  return util.formatWithOptions({}, ...args);
};

const console = {
  log(...args) { out(1, fmt(args)); },
  info(...args) { out(1, fmt(args)); },
  debug(...args) { out(1, fmt(args)); },
  error(...args) { out(2, fmt(args)); },
  warn(...args) { out(2, fmt(args)); },
  dir(obj, options) { out(1, util.inspect(obj, { customInspect: false, ...options })); },
  trace(...args) {
    const e = new Error(fmt(args));
    e.name = 'Trace';
    out(2, e.stack);
  },
  assert(value, ...args) {
    if (!value) {
      args[0] = `Assertion failed${args.length === 0 ? '' : `: ${args[0]}`}`;
      out(2, fmt(args));
    }
  },
  count(label = 'default') {
    label = `${label}`;
    const n = (counts.get(label) || 0) + 1;
    counts.set(label, n);
    out(1, `${label}: ${n}`);
  },
  countReset(label = 'default') { counts.delete(`${label}`); },
  time(label = 'default') { timers.set(`${label}`, performance.now()); },
  timeEnd(label = 'default') { console.timeLog(label); timers.delete(`${label}`); },
  timeLog(label = 'default', ...data) {
    label = `${label}`;
    const t = timers.get(label);
    if (t === undefined) {
      process.emitWarning(`No such label '${label}' for console.timeLog()`);
      return;
    }
    const ms = performance.now() - t;
    const shown = ms >= 1000 ? `${(ms / 1000).toFixed(3)}s` : `${Number(ms.toFixed(3))}ms`;
    out(1, [`${label}: ${shown}`, ...data.map((d) => (typeof d === 'string' ? d : util.inspect(d)))].join(' '));
  },
  group(...label) { if (label.length) console.log(...label); indent += '  '; },
  groupCollapsed(...label) { console.group(...label); },
  groupEnd() { indent = indent.slice(0, Math.max(0, indent.length - 2)); },
  table(data, properties) {
    const text = require('internal/console_table').table(data, properties);
    if (text === null) console.log(data); else out(1, text);
  },
};
module.exports = console;
