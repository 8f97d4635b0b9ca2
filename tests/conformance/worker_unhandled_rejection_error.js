// An unhandled promise rejection in a Worker: like the main thread (doc/api/cli.md "--unhandled-rejections", default
// throw), it becomes an uncaught exception of the Worker, so the main thread gets 'error' with the rejection reason and
// then 'exit' 1 (doc/api/worker_threads.md "Event: 'error'"; LogRocket "Leveraging parallel computing in Node.js":
// errors in worker threads do not crash the main thread, so they must be listened for -
// https://www.plushcap.com/content/logrocket/blog/logrocket-leveraging-parallel-computing-in-nodejs).
const { Worker, isMainThread } = require('node:worker_threads');

if (isMainThread) {
  const w = new Worker(__filename);
  w.on('error', (err) => console.log('error event:', err.constructor.name, err.message));
  w.on('exit', (code) => console.log('exit event:', code));
  process.on('exit', (code) => console.log('main process exit', code));
} else {
  async function loadConfig() {
    await null;
    throw new Error('config file missing');
  }
  loadConfig(); // no await, no .catch()
}
