// §3.5: after the main module, the whole nextTick queue runs, then the whole microtask queue.
Promise.resolve().then(() => console.log('promise 1'));
process.nextTick(() => console.log('tick 1'));
Promise.resolve().then(() => console.log('promise 2'));
process.nextTick(() => console.log('tick 2'));
queueMicrotask(() => console.log('microtask 3'));
console.log('main');
