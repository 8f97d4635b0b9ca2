// setInterval with ticks, promises, immediates and timers queued from each run (§3.4-3.5).
let n = 0;
const iv = setInterval(() => {
  n++;
  console.log('interval', n);
  process.nextTick(() => console.log('  tick in interval', n));
  Promise.resolve().then(() => console.log('  promise in interval', n));
  setImmediate(() => {
    console.log('  immediate from interval', n);
    setTimeout(() => console.log('    timeout from immediate', n), 0);
    process.nextTick(() => console.log('    tick from immediate'));
  });
  if (n === 3) clearInterval(iv);
}, 20);
setTimeout(() => {
  console.log('timeout 50');
  setImmediate(() => console.log('immediate from timeout 50'));
}, 50);
