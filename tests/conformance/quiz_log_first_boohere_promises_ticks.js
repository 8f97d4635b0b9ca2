// From a Q&A thread (https://boohere.com/pt/detail/10387926.html): four promises, a nextTick queued from a promise,
// two immediates, two ticks and a timeout. The asker's output (timeout before the immediates) is what node prints: the
// first console.log runs inside the microtask drain, before the loop starts (§3.9).
Promise.resolve().then(() => console.log('promise1 resolved'));
Promise.resolve().then(() => console.log('promise2 resolved'));
Promise.resolve().then(() => {
  console.log('promise3 resolved');
  process.nextTick(() => {
    console.log('Inner Next tick');
  });
});
Promise.resolve().then(() => console.log('promise4 resolved'));
setImmediate(() => console.log('set immediate1'));
setImmediate(() => console.log('set immediate2'));
process.nextTick(() => console.log('next tick1'));
process.nextTick(() => console.log('next tick2'));
setTimeout(() => console.log('set timeout'), 0);
