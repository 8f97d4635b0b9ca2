// The language subset: closures, recursion, destructuring, operators, loops, errors.
var fns = [];
for (var i = 0; i < 3; i++) { (function (j) { fns.push(function () { return j; }); })(i); }
console.log(fns.map(function (f) { return f(); }));
function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
console.log(fib(15));
const memo = {};
function f2(n) { if (n in memo) return memo[n]; return (memo[n] = n < 2 ? n : f2(n - 1) + f2(n - 2)); }
console.log(f2(50));
let s = '';
for (const ch of 'hello') s = ch + s;
console.log(s, 'hello'.split('').reverse().join(''), [...'hi'].map((c) => c.charCodeAt(0)));
const counts = {};
for (const w of 'the cat and the hat and the bat'.split(' ')) counts[w] = (counts[w] || 0) + 1;
console.log(counts, Object.entries(counts).sort((a, b) => b[1] - a[1])[0]);
const { a = 1, b: { c } = { c: 2 }, ...others } = { d: 4, e: 5 };
console.log(a, c, others);
function withDefaults(x, y = x * 2, ...rest) { return [x, y, rest]; }
console.log(withDefaults(1), withDefaults(1, 5, 6, 7));
console.log(void 0, (() => {})(), [1, 2, 3].at(-1), 'abc'.at(-1));
let x = 5; x += 2; x -= 1; x *= 3; x /= 2; x %= 5; x **= 2; console.log(x);
let bits = 6; bits &= 3; bits |= 8; bits ^= 1; bits <<= 2; bits >>= 1; console.log(bits);
do { x--; } while (x > 0);
console.log(x, x === 0 ? 'zero' : 'not');
const arr = [3, 1, 2];
arr.length = 2; console.log(arr); arr[5] = 'x'; console.log(arr);
console.log([1, 2, 3].indexOf(2), [NaN].includes(NaN), [NaN].indexOf(NaN), Math.max(...[1, 9, 3]));
console.log(Number.isInteger(5.0), Number.isInteger(5.5), Number.MAX_SAFE_INTEGER, Math.PI.toFixed(4));
console.log([1, 2, 3].reduce((acc, v) => acc + v));
try { null.x; } catch (e) { console.log(e instanceof TypeError, e.name, e.message); }
try { const k = 1; k = 2; } catch (e) { console.log(e.message); }
console.log(isNaN('abc'), isFinite('12'), Boolean(''), !!'0');
