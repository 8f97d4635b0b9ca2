// From doc/api/timers.md "Timers Promises API": setTimeout(delay, value) resolves with value; setImmediate(value) too.
const {
  setTimeout: setTimeoutPromise,
  setImmediate: setImmediatePromise,
} = require('node:timers/promises');

console.log('scheduling');

setImmediatePromise('immediate value').then((value) => {
  console.log(value);
  // chained: a timer and an immediate started together race when the start is slow
  return setTimeoutPromise(20, 'foobar');
}).then((value) => {
  // value === 'foobar' (passing values is optional)
  // This is executed after about 20 milliseconds.
  console.log(value);
});
