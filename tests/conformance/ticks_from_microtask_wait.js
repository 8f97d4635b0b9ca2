// §3.5: a tick queued from a promise callback runs only after the microtask queue is empty.
Promise.resolve().then(() => {
  console.log('p1');
  process.nextTick(() => console.log('tick from p1'));
  Promise.resolve().then(() => console.log('p3 (from p1)'));
});
Promise.resolve().then(() => console.log('p2'));
