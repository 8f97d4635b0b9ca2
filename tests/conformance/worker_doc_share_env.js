// From doc/api/worker_threads.md "worker.SHARE_ENV" and "new Worker(filename[, options])" option `env`
// (https://nodejs.org/api/worker_threads.html#workershare_env): by default a Worker gets a copy of process.env, so what it
// sets stays in the Worker; with env: SHARE_ENV both threads read and write the same variables; an env object replaces
// the Worker's environment. Each Worker is an eval: true code string; the next starts from the previous one's 'exit'.
const { Worker, SHARE_ENV } = require('node:worker_threads');

new Worker('process.env.SET_IN_WORKER = "copy"', { eval: true })
  .on('exit', () => {
    console.log('default (a copy):', process.env.SET_IN_WORKER); // undefined
    new Worker('process.env.SET_IN_WORKER = "foo"', { eval: true, env: SHARE_ENV })
      .on('exit', () => {
        console.log('SHARE_ENV:', process.env.SET_IN_WORKER); // Prints 'foo'.
        const w = new Worker(
          'require("worker_threads").parentPort.postMessage([process.env.ONLY_THIS, process.env.SET_IN_WORKER])',
          { eval: true, env: { ONLY_THIS: 'yes' } });
        w.on('message', (m) => console.log('env object:', m));
      });
  });
console.log('typeof SHARE_ENV:', typeof SHARE_ENV);
