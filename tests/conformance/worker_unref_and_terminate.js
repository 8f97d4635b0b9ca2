// From doc/api/worker_threads.md "worker.unref()" ("allows the thread to exit if this is the only active handle in the
// event system") / "worker.ref()", and node's commit "worker: make terminate() resolve for unref'ed Workers"
// (https://github.com/nodejs/node/commit/fa77dc5f3b): an unref()'d Worker that never ends still gets terminated and the
// promise resolves (with 1, since it is terminated after 'online'; a Worker terminated before it starts running exits
// with 0); then a heartbeat Worker unref()'d after three beats no longer holds the process, which exits when its own
// timer is done - with no 'exit' event for that Worker. The number of beats after unref() is timing, so not printed.
const { Worker } = require('node:worker_threads');

const forever = new Worker('setInterval(() => {}, 1000)', { eval: true });
forever.once('online', async () => {
  forever.unref();
  const code = await forever.terminate();
  console.log('unref()d worker terminated with', code);

  let beats = 0;
  let exitSeen = false;
  const heart = new Worker(`
    const { parentPort } = require('node:worker_threads');
    setInterval(() => parentPort.postMessage('beat'), 5);
  `, { eval: true });
  heart.on('exit', () => { exitSeen = true; });
  heart.on('message', () => {
    if (++beats !== 3) return;
    console.log('three beats; unref() the heartbeat worker');
    heart.unref();
    setTimeout(() => console.log('main timer done'), 30);
  });
  process.on('exit', (c) => console.log('process exit', c, 'heartbeat exit event seen:', exitSeen));
});
