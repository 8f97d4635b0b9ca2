// From doc/api/util.md "util.inspect()": circular references are shown as <ref *1> / [Circular *1].
const { inspect } = require('node:util');

const obj = {};
obj.a = [obj];
obj.b = {};
obj.b.inner = obj.b;
obj.b.obj = obj;

console.log(inspect(obj));
// <ref *1> {
//   a: [ [Circular *1] ],
//   b: <ref *2> { inner: [Circular *2], obj: [Circular *1] }
// }
const list = { name: 'head' };
list.next = { name: 'tail', prev: list };
console.log(list);
