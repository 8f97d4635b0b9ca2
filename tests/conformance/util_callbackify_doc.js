// From doc/api/util.md "util.callbackify(original)": an async function gets an error-first callback; a falsy rejection
// is wrapped in an Error with a `reason` property.
const util = require('node:util');

async function fn() {
  return 'hello world';
}
const callbackFunction = util.callbackify(fn);

callbackFunction((err, ret) => {
  if (err) throw err;
  console.log(ret);
});

function fn2() {
  return Promise.reject(null);
}
const callbackFunction2 = util.callbackify(fn2);

callbackFunction2((err, ret) => {
  // When the Promise was rejected with `null` it is wrapped with an Error and
  // the original value is stored in `reason`.
  console.log(err && Object.hasOwn(err, 'reason') && err.reason === null);  // true
  console.log(err.message, err.code);
});
