// From doc/api/assert.md "Legacy assertion mode": assert.equal uses ==, deepEqual ignores prototypes; strict versions differ.
const assert = require('node:assert');
assert.equal(1, '1');
assert.deepEqual({ a: 1 }, { a: '1' });
console.log('loose passed');
for (const [name, fn] of [
  ['strictEqual', () => assert.strictEqual(1, '1')],
  ['deepStrictEqual', () => assert.deepStrictEqual({ a: 1 }, { a: '1' })],
  ['notEqual', () => assert.notEqual(1, '1')],
  ['fail', () => assert.fail('boom')],
  ['ifError', () => assert.ifError(new Error('from ifError'))],
]) {
  try {
    fn();
    console.log(name, 'passed');
  } catch (e) {
    console.log(name, e.code || e.name, e.operator);
  }
}
