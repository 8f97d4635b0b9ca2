// From the "js-playbook" concurrency notes (github.com/jorgediazsa/js-playbook, advanced/16-concurrency-and-parallelism):
// a Worker from a code string with { eval: true } that doubles what it is sent (21 -> 42). The snippet as written never
// exits (the Worker's parentPort.on('message') keeps it alive), so here the main thread terminates it after the answer.
'use strict';
const { Worker } = require('node:worker_threads');

const worker = new Worker(`
const { parentPort, isMainThread } = require('node:worker_threads');
parentPort.on('message', (n) => parentPort.postMessage(n * 2));
parentPort.postMessage('eval worker ready, isMainThread=' + isMainThread + ', __filename ' + typeof __filename);
`, { eval: true });

worker.once('message', (ready) => {
  console.log(ready);
  worker.once('message', (result) => {
    console.log(result); // 42
    worker.terminate().then((code) => console.log('terminated', code));
  });
  worker.postMessage(21);
});
