// Messages are events on the receiver's loop (doc/api/worker_threads.md "Event: 'message'"; nodejs.org Learn "Don't
// Block the Event Loop", https://nodejs.org/en/learn/asynchronous-work/dont-block-the-event-loop): the main thread blocks
// (Atomics.wait) until a Worker has posted three messages; nothing is delivered until main's code, its nextTicks and
// promises are done. Then the three messages come in order, and 'exit' last. ('online' is not listened for: it travels
// on the Worker's internal port, and whether it comes before or after messages already waiting is not fixed.)
const { Worker, isMainThread, parentPort, workerData } = require('node:worker_threads');

if (isMainThread) {
  const flag = new Int32Array(new SharedArrayBuffer(4));
  const w = new Worker(__filename, { workerData: flag });
  const got = [];
  w.on('message', (m) => got.push(m));
  w.on('exit', (code) => {
    got.push('exit ' + code);
    console.log(got.join(' | '));
  });
  while (Atomics.load(flag, 0) === 0) Atomics.wait(flag, 0, 0, 1000); // main blocked: the Worker runs meanwhile
  process.nextTick(() => console.log('nextTick after the wait, received so far:', got.length));
  Promise.resolve().then(() => console.log('promise after the wait, received so far:', got.length));
  console.log('wait done, received so far:', got.length);
} else {
  parentPort.postMessage('one');
  parentPort.postMessage('two');
  parentPort.postMessage('three');
  Atomics.store(workerData, 0, 1);
  Atomics.notify(workerData, 0);
}
