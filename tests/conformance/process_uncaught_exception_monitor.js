// From doc/api/process.md "Event: 'uncaughtExceptionMonitor'": the monitor sees the error, but the process still crashes
// with code 1 (the stack trace goes to stderr).
// ptview-exit: 1
process.on('uncaughtExceptionMonitor', (err, origin) => {
  console.log('monitored:', err.message, origin);
});
process.on('exit', (code) => console.log('exit', code));
setTimeout(() => {
  throw new Error('boom in a timer');
}, 1);
