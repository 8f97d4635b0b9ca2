// Errors passed to callbacks carry Node's code, syscall and message.
const fs = require('fs');
fs.readFile('/nonexistent/ptview-test-file', (err, data) => {
  console.log(err.code, err.syscall, err.errno, data);
  console.log(err.message);
});
fs.stat('/nonexistent/ptview-test-file', (err) => console.log('stat', err.code, err.message));
fs.readFile(__dirname, (err) => console.log('dir', err.code, err.message));
