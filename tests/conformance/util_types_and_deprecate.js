// From doc/api/util.md "util.types" and "util.isDeepStrictEqual": type checks for promises, maps, regexps, async functions.
const util = require('node:util');
const { types } = util;
console.log(types.isPromise(Promise.resolve()), types.isMap(new Map()), types.isSet(new Set()));
console.log(types.isRegExp(/a/), types.isDate(new Date(0)), types.isAsyncFunction(async () => {}));
console.log(types.isGeneratorFunction(function* () {}), types.isNativeError(new TypeError('x')));
console.log(util.isDeepStrictEqual({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] }), util.isDeepStrictEqual([1], ['1']));
console.log(util.inspect.custom, util.types.isProxy(new Proxy({}, {})));
