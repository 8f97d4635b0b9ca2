// From "Quiz: Predict the Event Loop Output" (learn-infinity-custom.pages.dev ... quiz-predict-the-event-loop-output), challenges 2-6,
// run one after another (each challenge's sync part runs first, so their outputs interleave as node prints them).
console.log('1');
setTimeout(() => console.log('3'), 0);
Promise.resolve().then(() => console.log('2'));
queueMicrotask(() => console.log('4'));
console.log('5');

async function foo() {
  console.log('f2');
  await Promise.resolve();
  console.log('f3');
  await Promise.resolve();
  console.log('f4');
}
console.log('f1');
foo();
console.log('f5');
Promise.resolve().then(() => console.log('f6'));

console.log('start');
new Promise((resolve) => {
  console.log('promise');
  resolve();
  setTimeout(() => console.log('timeout'), 0);
}).then(() => console.log('then'));
console.log('end');
