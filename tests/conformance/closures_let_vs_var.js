// Block scoping: each let iteration has its own binding; var shares one.
for (let i = 0; i < 3; i++) setTimeout(() => console.log('let', i), 0);
for (var j = 0; j < 3; j++) setTimeout(() => console.log('var', j), 0);
function counter() {
  let c = 0;
  return { inc: () => ++c, get: () => c };
}
const k = counter();
k.inc(); k.inc();
console.log('counter', k.get());
const { inc, get } = k;
inc();
console.log('destructured', get());
const [first, , third = 'default', ...rest] = [1, 2, undefined, 4, 5];
console.log(first, third, rest);
