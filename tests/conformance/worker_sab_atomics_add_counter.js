// From the errorhandle.ai note "Node.js Shared Memory and Atomics" (https://errorhandle.ai/nodejavascript-shared-memory-and-atomics-documentation-and-how-tos)
// and doc/api/worker_threads.md ("worker_threads can share memory ... sharing SharedArrayBuffer instances"): one
// SharedArrayBuffer goes to four Workers in workerData (shared, not copied); each does Atomics.add 10,000 times; once
// every Worker has exited the main thread reads 40,000. The Workers print nothing (their order is not fixed).
const { Worker, isMainThread, workerData } = require('node:worker_threads');

if (isMainThread) {
  const buffer = new SharedArrayBuffer(8);
  const shared = new Int32Array(buffer);
  Atomics.store(shared, 1, 7);
  let alive = 0;
  for (let i = 0; i < 4; i++) {
    alive++;
    new Worker(__filename, { workerData: buffer }).on('exit', (code) => {
      if (--alive === 0) {
        console.log('all workers exited, last code', code);
        console.log('counter', Atomics.load(shared, 0), 'untouched slot', shared[1]);
      }
    });
  }
  console.log('started 4 workers, counter now', Atomics.load(shared, 0) <= 40000);
} else {
  const shared = new Int32Array(workerData);
  for (let i = 0; i < 10000; i++) Atomics.add(shared, 0, 1);
}
