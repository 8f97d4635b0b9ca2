// §3.5: a long promise chain also runs to the end before any macrotask.
let n = 0;
function step() {
  n += 1;
  return n < 500 ? Promise.resolve().then(step) : 'chain done';
}
setImmediate(() => console.log('immediate after', n, 'reactions'));
step().then ? console.log('chain is a promise') : console.log('no');
Promise.resolve().then(step).then((v) => console.log(v, n));
