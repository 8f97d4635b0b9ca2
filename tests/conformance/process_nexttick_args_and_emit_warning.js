// From doc/api/process.md "process.nextTick(callback[, ...args])" and "process.emitWarning": extra args go to the
// callback; a 'warning' listener sees the warning object on the next tick.
process.nextTick((a, b) => console.log('tick args', a, b), 'x', 2);
process.on('warning', (warning) => {
  console.log(warning.name, warning.message, warning.code);
});
process.emitWarning('Something happened!', { code: 'MY_WARNING', type: 'CustomWarning' });
console.log('emitted');
console.log(typeof process.pid, process.argv.length >= 2, process.platform === 'linux', typeof process.hrtime.bigint());
console.log(process.version.startsWith('v20'), process.release.name, typeof process.memoryUsage().heapUsed);
