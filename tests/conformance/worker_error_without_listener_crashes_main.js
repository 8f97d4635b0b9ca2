// The other side of the 'error' event (doc/api/events.md "Error events": an 'error' emitted with no listener is thrown):
// a Worker that throws while nobody listens for 'error' takes the whole process down with exit code 1 - the main
// thread's pending timer never fires; process 'exit' still runs. (Whether the Worker's own 'exit' event gets emitted
// before the process goes down is timing, so it has no listener here. The stack trace goes to stderr.)
// ptview-exit: 1
const { Worker } = require('node:worker_threads');
const w = new Worker('throw new Error("nobody listens")', { eval: true });
process.on('exit', (code) => console.log('process exit', code));
setTimeout(() => console.log('main timer (never printed)'), 2000);
console.log('main done');
