// Every queue at once: main, nextTick, microtasks, timers, check, poll (SEMANTICS §3.4-3.5, §5.1-5.2);
// a 3 ms busy-wait makes the main-module setTimeout(0) due before the loop starts.
const fs = require('fs');
console.log('1: script start');
setTimeout(() => console.log('2: setTimeout 0'), 0);
setImmediate(() => console.log('3: setImmediate'));
fs.readFile(__filename, () => {
  console.log('4: readFile callback');
  setTimeout(() => console.log('5: timeout in readFile'), 0);
  setImmediate(() => console.log('6: immediate in readFile'));
  process.nextTick(() => console.log('7: nextTick in readFile'));
  Promise.resolve().then(() => console.log('8: promise in readFile'));
});
Promise.resolve().then(() => {
  console.log('9: promise 1');
  process.nextTick(() => console.log('10: nextTick in promise'));
}).then(() => console.log('11: promise 2'));
process.nextTick(() => {
  console.log('12: nextTick 1');
  Promise.resolve().then(() => console.log('13: promise in nextTick'));
  process.nextTick(() => console.log('14: nested nextTick'));
});
(async () => {
  console.log('15: async start');
  await null;
  console.log('16: after await 1');
  await new Promise((r) => setTimeout(r, 200)); // long: the file reads finish first even under load
  console.log('17: after await timer');
  setImmediate(() => console.log('18: immediate after await'));
  await Promise.resolve();
  console.log('19: after await 3');
})();
const start = Date.now();
while (Date.now() - start < 3) {}
console.log('20: script end');
