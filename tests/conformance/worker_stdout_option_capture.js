// From doc/api/worker_threads.md "new Worker(filename[, options])" option stdout ("If this is set to true, then
// worker.stdout is not automatically piped through to process.stdout in the parent") and "worker.stdout": the main
// thread captures a Worker's console output as a stream and prints it transformed, once the Worker has exited.
const { Worker } = require('node:worker_threads');

const worker = new Worker(`
  console.log('line one');
  console.log('line two', { n: 2 });
  process.stdout.write('no newline');
`, { eval: true, stdout: true });

let captured = '';
worker.stdout.setEncoding('utf8');
worker.stdout.on('data', (chunk) => { captured += chunk; });
worker.stdout.on('end', () => console.log('stdout stream ended'));
worker.on('exit', (code) => {
  console.log('exit', code);
  setImmediate(() => {
    for (const line of captured.split('\n')) console.log('[worker] ' + line.toUpperCase());
  });
});
console.log('worker.stdout is readable:', typeof worker.stdout.on === 'function');
