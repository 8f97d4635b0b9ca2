// From a GitHub gist "js测试例子" (gist.github.com/theharveyz/e4d251bf22dcd2050bd0cf35a2364fcb), whose comment shows
// next tick, timeout, immediate: the tick's console.log costs node its first-write set-up before the loop starts (§3.9).
setTimeout(function () {
  console.log('timeout');
}, 0);
setImmediate(function () {
  console.log('immediate');
});
process.nextTick(function () {
  console.log('next tick');
});
