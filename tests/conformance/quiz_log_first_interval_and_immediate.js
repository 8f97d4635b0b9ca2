// Modelled on "setInterval vs setImmediate" blog snippets: an interval of 0 (1 ms) against recursive immediates,
// with the module's log after scheduling; the interval's first run comes before the first immediate (§3.9).
let n = 0;
const iv = setInterval(() => {
  console.log('interval', ++n);
  if (n === 2) clearInterval(iv);
}, 0);
let m = 0;
setImmediate(function again() {
  console.log('immediate', ++m);
});
console.log('scheduled');
