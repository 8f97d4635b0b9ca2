// console.log formats values as util.inspect does.
console.log('string', 42, 3.5, -0, 0.1 + 0.2, 1e21, 1e-7, 123456789012, NaN, Infinity, true, null, undefined);
console.log(['a', "it's", 'say "hi"', 1, [2, [3, [4, [5]]]]]);
console.log({ a: 1, 'b-c': 2, nested: { deep: { deeper: { deepest: 1 } } }, list: [] , empty: {} });
console.log([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27]);
console.log(['apple', 'banana', 'cherry', 'date', 'elderberry', 'fig', 'grape', 'honeydew']);
console.log({ name: 'a fairly long string value here', other: 'another long string value', third: 'x' });
console.log('%s has %d items costing %i', 'cart', 3, 9.99, 'extra');
console.log(function named() {}, () => {}, async function af() {});
console.log([undefined, null, true, 'x'], {});
console.log(Array.from({ length: 120 }, (_, i) => i).length, [..."abc"]);
console.log(Promise.resolve(5), new Promise(() => {}));
