// From doc/api/util.md "util.format(format[, ...args])": the specifiers and what happens with too few/too many arguments.
const util = require('node:util');
console.log(util.format('%s:%s', 'foo'));
// Returns: 'foo:%s'
console.log(util.format('%s', 42n, 'extra'));
console.log(util.format('%s', { a: { b: { c: 1 } } }));
console.log(util.format('%d', '42'), util.format('%i', 42.9), util.format('%f', '1.5e2'));
console.log(util.format('%j', { a: [1, 2] }), util.format('%%s %s', 'x'));
console.log(util.format('%s:%s', 'foo', 'bar', 'baz'));
// Returns: 'foo:bar baz'
console.log(util.format(1, 2, 3));
// Returns: '1 2 3'
console.log(util.format('%% %s'));
// Returns: '%% %s'
console.log(util.format('%o', [1, [2]]));
console.log(util.format('%c styled', 'color: red'));
