// §3.4: in the main module setTimeout(0) vs setImmediate is a race; a 5 ms busy-wait makes the
// 1 ms timer due before the loop starts, so the timeout runs first (pre-loop timers).
setImmediate(() => console.log('immediate'));
setTimeout(() => console.log('timeout'), 0);
const start = Date.now();
while (Date.now() - start < 5) {}
console.log('main done');
