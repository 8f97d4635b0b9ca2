// From the recurring "could not be cloned" question (threads.js PR https://github.com/andywer/threads.js/pull/197: "I can't
// call worker and transfer function ... worker.postMessage will throw DataCloneError"; Stack Overflow "Passing objects
// to a web worker", https://stackoverflow.com/questions/7704323) and doc/api/worker_threads.md "port.postMessage()":
// functions, symbols, promises and objects holding them cannot be cloned; postMessage throws synchronously a
// DOMException named DataCloneError and nothing is sent; the usual fix is to send data (here the function's source).
const { Worker, isMainThread, parentPort } = require('node:worker_threads');

if (isMainThread) {
  const w = new Worker(__filename);
  const tryPost = (label, v) => {
    try {
      w.postMessage(v);
      console.log(label, 'sent');
    } catch (e) {
      console.log(label, '->', e.name, e.constructor.name, e.code, JSON.stringify(e.message));
    }
  };
  tryPost('function', function add(a, b) { return a + b; });
  tryPost('arrow in object', { cb: () => 1 });
  tryPost('symbol', Symbol('s'));
  tryPost('promise', Promise.resolve(1));
  tryPost('source text', { fn: 'return a + b', args: [2, 3] });
  w.on('message', (m) => {
    console.log('worker computed', m);
    w.terminate();
  });
} else {
  parentPort.on('message', ({ fn, args }) => {
    parentPort.postMessage(new Function('a', 'b', fn)(...args));
  });
}
