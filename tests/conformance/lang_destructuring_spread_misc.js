// Modelled on MDN "Destructuring assignment" / "Spread syntax" / "Template literals" (tagged templates, String.raw),
// numeric separators, exponent, BigInt, Object.fromEntries, Array.prototype.at/flatMap/findLast, structuredClone.
const { a = 10, b: { c } = { c: 'dflt' }, ...others } = { a: undefined, x: 1, y: 2 };
console.log(a, c, others);
const [first, , third = 'def', ...tail] = [1, 2, undefined, 4, 5];
console.log(first, third, tail);
let p = 1, q = 2;
[p, q] = [q, p];
console.log(p, q);
function tag(strings, ...keys) {
  return strings.raw.join('|') + ' :: ' + keys.join(',');
}
console.log(tag`a${1}b${2}c\n`, String.raw`x\ny${3}`);
console.log(1_000_000, 2 ** 10, 2n ** 64n, typeof 1n, 0.1 + 0.2, (0.1 + 0.2).toFixed(2));
console.log(Object.fromEntries([['k', 1], ['j', 2]]), [1, 2, 3].at(-1), [[1], [2, [3]]].flatMap((x) => x));
console.log([1, 2, 3, 4].findLast((x) => x % 2), [3, 1, 2].toSorted?.() ?? 'no toSorted', Object.groupBy ? 'groupBy' : 'no groupBy');
const orig = { d: new Date(0), m: new Map([[1, { deep: true }]]), s: new Set([1]) };
const clone = structuredClone(orig);
console.log(clone, clone.m.get(1) !== orig.m.get(1));
