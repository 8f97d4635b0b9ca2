// Modelled on the "console.log shows [Object]" Stack Overflow classic: nested objects past depth 2, long arrays
// (more than 100 items), long strings in arrays, and %o vs %O.
const deep = { level1: { level2: { level3: { level4: 'hidden' } } } };
console.log(deep);
console.log(JSON.stringify(deep));
console.dir(deep, { depth: null });
console.log(Array.from({ length: 120 }, (_, i) => i));
console.log(['a'.repeat(30), 'b'.repeat(30), 'c'.repeat(30)]);
console.log({ text: 'x'.repeat(100) });
console.log('%o', { a: [1, 2], f: { g: { h: { i: 1 } } } });
console.log('%O', { a: [1, 2], f: { g: { h: { i: 1 } } } });
console.log(Array.from({ length: 30 }, (_, i) => 'item' + i));
