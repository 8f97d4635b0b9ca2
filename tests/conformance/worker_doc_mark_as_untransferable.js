// From doc/api/worker_threads.md (v20) "worker.markAsUntransferable(object)"
// (https://nodejs.org/docs/latest-v20.x/api/worker_threads.html#workermarkasuntransferableobject) and "port.postMessage(value[, transferList])":
// a transferred ArrayBuffer is detached on the sending side (byteLength 0); one marked untransferable is "ignored" in
// the transfer list in v20 (cloned instead, so both views keep their memory; v21+ throws a DataCloneError).
const { MessageChannel, markAsUntransferable, receiveMessageOnPort } = require('node:worker_threads');

const { port1, port2 } = new MessageChannel();
const moved = new Uint8Array([1, 2, 3, 4]);
port1.postMessage(moved, [moved.buffer]);
console.log('after transfer: sender length', moved.length, 'byteLength', moved.buffer.byteLength);
console.log('receiver got', receiveMessageOnPort(port2).message);

const pooledBuffer = new ArrayBuffer(8);
const typedArray1 = new Uint8Array(pooledBuffer);
const typedArray2 = new Float64Array(pooledBuffer);

markAsUntransferable(pooledBuffer);

port1.postMessage(typedArray1, [typedArray1.buffer]);

// The following line prints the contents of typedArray1 -- it still owns
// its memory and has been cloned, not transferred. Without
// `markAsUntransferable()`, this would print an empty Uint8Array.
// typedArray2 is intact as well.
console.log(typedArray1);
console.log(typedArray2);
const copy = receiveMessageOnPort(port2).message;
copy[0] = 255;
console.log('receiver has its own copy:', copy[0], typedArray1[0]);
port1.close();
