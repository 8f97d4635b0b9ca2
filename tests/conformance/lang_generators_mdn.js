// From MDN "function*" and "Iterators and generators": an infinite id generator, next(value) two-way, return(),
// yield* delegation and spreading a finite generator.
function* idMaker() {
  let index = 0;
  while (true) {
    yield index++;
  }
}
const gen = idMaker();
console.log(gen.next().value, gen.next().value, gen.next().value);

function* logGenerator() {
  console.log(0);
  console.log(1, yield);
  console.log(2, yield);
  console.log(3, yield);
}
const g2 = logGenerator();
g2.next();
g2.next('pretzel');
g2.next('california');
g2.next('mayonnaise');

function* anotherGenerator(i) {
  yield i + 1;
  yield i + 2;
}
function* generator(i) {
  yield i;
  yield* anotherGenerator(i);
  yield i + 10;
}
console.log([...generator(10)]);
const g3 = generator(1);
console.log(g3.next(), g3.return('early'), g3.next());
console.log(Object.prototype.toString.call(g3), g3);
