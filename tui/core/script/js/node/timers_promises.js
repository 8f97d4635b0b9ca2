'use strict';
// timers/promises: the timers module's Timeout and Immediate, settled through promises;
// an AbortSignal rejects with node's AbortError and clears the timer.
const timers = require('timers');

function abortError(signal) {
  const e = new Error('The operation was aborted');
  e.name = 'AbortError';
  e.code = 'ABORT_ERR';
  if (signal && signal.reason !== undefined) e.cause = signal.reason;
  return e;
}
function settle(start, clear, value, options = {}) {
  const { signal, ref = true } = options || {};
  if (signal && signal.aborted) return Promise.reject(abortError(signal));
  return new Promise((resolve, reject) => {
    const handle = start(() => {
      if (signal) signal.removeEventListener('abort', onAbort);
      resolve(value);
    });
    if (!ref && handle.unref) handle.unref();
    function onAbort() { clear(handle); reject(abortError(signal)); }
    if (signal) signal.addEventListener('abort', onAbort, { once: true });
  });
}
function setTimeout(delay, value, options) {
  return settle((f) => timers.setTimeout(f, delay), timers.clearTimeout, value, options);
}
function setImmediate(value, options) {
  return settle((f) => timers.setImmediate(f), timers.clearImmediate, value, options);
}
async function* setInterval(delay, value, options = {}) {
  const { signal } = options || {};
  if (signal && signal.aborted) throw abortError(signal);
  let pending = 0;
  let wake = null;
  const handle = timers.setInterval(() => { pending++; if (wake) { wake(); wake = null; } }, delay);
  let aborted = false;
  const onAbort = () => { aborted = true; if (wake) { wake(); wake = null; } };
  if (signal) signal.addEventListener('abort', onAbort, { once: true });
  try {
    for (;;) {
      if (pending === 0) await new Promise((r) => { wake = r; });
      if (aborted) throw abortError(signal);
      pending--;
      yield value;
    }
  } finally {
    timers.clearInterval(handle);
    if (signal) signal.removeEventListener('abort', onAbort);
  }
}
module.exports = { setTimeout, setImmediate, setInterval, scheduler: { wait: (d, o) => setTimeout(d, undefined, o), yield: () => setImmediate() } };
