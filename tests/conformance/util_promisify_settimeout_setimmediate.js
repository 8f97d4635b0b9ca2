// From doc/api/timers.md "setTimeout[util.promisify.custom]" / "setImmediate[util.promisify.custom]": node defines custom
// promisified timers, so promisify(setTimeout)(ms, value) resolves with value.
const util = require('node:util');
console.log('start');
const sleep = util.promisify(setTimeout);
const setImmediatePromise = util.promisify(setImmediate);

setImmediatePromise('foobar').then((value) => {
  // value === 'foobar' (passing values is optional)
  // This is executed after all I/O callbacks.
  console.log(value);
  return sleep(20, 'slept 20'); // chained: started together, the two race when the start is slow
}).then((value) => console.log(value));

// Or with async function
async function timerExample() {
  console.log('Before I/O callbacks');
  await setImmediatePromise();
  console.log('After I/O callbacks');
}
timerExample();
console.log(sleep === require('timers/promises').setTimeout);
