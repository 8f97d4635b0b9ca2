// ptview's probe: preloaded into a real node with `node --require probe.js`.
//
// It reports every async resource's life through async_hooks, as tab-separated
// lines on the file descriptor named by PTVIEW_PROBE_FD (a pipe ptview reads):
//
//   h <pid> <node version> <hrtime at start, ns> <probe format>     once, first
//   i <t_us> <id> <type> <trigger> <exec id> <depth> <api> <site>  init
//   b <t_us> <id>    before (its callback starts)
//   a <t_us> <id>    after (its callback returned)
//   d <t_us> <id>    destroy
//   r <t_us> <id>    promiseResolve
//   x <t_us> <code>  the process is exiting
//
// t_us: microseconds since the probe started (process.hrtime.bigint()).
// <site> is the first frame in the program's own files (not node:, not
// node_modules, not this file) as file:line:col, '-' when none is within the
// captured frames; <depth> is how many node frames lie between the hook and
// that frame (0 for promise.then(), 1 for fs.stat(), 3 for setTimeout(), 8 for
// a tick that console.log schedules inside a stream); without a site, -1 when
// no frame at all is on the stack (V8's own job, such as adopting a promise
// resolved with a promise) and -1 - N with N node frames; <api> is the name
// of the function the program called there.
//
// Why it is written this way:
// - Writes are synchronous (fs.writeSync): an asynchronous write from inside a
//   hook would create a resource and re-enter the hooks without end.
// - Never stdout/stderr: the program's own output must stay unchanged.
// - Lines are buffered and written in chunks (at 16 KiB, around the outermost
//   callback, for a resource made outside any callback, and at exit): one
//   syscall per event would multiply the probe's cost on promise-heavy code.
// - Children are not probed: the variable naming the fd is removed from this
//   process's environment and `--require <this file>` from process.execArgv
//   (which child_process.fork reuses), so a forked node starts clean.
'use strict';

const fd = Number(process.env.PTVIEW_PROBE_FD);
delete process.env.PTVIEW_PROBE_FD;
{
  const i = process.execArgv.findIndex((a, k, all) =>
    (a === '--require' || a === '-r') && all[k + 1] === __filename);
  if (i >= 0) process.execArgv.splice(i, 2);
}

if (Number.isInteger(fd) && fd > 2) {
  const asyncHooks = require('async_hooks');
  const fs = require('fs');
  const FORMAT = 1;
  const FLUSH_AT = 16384;
  // V8's stack capture costs per frame (≈ 17 µs for 16 frames, 7 µs for 6 here).
  // A resource is the program's when its frame is within the hook's own frames
  // (2-3) plus USER_DEPTH (kinds.py) node frames: 10 frames tell for every type
  // and still name the program's line under a console.log's stream tick; 6 for
  // promises (most resources), whose program frame must be right above .then().
  const STACK_FRAMES = 10;
  const PROMISE_FRAMES = 6;
  // Creation sites cost a stack capture per resource: about half the probe's cost
  // on promise-heavy code (bench/bench_probe.py). PTVIEW_PROBE_SITES=0 skips them.
  const SITES = process.env.PTVIEW_PROBE_SITES !== '0';
  delete process.env.PTVIEW_PROBE_SITES;
  const t0 = process.hrtime.bigint();
  let buf = '';
  let depth = 0;     // callbacks entered and not yet returned
  let broken = false; // the reader went away: stay quiet, never disturb the program

  const now = () => Number((process.hrtime.bigint() - t0) / 1000n);

  function flush() {
    if (broken || buf.length === 0) return;
    let data = Buffer.from(buf, 'utf8');
    buf = '';
    while (data.length > 0) {
      let n;
      try {
        n = fs.writeSync(fd, data);
      } catch (e) {
        if (e.code === 'EAGAIN') continue; // a non-blocking pipe that is full: the reader drains it
        broken = true;                     // EPIPE, EBADF: nobody reads any more
        return;
      }
      data = data.subarray(n);
    }
  }

  function put(line) {
    buf += line;
    if (buf.length >= FLUSH_AT) flush();
  }

  const own = __filename;
  const clean = (s) => String(s).replace(/[\t\n\r]/g, ' ');
  const grab = (_, frames) => frames;

  // The creation site: V8's structured frames (no string formatting of the
  // whole stack), only the top `limit`.
  function site(limit) {
    const savedPrepare = Error.prepareStackTrace;
    const savedLimit = Error.stackTraceLimit;
    Error.prepareStackTrace = grab;
    Error.stackTraceLimit = limit;
    const holder = {};
    Error.captureStackTrace(holder, init);
    const frames = holder.stack;
    Error.prepareStackTrace = savedPrepare;
    Error.stackTraceLimit = savedLimit;
    if (!Array.isArray(frames)) return '-1\t-\t-';
    let nodeFrames = 0;
    let api = '-';
    for (const f of frames) {
      const file = f.getFileName();
      if (file === own) continue;
      if (!file || file.startsWith('node:') || file.includes('/node_modules/')) {
        if (file === 'node:internal/async_hooks') continue;
        // V8 builtins (Promise.prototype.then, Promise.resolve) have no file: they
        // name the api but are no node code between the program and its resource.
        if (file) nodeFrames++;
        api = f.getFunctionName() || f.getMethodName() || api;
        continue;
      }
      if (nodeFrames === 0) api = '-';
      return `${nodeFrames}\t${clean(api)}\t${clean(file)}:${f.getLineNumber()}:${f.getColumnNumber()}`;
    }
    return `${-1 - nodeFrames}\t-\t-`;
  }

  function init(id, type, trigger) {
    put(`i\t${now()}\t${id}\t${clean(type)}\t${trigger}\t${asyncHooks.executionAsyncId()}\t${SITES ? site(type === 'PROMISE' ? PROMISE_FRAMES : STACK_FRAMES) : '-1\t-\t-'}\n`);
    // Outside any callback (the main module, code run from a native callback):
    // nothing may return to the loop soon, so a timer or a request made here is
    // sent now. Promises are left to the next flush, so a promise-heavy main
    // module does not pay a write each.
    if (depth === 0 && type !== 'PROMISE') flush();
  }

  asyncHooks.createHook({
    init,
    before(id) {
      if (depth === 0) flush();
      depth++;
      put(`b\t${now()}\t${id}\n`);
    },
    after(id) {
      put(`a\t${now()}\t${id}\n`);
      if (--depth <= 0) {
        depth = 0;
        flush(); // back to the loop: what happened reaches ptview now, not at 16 KiB
      }
    },
    destroy(id) {
      put(`d\t${now()}\t${id}\n`);
    },
    promiseResolve(id) {
      put(`r\t${now()}\t${id}\n`);
    },
  }).enable();

  put(`h\t${process.pid}\t${process.version}\t${t0}\t${FORMAT}\n`);
  flush();
  process.on('exit', (code) => {
    put(`x\t${now()}\t${code}\n`);
    flush();
  });
}
