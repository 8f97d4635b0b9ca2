// ptview-exit: 1
// An unhandled rejection ends the process once the microtask queue drains (Node >= 15).
process.nextTick(() => console.log('tick runs first'));
Promise.reject(new Error('nobody catches this'));
Promise.resolve().then(() => console.log('microtasks still drain'));
setTimeout(() => console.log('never'), 0);
