// §3.4: processImmediate detaches the list: an immediate queued during check runs next iteration,
// after the immediates already queued; ticks drain between immediates.
setImmediate(() => {
  console.log('A');
  setImmediate(() => console.log('C (queued in A)'));
  process.nextTick(() => console.log('tick in A'));
});
setImmediate(() => console.log('B'));
