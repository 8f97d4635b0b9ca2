// From doc/api/worker_threads.md "worker.parentPort" (https://nodejs.org/api/worker_threads.html#workerparentport):
// the script is its own Worker (__filename + isMainThread); the main thread posts 'Hello, world!', the Worker echoes
// it back once through parentPort, and both sides use once() so nothing keeps the Worker alive afterwards.
const { Worker, isMainThread, parentPort } = require('node:worker_threads');

if (isMainThread) {
  const worker = new Worker(__filename);
  worker.once('message', (message) => {
    console.log(message); // Prints 'Hello, world!'.
  });
  worker.on('exit', (code) => console.log('worker exited with', code));
  worker.postMessage('Hello, world!');
  console.log('isMainThread:', isMainThread, 'parentPort:', parentPort);
} else {
  // When a message from the parent thread is received, send it back:
  parentPort.once('message', (message) => {
    parentPort.postMessage(message);
  });
}
