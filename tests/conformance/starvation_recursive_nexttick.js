// §3.5: recursive nextTick starves the loop: the immediate and the timer wait until it stops.
let n = 0;
function again() {
  n += 1;
  if (n < 1000) process.nextTick(again);
  else console.log('ticks done', n);
}
setImmediate(() => console.log('immediate after', n, 'ticks'));
setTimeout(() => console.log('timeout after', n, 'ticks'), 0);
process.nextTick(again);
