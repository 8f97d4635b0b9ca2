// §3.4/§3.5: runNextTicks() runs between two timers of the same list (Node >= 11).
setTimeout(() => {
  console.log('t1');
  process.nextTick(() => console.log('tick after t1'));
  Promise.resolve().then(() => console.log('promise after t1'));
}, 5);
setTimeout(() => {
  console.log('t2');
  queueMicrotask(() => console.log('microtask after t2'));
}, 5);
setTimeout(() => console.log('t3'), 5);
