// Modelled on nodejs.org Learn "The Node.js Event Loop", "timers" phase: a timeout cannot run while a callback
// blocks, so one set at the start of a slow I/O callback (a 30 ms busy-wait in fs.readFile's callback) runs late.
const fs = require('node:fs');

function someAsyncOperation(callback) {
  fs.readFile(__filename, callback);
}

someAsyncOperation(() => {
  const timeoutScheduled = Date.now();
  setTimeout(() => {
    const delay = Date.now() - timeoutScheduled;
    console.log(`timeout ran late: ${delay >= 30}`);
  }, 10);
  const startCallback = Date.now();
  console.log('readFile callback');
  while (Date.now() - startCallback < 30) {
    // do nothing
  }
});
