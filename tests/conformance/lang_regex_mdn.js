// From MDN "Regular expressions" guide: exec with groups, named groups, global matchAll, replace with $1 and a function,
// split, lookbehind, sticky and the lastIndex of a global regex.
const re = /(\w+)\s(\w+)/;
const str = 'Maria Cruz';
console.log(str.replace(re, '$2, $1'));
const myRe = /d(b+)d/g;
const myArray = myRe.exec('cdbbdbsbz');
console.log(myArray[0], myArray[1], myArray.index, myRe.lastIndex);
const { groups } = /(?<year>\d{4})-(?<month>\d{2})-(?<day>\d{2})/.exec('2024-05-17');
console.log(groups.year, groups.month, groups.day, { ...groups });
console.log([...'test1test2'.matchAll(/t(e)(st(\d?))/g)].map((m) => [m[0], m[1], m[2], m[3], m.index]));
console.log('aBc DeF'.replace(/[A-Z]/g, (ch) => '_' + ch.toLowerCase()));
console.log('a, b ,c'.split(/\s*,\s*/), '$10 and $20'.match(/(?<=\$)\d+/g));
const sticky = /foo/y;
sticky.lastIndex = 3;
console.log(sticky.test('barfoo'), sticky.lastIndex, /^\p{Lu}/u.test('Élan'));
console.log(/a.c/s.test('a\nc'), /a.c/.test('a\nc'), /(a)|(b)/.exec('b'));
console.log(/x/gimsuy.flags, String(/a\/b/), new RegExp('a+', 'g').source);
