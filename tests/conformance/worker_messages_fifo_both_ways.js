// Message order on one port is FIFO in both directions (doc/api/worker_threads.md "port.postMessage()"; the HTML
// "port message queue" it follows, https://html.spec.whatwg.org/multipage/web-messaging.html#message-ports): the Worker
// posts 1000 numbered messages and the main thread checks they come in order; the main thread posts 1000 and the Worker
// checks the same. Each side prints a summary only after counting (only the main thread prints).
const { Worker, isMainThread, parentPort } = require('node:worker_threads');
const N = 1000;

if (isMainThread) {
  const w = new Worker(__filename);
  let expected = 0;
  let inOrder = true;
  w.on('message', (m) => {
    if (typeof m === 'object') {
      console.log('worker saw', m.count, 'messages, in order:', m.inOrder);
      return;
    }
    if (m !== expected) inOrder = false;
    expected++;
    if (expected === N) console.log('main saw', expected, 'messages, in order:', inOrder);
  });
  w.on('exit', (code) => console.log('exit', code));
  for (let i = 0; i < N; i++) w.postMessage(i);
} else {
  let expected = 0;
  let inOrder = true;
  for (let i = 0; i < N; i++) parentPort.postMessage(i);
  parentPort.on('message', (m) => {
    if (m !== expected) inOrder = false;
    if (++expected === N) {
      parentPort.postMessage({ count: expected, inOrder });
      parentPort.close();
    }
  });
}
