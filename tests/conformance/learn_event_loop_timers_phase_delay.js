// Modelled on nodejs.org Learn "The Node.js Event Loop", "timers" phase: a 100 ms timeout waits for a slow
// I/O callback (here a 110 ms busy-wait inside fs.readFile's callback), so it runs late, after the read.
const fs = require('node:fs');

function someAsyncOperation(callback) {
  fs.readFile(__filename, callback);
}

const timeoutScheduled = Date.now();

setTimeout(() => {
  const delay = Date.now() - timeoutScheduled;
  console.log(`timeout ran late: ${delay >= 110}`);
}, 100);

someAsyncOperation(() => {
  const startCallback = Date.now();
  console.log('readFile callback');
  while (Date.now() - startCallback < 110) {
    // do nothing
  }
});
