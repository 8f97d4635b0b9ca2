// From nodejs.org Learn "Discover JavaScript Timers" (https://nodejs.org/en/learn/asynchronous-work/discover-javascript-timers):
// extra arguments are passed to the callback; a cleared timeout never runs; a zero delay runs after the current function.
const myFunction = (firstParam, secondParam) => {
  console.log('myFunction', firstParam, secondParam);
};
setTimeout(myFunction, 50, 'firstParam', 'secondParam');

const id = setTimeout(() => {
  console.log('should not run');
}, 2);
clearTimeout(id);

setTimeout(() => {
  console.log('after ');
}, 0);
console.log(' before ');
