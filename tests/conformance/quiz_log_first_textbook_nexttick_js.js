// From the Korean "Node.js 교과서" textbook example chapter3/nextTick.js (seen in izonejangwonyoung/Node.js_Practice and workdd/nodejs-study):
// the book prints nextTick, promise, timeout, immediate; the first console.log (in the tick) runs before the loop starts, so it holds (§3.9).
setImmediate(() => {
  console.log('immediate');
});
process.nextTick(() => {
  console.log('nextTick');
});
setTimeout(() => {
  console.log('timeout');
}, 0);
Promise.resolve().then(() => console.log('promise'));
