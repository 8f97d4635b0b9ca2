// From nodejs.org Learn "Don't Block the Event Loop", "Blocking the Event Loop: JSON DOS": JSON.stringify/parse of a
// string doubled 20 times (1 MiB here rather than the doc's 2^21) and indexOf on it; lengths only, not timings.
let obj = { a: 1 };
const niter = 20;

let before, str, pos, res, took;

str = 'x';
for (let i = 0; i < niter; i++) {
  str = str + str;
}
obj = { str };

before = Date.now();
str = JSON.stringify(obj);
console.log('JSON.stringify length', str.length);

pos = str.indexOf('nomatch');
console.log('Pure indexof', pos);

res = JSON.parse(str);
console.log('JSON.parse roundtrip', res.str.length === 2 ** niter);
took = Date.now() - before;
console.log('took a measurable time:', took >= 0);
