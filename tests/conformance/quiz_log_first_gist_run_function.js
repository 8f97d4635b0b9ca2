// From a GitHub gist "SetTimeout, setImmediate and process.nextTick" (gist.github.com/deepakgd/f0a6b8cf8dd6645ebf78cf69a46d14e0):
// the log comes after scheduling, still before the loop, so the timeout wins (§3.9).
function run() {
  setTimeout(() => console.log(' I am setTimeout'), 0);
  setImmediate(() => console.log('I am setImmediate'));
  process.nextTick(() => console.log('I am nextTick'));
  console.log('I am current event loop');
}
run();
