// The Worker's event order, from doc/api/worker_threads.md "Class: Worker" ('online': "the worker thread has started
// executing JavaScript code"; 'exit': "the final event emitted by any Worker instance") and the recurring Q&A "is 'online'
// always before the first 'message'?": main's own code, ticks and promises all run first; then 'online', the messages in
// the order they were posted, and 'exit' last. (Timers in main are left out: whether they beat 'online' is timing.)
const { Worker, isMainThread, parentPort } = require('node:worker_threads');

if (isMainThread) {
  const w = new Worker(__filename);
  w.on('online', () => console.log('online'));
  w.on('message', (m) => console.log('message', m));
  w.on('exit', (code) => console.log('exit', code));
  process.nextTick(() => console.log('main nextTick'));
  Promise.resolve().then(() => console.log('main promise'));
  console.log('main sync, threadId', w.threadId);
} else {
  parentPort.postMessage('first');
  parentPort.postMessage({ second: [2] });
  setTimeout(() => parentPort.postMessage('from a timer'), 10);
}
