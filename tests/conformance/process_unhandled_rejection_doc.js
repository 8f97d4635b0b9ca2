// From doc/api/process.md "Event: 'unhandledRejection'": the handler receives the reason and the promise; with a
// handler, the process does not exit with an error (the promise itself would print its stack: only its type here).
process.on('unhandledRejection', (reason, promise) => {
  console.log('Unhandled Rejection at:', promise instanceof Promise, 'reason:', reason.message);
  // Application specific logging, throwing an error, or other logic here
});

function somePromise() {
  return Promise.resolve({ text() { return Promise.reject(new Error('text failed')); } });
}
somePromise().then((res) => {
  return res.text(); // Note the typo (`pasre`) in the doc; here the rejection is explicit
}); // No `.catch()` or `.then()`
setTimeout(() => console.log('still alive'), 2);
