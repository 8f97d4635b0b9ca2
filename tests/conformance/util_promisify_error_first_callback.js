// Modelled on "How to promisify a callback API" posts and doc/api/util.md: a hand-written error-first function,
// promisified, resolving and rejecting; extra callback values are dropped.
const { promisify } = require('util');

function divide(a, b, cb) {
  setImmediate(() => {
    if (b === 0) cb(new RangeError('division by zero'));
    else cb(null, a / b, 'ignored second value');
  });
}
const divideP = promisify(divide);
divideP(10, 4).then((q) => console.log('quotient', q));
divideP(1, 0).catch((e) => console.log(e.name + ': ' + e.message));
divideP.length === 0 && console.log('promisified length', divideP.length, divideP.name);
