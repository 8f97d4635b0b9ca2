// A Worker doing fs.readFile while the main thread reads the same file. doc/api/worker_threads.md: Workers "do not help
// much with I/O-intensive work"; DigitalOcean "How To Use Multithreading in Node.js"
// (https://www.digitalocean.com/community/tutorials/how-to-use-multithreading-in-node-js): Node "provides hidden threads
// through the libuv library, which handles I/O operations like reading files" - one pool for the process, so both
// reads go to it. Which finishes first is not fixed, so the results are collected and printed once both are in.
const fs = require('node:fs');
const { Worker, isMainThread, parentPort, workerData } = require('node:worker_threads');

if (isMainThread) {
  const results = {};
  const report = () => {
    if (!results.main || !results.worker) return;
    console.log('main read', results.main.bytes, 'bytes; worker read', results.worker.bytes, 'bytes');
    console.log('same first line:', results.main.first === results.worker.first);
    console.log(results.worker.first);
  };
  const w = new Worker(__filename, { workerData: { file: __filename } });
  w.on('message', (m) => {
    results.worker = m;
    report();
  });
  fs.readFile(__filename, 'utf8', (err, text) => {
    results.main = { bytes: Buffer.byteLength(text), first: text.split('\n')[0] };
    report();
  });
} else {
  fs.readFile(workerData.file, (err, buf) => {
    parentPort.postMessage({ bytes: buf.length, first: buf.toString('utf8').split('\n')[0] });
  });
}
