// From MDN "Optional chaining (?.)", "Nullish coalescing (??)" and the logical assignment operators (||=, &&=, ??=).
const adventurer = {
  name: 'Alice',
  cat: {
    name: 'Dinah',
  },
};
const dogName = adventurer.dog?.name;
console.log(dogName);
// Expected output: undefined
console.log(adventurer.someNonExistentMethod?.());
// Expected output: undefined
console.log(adventurer.cat?.['name'], adventurer.list?.[0], adventurer?.cat.name);

const foo = null ?? 'default string';
console.log(foo);
// Expected output: "default string"
const baz = 0 ?? 42;
console.log(baz, 0 || 42, '' ?? 'x', '' || 'x', false ?? true);
// Expected output: 0

const a = { duration: 50, title: '' };
a.duration ||= 10;
a.title ||= 'title is empty.';
a.speed ??= 25;
a.duration &&= a.duration * 2;
console.log(a);
let x = null;
x ??= 'set';
console.log(x, (null || undefined) ?? 'both nullish');
