// From doc/api/worker_threads.md "worker.terminate()" ("Returns a Promise for the exit code that is fulfilled when the
// 'exit' event is emitted") and nodejs/help#3193 "Does worker.terminate() always return code 1?": a Worker spinning in
// a busy loop cannot be reached by messages, but terminate() stops it; 'exit' 1, then the promise resolves with 1.
const { Worker, isMainThread, parentPort } = require('node:worker_threads');

if (isMainThread) {
  const w = new Worker(__filename);
  w.on('exit', (code) => console.log('exit event', code));
  w.once('message', async (m) => {
    console.log('worker says', m);
    const code = await w.terminate();
    console.log('terminate() resolved with', code);
    console.log('terminate() again:', await w.terminate());
  });
} else {
  parentPort.postMessage('spinning forever');
  for (;;) {}
}
