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
}, 100); // long enough that a busy machine's stalls do not reorder the queues
setTimeout(() => {
  console.log('timeout 1000');
  setImmediate(() => console.log('immediate from timeout 1000'));
}, 1000); // far after the interval's runs, even on a loaded machine
