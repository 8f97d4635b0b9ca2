// Everything here runs on one thread: the main module first, then each callback in turn.
const start = Date.now();
setTimeout(() => console.log('timer, due at 10 ms, ran at', Date.now() - start, 'ms'), 10);
console.log('main module: busy for 50 ms');
while (Date.now() - start < 50) {}
console.log('main module done at', Date.now() - start, 'ms');
