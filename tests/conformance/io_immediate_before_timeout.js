// §3.4: inside an I/O callback setImmediate always wins over setTimeout(0): poll -> check -> timers.
const fs = require('fs');
fs.readFile(__filename, () => {
  setTimeout(() => console.log('timeout'), 0);
  setImmediate(() => console.log('immediate'));
  process.nextTick(() => console.log('nextTick'));
});
