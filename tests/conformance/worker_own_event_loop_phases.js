// The classic event-loop ordering puzzle (sync, process.nextTick, promises, setImmediate, an fs.readFile callback, then
// setImmediate before setTimeout(0) inside the I/O callback; nodejs.org Learn "The Node.js Event Loop",
// https://nodejs.org/en/learn/asynchronous-work/event-loop-timers-and-nexttick) run inside a Worker: doc/api/worker_threads.md
// says each Worker has its own event loop, so the order inside it is the usual one. The main thread prints only before
// the Worker can (its own sync code) and at 'exit' (a Worker's console output is all written by then).
const { Worker, isMainThread } = require('node:worker_threads');
const fs = require('node:fs');

if (isMainThread) {
  const w = new Worker(__filename);
  w.on('exit', (code) => console.log('main: worker exited with', code));
  console.log('main: worker started');
} else {
  console.log('1 worker sync');
  process.nextTick(() => console.log('3 nextTick'));
  Promise.resolve().then(() => console.log('4 promise'));
  queueMicrotask(() => console.log('5 queueMicrotask'));
  setImmediate(() => console.log('6 setImmediate'));
  fs.readFile(__filename, () => {
    console.log('7 readFile callback');
    setTimeout(() => console.log('10 setTimeout 0 inside I/O'), 0);
    setImmediate(() => console.log('9 setImmediate inside I/O'));
    process.nextTick(() => console.log('8 nextTick inside I/O'));
  });
  console.log('2 worker sync end');
}
