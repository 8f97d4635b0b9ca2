// From the GitHub gist "worker-threads-simple" by deepal (https://gist.github.com/deepal/3eef8cb3c6b351780ffef8c48f954f97),
// the companion of his "Node.js Worker Threads" post: workerData { num: 5 } goes in, its square comes back as a message.
const { Worker, isMainThread, parentPort, workerData } = require('worker_threads');

if (isMainThread) {
  const worker = new Worker(__filename, { workerData: { num: 5 } });
  worker.once('message', (result) => {
    console.log('square of 5 is :', result);
  });
  console.log('main: workerData here is', workerData);
} else {
  parentPort.postMessage(workerData.num * workerData.num);
}
