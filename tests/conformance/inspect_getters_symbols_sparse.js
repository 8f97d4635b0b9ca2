// Modelled on doc/api/util.md "util.inspect()" options `getters`, symbols as keys, sparse arrays and typed values.
const util = require('node:util');
const obj = {
  get full() { return 'computed'; },
  set only(v) {},
  get both() { return 1; },
  set both(v) {},
  [Symbol('tag')]: 'symbol-keyed',
  [Symbol.iterator]: null,
};
console.log(obj);
console.log(util.inspect(obj, { getters: true }));
const sparse = [1, , 3];
sparse[9] = 10;
console.log(sparse, sparse.length, [ , , ], new Array(5));
console.log([undefined, null, NaN, -0, 0, Infinity, 10n, Symbol.for('x')]);
console.log(new Uint8Array([1, 2, 3]), Buffer.from('hi'), new ArrayBuffer(4));
console.log([function named() {}, () => {}, async function af() {}, function* gen() {}, Math.max]);
console.log(new Date(0), /re(g)ex/gi, new Number(3), new String('s'), Object(Symbol('boxed')));
