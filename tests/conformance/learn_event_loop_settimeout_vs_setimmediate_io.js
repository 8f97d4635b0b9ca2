// From nodejs.org Learn "The Node.js Event Loop" (https://nodejs.org/en/learn/asynchronous-work/event-loop-timers-and-nexttick),
// "setImmediate() vs setTimeout()": within an I/O cycle the immediate is always first.
const fs = require('node:fs');

fs.readFile(__filename, () => {
  setTimeout(() => {
    console.log('timeout');
  }, 0);
  setImmediate(() => {
    console.log('immediate');
  });
});
