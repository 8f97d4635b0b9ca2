// From doc/api/process.md "Event: 'uncaughtException'": the handler catches a throw from a timer; the rest of the
// program keeps running (the doc's nonexistentFunc call; message printed instead of written to stderr via fd 2).
process.on('uncaughtException', (err, origin) => {
  console.log(`Caught exception: ${err.message}\nException origin: ${origin}`);
});

setTimeout(() => {
  console.log('This will still run.');
}, 5);

// Intentionally cause an exception, but don't catch it.
nonexistentFunc();
console.log('This will not run.');
