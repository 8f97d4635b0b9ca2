// From DigitalOcean "How To Use Multithreading in Node.js" (https://www.digitalocean.com/community/tutorials/how-to-use-multithreading-in-node-js),
// "Optimizing a CPU-Bound Task Using Four Worker Threads" (four_workers.js): THREAD_COUNT Workers each count to
// total / thread_count, createWorker() wraps each in a Promise, Promise.all sums the results. The tutorial counts to
// 20 billion; 2 million here. The sum does not depend on which Worker finishes first.
const { Worker, isMainThread, parentPort, workerData } = require('worker_threads');
const THREAD_COUNT = 4;
const TOTAL = 2_000_000;

function createWorker() {
  return new Promise(function (resolve, reject) {
    const worker = new Worker(__filename, {
      workerData: { thread_count: THREAD_COUNT },
    });
    worker.on('message', (data) => {
      resolve(data);
    });
    worker.on('error', (msg) => {
      reject(`An error ocurred: ${msg}`);
    });
  });
}

async function main() {
  const workerPromises = [];
  for (let i = 0; i < THREAD_COUNT; i++) {
    workerPromises.push(createWorker());
  }
  const thread_results = await Promise.all(workerPromises);
  const total = thread_results[0] + thread_results[1] + thread_results[2] + thread_results[3];
  console.log('results', thread_results);
  console.log(`result is ${total}`);
}

if (isMainThread) {
  main();
  console.log('main thread is free while the workers count');
} else {
  let counter = 0;
  for (let i = 0; i < TOTAL / workerData.thread_count; i++) {
    counter++;
  }
  parentPort.postMessage(counter);
}
