// From doc/api/timers.md "Timers Promises API": setTimeout(delay, value) resolves with value; setImmediate(value) too.
const {
  setTimeout: setTimeoutPromise,
  setImmediate: setImmediatePromise,
} = require('node:timers/promises');

console.log('scheduling'); // first, so its one-off cost (SEMANTICS §3.9) is not charged to the 20 ms timer

setTimeoutPromise(20, 'foobar').then((value) => {
  // value === 'foobar' (passing values is optional)
  // This is executed after about 20 milliseconds.
  console.log(value);
});
setImmediatePromise('immediate value').then((value) => {
  console.log(value);
});
