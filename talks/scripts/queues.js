const fs = require('fs');
fs.readFile(__filename, () => {
  // Inside an I/O callback: poll, then check, then the next iteration's timers.
  setTimeout(() => console.log('setTimeout 0'), 0);
  setImmediate(() => console.log('setImmediate'));
  Promise.resolve().then(() => console.log('promise'));
  process.nextTick(() => console.log('nextTick'));
  console.log('the I/O callback');
});
