// From nodejs.org Learn "JavaScript Asynchronous Programming and Callbacks" (https://nodejs.org/en/learn/asynchronous-work/javascript-asynchronous-programming-and-callbacks):
// error-first callbacks with fs.readFile (a missing file, then the script itself).
const fs = require('node:fs');

fs.readFile('/file-that-does-not-exist.json', (err, data) => {
  if (err) {
    // handle error
    console.log('error:', err.code, err.syscall);
    readSelf(); // chained: two reads on the pool would finish in either order
    return;
  }
  console.log(data);
});

function readSelf() {
  fs.readFile(__filename, 'utf8', (err, data) => {
    if (err) {
      console.log(err);
      return;
    }
    console.log('no error, first line:', data.split('\n')[0].slice(0, 40));
  });
}
