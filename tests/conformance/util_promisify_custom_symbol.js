// From doc/api/util.md "Custom promisified functions": util.promisify.custom overrides what promisify returns.
const util = require('node:util');

function doSomething(foo, callback) {
  // ...
}

doSomething[util.promisify.custom] = (foo) => {
  return getPromiseSomehow();
};

function getPromiseSomehow() {
  return Promise.resolve('custom result');
}

const promisified = util.promisify(doSomething);
console.log(promisified === doSomething[util.promisify.custom]);
// prints 'true'
promisified('x').then(console.log);
console.log(util.promisify.custom);
