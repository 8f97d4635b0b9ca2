// §3.5: ticks queued by ticks run before any microtask; microtasks queued by microtasks before ticks.
process.nextTick(() => {
  console.log('t1');
  process.nextTick(() => {
    console.log('t2');
    Promise.resolve().then(() => {
      console.log('p2');
      process.nextTick(() => console.log('t3'));
      Promise.resolve().then(() => console.log('p3'));
    });
  });
});
Promise.resolve().then(() => console.log('p1'));
