// Modelled on "Output Quiz #3 — The Event Loop & Task Ordering" (https://naveenkarthik.com/articles/js-output-event-loop):
// chained then values, queueMicrotask vs setTimeout, and an async function interleaving with a plain then.
console.log('sync');
Promise.resolve(1)
  .then((v) => { console.log(v); return v + 1; })
  .then((v) => { console.log(v); return v + 1; })
  .then((v) => console.log(v));
queueMicrotask(() => console.log('micro'));
setTimeout(() => console.log('macro'), 0);
async function f() {
  console.log('f start');
  await undefined;
  console.log('f after await');
}
f();
Promise.resolve().then(() => console.log('plain then'));
