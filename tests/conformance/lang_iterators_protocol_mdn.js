// From MDN "Iteration protocols": a hand-written iterable range object, used by for...of, spread and destructuring;
// an iterator that is its own iterable.
function makeRangeIterator(start = 0, end = Infinity, step = 1) {
  let nextIndex = start;
  let iterationCount = 0;
  const rangeIterator = {
    next() {
      let result;
      if (nextIndex < end) {
        result = { value: nextIndex, done: false };
        nextIndex += step;
        iterationCount++;
        return result;
      }
      return { value: iterationCount, done: true };
    },
    [Symbol.iterator]() { return this; },
  };
  return rangeIterator;
}
const iter = makeRangeIterator(1, 10, 2);
let result = iter.next();
while (!result.done) {
  console.log(result.value); // 1 3 5 7 9
  result = iter.next();
}
console.log('Iterated over sequence of size:', result.value);
const [a, b, ...rest] = makeRangeIterator(0, 6);
console.log(a, b, rest, [...makeRangeIterator(0, 3)]);
for (const [k, v] of new Map([['x', 1], ['y', 2]])) console.log(k, v);
for (const ch of 'héllo') process.stdout.write(ch + '|');
console.log();
