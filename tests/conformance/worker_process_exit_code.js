// From doc/api/worker_threads.md "Event: 'exit'" ("If the worker exited by calling process.exit(), the exitCode parameter
// is the passed exit code") and doc/api/process.md "process.exit()" (in a Worker it "stops the worker thread, not the
// process"): code after process.exit(3) never runs, messages posted before it arrive, the main process exits with 0.
const { Worker, isMainThread, parentPort } = require('node:worker_threads');

if (isMainThread) {
  const w = new Worker(__filename);
  w.on('message', (m) => console.log('message:', m));
  w.on('exit', (code) => {
    console.log('worker exit code', code);
    console.log('main process.exitCode', process.exitCode);
  });
  process.on('exit', (code) => console.log('main process exit', code));
} else {
  parentPort.postMessage('before exit');
  process.on('exit', (code) => parentPort.postMessage('worker process exit handler, code ' + code));
  process.exit(3);
  parentPort.postMessage('never sent');
}
