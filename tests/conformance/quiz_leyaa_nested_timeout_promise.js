// From an online challenge set (https://leyaa.ai/codefly/learn/javascript/part-3/javascript-event-loop-overview/challenge):
// a microtask queues a timer, a timer queues a microtask: A F D B C E.
console.log('A');
setTimeout(() => {
  console.log('B');
  Promise.resolve().then(() => console.log('C'));
}, 0);
Promise.resolve().then(() => {
  console.log('D');
  setTimeout(() => console.log('E'), 0);
});
console.log('F');
