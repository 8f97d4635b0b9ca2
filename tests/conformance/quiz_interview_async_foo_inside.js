// From "JavaScript Event Loop Interview Questions" (a GitHub collection, question 2): an awaited resolved promise
// inside foo, a timeout and a then.
async function foo() {
  console.log('Inside foo 1');
  await Promise.resolve();
  console.log('Inside foo 2');
}

console.log('Start');
setTimeout(() => {
  console.log('Timeout');
}, 0);
foo();
Promise.resolve().then(() => console.log('Promise'));
console.log('End');
