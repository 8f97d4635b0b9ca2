// From doc/api/assert.md "Strict assertion mode" / "assert.deepStrictEqual": catching AssertionError and printing its
// code, operator and generatedMessage (not the multi-line diff).
const assert = require('node:assert/strict');
try {
  assert.deepStrictEqual([[[1, 2, 3]], 4, 5], [[[1, 2, '3']], 4, 5]);
} catch (err) {
  console.log(err.name, err.code, err.operator, err.generatedMessage);
}
assert.deepStrictEqual({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] });
console.log('deep equal passed');
try {
  assert.strictEqual(1, 2, 'one is not two');
} catch (err) {
  console.log(err.message, err.actual, err.expected);
}
try {
  assert.ok(0);
} catch (err) {
  console.log(err.code, err instanceof assert.AssertionError);
}
assert.throws(() => { throw new TypeError('Wrong value'); }, TypeError);
assert.throws(() => { throw new Error('Wrong value'); }, /^Error: Wrong value$/);
assert.throws(() => { throw new Error('Wrong value'); }, { name: 'Error', message: 'Wrong value' });
console.log('throws checks passed');
assert.rejects(Promise.reject(new Error('Wrong value')), Error).then(() => console.log('rejects passed'));
assert.doesNotReject(Promise.resolve(1)).then(() => console.log('doesNotReject passed'));
console.log(assert.notStrictEqual(1, '1'), assert.match('I will pass', /pass/));
