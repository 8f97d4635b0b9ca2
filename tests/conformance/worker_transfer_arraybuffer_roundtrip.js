// From the innozverse lab "Worker Threads Advanced", step "Zero-Copy Transfer with transferList"
// (https://docs.innozverse.com/programming-code/javascript/architect/lab-04-worker-threads-advanced): "transferList moves
// the buffer's backing memory to the other thread. The original ArrayBuffer becomes detached (byteLength = 0)". The
// buffer goes to a Worker, which doubles every byte and transfers it back; meanwhile the main thread's view is empty.
// The Worker listens with the EventTarget style (parentPort.addEventListener, event.data) instead of .on().
const { Worker, isMainThread, parentPort } = require('node:worker_threads');

if (isMainThread) {
  const w = new Worker(__filename);
  const bytes = new Uint8Array([1, 2, 3, 100]);
  w.postMessage({ bytes }, [bytes.buffer]);
  console.log('sent; main view now', bytes, 'byteLength', bytes.buffer.byteLength);
  w.on('message', ({ bytes: back, workerSawLength }) => {
    console.log('worker saw', workerSawLength, 'bytes; back in main:', back);
    w.terminate();
  });
} else {
  parentPort.addEventListener('message', (event) => {
    const { bytes } = event.data;
    for (let i = 0; i < bytes.length; i++) bytes[i] *= 2;
    parentPort.postMessage({ bytes, workerSawLength: bytes.length }, [bytes.buffer]);
  });
}
