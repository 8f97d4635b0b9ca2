// From doc/api/worker_threads.md "Event: 'error'" ("emitted if the worker thread throws an uncaught exception. In that
// case, the worker is terminated") and "Event: 'exit'", as in the usual runService()/parseJSAsync wrappers: the Error
// arrives in the main thread as an Error (name, message kept), then 'exit' with code 1; the main process itself lives on.
// (The Worker throws only after main answered its message: a message posted just before an uncaught throw may be
// delivered before or after 'error', they travel on different ports.)
const { Worker, isMainThread, parentPort } = require('node:worker_threads');

if (isMainThread) {
  const w = new Worker(__filename);
  w.on('message', (m) => {
    console.log('message:', m);
    w.postMessage('go ahead');
  });
  w.on('error', (err) => {
    console.log('error event:', err instanceof Error, err.name, err.message);
  });
  w.on('exit', (code) => {
    console.log('exit event, code', code);
    setTimeout(() => console.log('main still running after the worker died'), 5);
  });
} else {
  parentPort.on('message', () => {
    throw new TypeError('boom in worker');
  });
  parentPort.postMessage('about to throw');
}
