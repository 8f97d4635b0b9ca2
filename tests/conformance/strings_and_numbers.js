// String and number operations.
const name = 'event loop';
console.log(`Hello, ${name.toUpperCase()}! ${1 + 2} ${[1, 2]} ${{}}`);
console.log(name.split(' '), name.indexOf('loop'), name.slice(-4), name.includes('vent'));
console.log('5' * '2', '5' + 2, 5 + '2', '10' / 4, 7 % 3, -7 % 3, 2 ** 10, 0.1 * 3);
console.log((3.14159).toFixed(2), (255).toString(16), parseInt('42px'), parseFloat('3.5kg'), Number('x'));
console.log(Math.max(1, 5, 3), Math.min(), Math.floor(-1.5), Math.round(2.5), Math.round(-2.5), Math.abs(-3));
console.log('abc'.padStart(6, '-'), 'abc'.padEnd(5) + '|', 'x'.repeat(3), '  trim  '.trim());
console.log(typeof 1, typeof 'a', typeof null, typeof undefined, typeof {}, typeof (() => {}));
console.log(1 / 0, -1 / 0, 0 / 0, 5 | 1, 5 & 1, 1 << 4, -16 >> 2, -16 >>> 28, ~5);
console.log('a' < 'b', '10' < '9', 10 < 9, null == undefined, null === undefined, NaN === NaN);
console.log(String(12), Number('0x10'), JSON.stringify({ a: [1, 'x', null], b: true }), JSON.parse('[1,2]'));
