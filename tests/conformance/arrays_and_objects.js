// Arrays and plain objects with the common methods.
const xs = [5, 3, 8, 1];
console.log(xs.map((x) => x * 2), xs.filter((x) => x > 2), xs.reduce((a, b) => a + b, 0));
console.log([...xs].sort(), [...xs].sort((a, b) => a - b), xs.find((x) => x > 4), xs.findIndex((x) => x === 8));
console.log(xs.some((x) => x > 7), xs.every((x) => x > 0), xs.includes(3), xs.indexOf(9), xs.join('-'));
const ys = xs.slice(1, 3);
ys.push(10, 11);
ys.unshift(0);
console.log(ys, ys.length, ys.pop(), ys.shift(), ys);
const zs = [1, 2, 3, 4, 5];
console.log(zs.splice(1, 2, 'a', 'b', 'c'), zs, [[1, [2]], 3].flat(), [1, 2].concat([3], 4));
const o = { b: 2, a: 1 };
o.c = 3;
o['d e'] = 4;
delete o.b;
console.log(Object.keys(o), Object.values(o), Object.entries(o).length, 'a' in o, o.hasOwnProperty('b'));
console.log({ ...o, z: 26 }, Object.assign({}, { x: 1 }, { y: 2 }));
for (const k in { p: 1, q: 2 }) console.log('key', k);
for (const [k, v] of Object.entries({ m: 1, n: 2 })) console.log(k, v);
let total = 0;
let i = 0;
while (true) {
  i++;
  if (i % 2 === 0) continue;
  if (i > 9) break;
  total += i;
}
console.log('odd sum', total);
switch (total) {
  case 24: console.log('twenty-four');
  case 25: console.log('twenty-five'); break;
  default: console.log('other');
}
