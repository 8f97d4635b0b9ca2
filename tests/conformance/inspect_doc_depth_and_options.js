// From doc/api/util.md "util.inspect(object[, options])": depth, compact, breakLength, sorted and showHidden examples.
const util = require('node:util');

const o = {
  a: [1, 2, [[
    'Lorem ipsum dolor sit amet,\nconsectetur adipiscing elit, sed do ' +
      'eiusmod \ntempor incididunt ut labore et dolore magna aliqua.',
    'test',
    'foo']], 4],
  b: new Map([['za', 1], ['zb', 'test']]),
};
console.log(util.inspect(o, { compact: true, depth: 5, breakLength: 80 }));
console.log(util.inspect(o, { compact: false, depth: 5, breakLength: 80 }));

const o1 = {
  b: [],
  a: {},
  c: new Set([3, 2, 1]),
};
console.log(util.inspect(o1, { sorted: true }));
console.log(util.inspect([1, 2, 3], { showHidden: true }));
console.log(util.inspect({ a: { b: { c: { d: {} } } } }));
console.log(util.inspect({ a: { b: { c: { d: {} } } } }, { depth: null }));
