// From doc/api/process.md "Event: 'rejectionHandled'": a rejection caught only in a later turn fires unhandledRejection
// and then rejectionHandled.
const unhandledRejections = new Map();
process.on('unhandledRejection', (reason, promise) => {
  console.log('unhandledRejection', reason);
  unhandledRejections.set(promise, reason);
});
process.on('rejectionHandled', (promise) => {
  console.log('rejectionHandled', unhandledRejections.has(promise));
  unhandledRejections.delete(promise);
});
const p = Promise.reject('late');
setTimeout(() => {
  p.catch((r) => console.log('caught late:', r));
}, 5);
