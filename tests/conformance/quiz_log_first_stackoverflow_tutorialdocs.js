// From "Node Timer Tutorial In 20 Minutes" (https://www.tutorialdocs.com/node-timer-tutorial-html/), test.js:
// the IIFE logs 5 synchronously, then 3 (nextTick), 4 (promise), and the timeout 1 before the immediate 2 (§3.9).
setTimeout(() => console.log(1));
setImmediate(() => console.log(2));
process.nextTick(() => console.log(3));
Promise.resolve().then(() => console.log(4));
(() => console.log(5))();
