// From freeCodeCamp "How to Implement Multi-Threading in Node.js With Worker Threads [Full Handbook]"
// (https://www.freecodecamp.org/news/how-to-implement-multi-threading-in-nodejs-with-worker-threads-full-handbook) and
// nodejs.org Learn "Don't Block the Event Loop", "Offloading" (https://nodejs.org/en/learn/asynchronous-work/dont-block-the-event-loop):
// the CPU-heavy counting loop run on the main thread holds back a pending "non-blocking request" (here a setImmediate)
// until it finishes; the same loop in a Worker lets the main thread answer first. Counts are shortened to 5 million.
const { Worker, isMainThread, parentPort } = require('node:worker_threads');

function heavy() {
  let counter = 0;
  for (let i = 0; i < 5_000_000; i++) counter++;
  return counter;
}

if (isMainThread) {
  // 1. blocking: the request queued before the loop is served only after it.
  setImmediate(() => console.log('blocking: non-blocking request served'));
  console.log('blocking: result is', heavy());

  // 2. offloaded: once the first part is done, the same work goes to a Worker.
  setTimeout(() => {
    const worker = new Worker(__filename);
    let served = 0;
    setImmediate(() => {
      served++;
      console.log('offloaded: non-blocking request served while the worker counts');
    });
    worker.on('message', (data) => console.log('offloaded: result is', data, '- requests already served:', served));
    worker.on('error', (msg) => console.log(`An error occurred: ${msg}`));
  }, 10);
} else {
  parentPort.postMessage(heavy());
}
