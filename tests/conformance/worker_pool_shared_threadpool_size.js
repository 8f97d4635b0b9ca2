// Workers share the process's one libuv thread pool (doc/api/worker_threads.md: Workers have their own event loop, and
// nodejs.org Learn "Don't Block the Event Loop (or the Worker Pool)", https://nodejs.org/en/learn/asynchronous-work/dont-block-the-event-loop);
// UV_THREADPOOL_SIZE is read once per process (doc/api/cli.md "UV_THREADPOOL_SIZE=size"), set here from the script before
// any pool work, as the well-known trick does. With one pool thread, the Worker's one-iteration pbkdf2 waits in the same
// FIFO queue behind the main thread's two big ones, so it comes back last. Only the order is printed.
process.env.UV_THREADPOOL_SIZE = '1';
const crypto = require('node:crypto');
const { Worker, isMainThread, parentPort } = require('node:worker_threads');

if (isMainThread) {
  const order = [];
  for (const id of ['main pbkdf2 A', 'main pbkdf2 B']) {
    crypto.pbkdf2('secret', 'salt', 100000, 32, 'sha512', (err, key) => {
      order.push(id);
      console.log(id, 'done,', key.length, 'bytes');
    });
  }
  const w = new Worker(__filename);
  w.on('message', (m) => {
    order.push(m);
    console.log(m);
  });
  w.on('exit', () => console.log('order:', order.join(' < ')));
} else {
  crypto.pbkdf2('secret', 'salt', 1, 32, 'sha512', (err, key) => {
    parentPort.postMessage('worker pbkdf2 (1 iteration) done, ' + key.toString('hex').slice(0, 16));
  });
}
