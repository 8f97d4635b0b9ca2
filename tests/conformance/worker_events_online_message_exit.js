// The Worker's events, from doc/api/worker_threads.md "Class: Worker" ('online': "emitted when the worker thread has
// started executing JavaScript code"; 'message'; 'exit': "the final event emitted by any Worker instance"): main's own
// code, ticks and promises run first; the main thread sends the work only once 'online' has fired (whether 'online'
// comes before or after messages a Worker posts on its own is not fixed: they travel on different ports); then the
// replies in the order they were posted, one from the Worker's timer, and 'exit' last.
const { Worker, isMainThread, parentPort } = require('node:worker_threads');

if (isMainThread) {
  const w = new Worker(__filename);
  w.on('online', () => {
    console.log('online');
    w.postMessage('start');
  });
  w.on('message', (m) => console.log('message', m));
  w.on('exit', (code) => console.log('exit', code));
  process.nextTick(() => console.log('main nextTick'));
  Promise.resolve().then(() => console.log('main promise'));
  console.log('main sync, threadId', w.threadId);
} else {
  parentPort.once('message', (m) => {
    parentPort.postMessage('first, after ' + m);
    parentPort.postMessage({ second: [2] });
    setTimeout(() => parentPort.postMessage('from a timer'), 10);
  });
}
