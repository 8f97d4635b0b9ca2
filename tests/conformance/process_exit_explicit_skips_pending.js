// From doc/api/process.md "process.exit([code])": exit ends the process synchronously; pending timers, ticks and
// promises never run, but 'exit' listeners do.
// ptview-exit: 3
process.on('exit', (code) => console.log('exit listener, code', code));
process.on('beforeExit', () => console.log('beforeExit is not emitted on explicit exit'));
setTimeout(() => console.log('timer never runs'), 0);
process.nextTick(() => console.log('tick never runs'));
Promise.resolve().then(() => console.log('promise never runs'));
console.log('calling process.exit(3)');
process.exit(3);
