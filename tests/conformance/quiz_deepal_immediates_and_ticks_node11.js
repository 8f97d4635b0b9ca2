// From Deepal Jayasekara's "New Changes to the Timers and Microtasks in Node v11.0.0" (blog.insiderattack.net / dev.to/deepal):
// the tick queued inside immediate 2 runs right after it, before immediate 3 (Node >= 11); same for timers.
setImmediate(() => console.log('this is set immediate 1'));
setImmediate(() => {
  console.log('this is set immediate 2');
  process.nextTick(() => console.log('this is process.nextTick added inside setImmediate'));
});
setImmediate(() => console.log('this is set immediate 3'));
setImmediate(() => console.log('this is set immediate 4'));
