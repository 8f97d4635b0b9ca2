// §3.7: an uncaught exception ends the child (exit code 1), not the parent.
const cp = require('child_process');
const c = cp.fork(`${__dirname}/children/crash.js`);
c.on('exit', (code) => console.log('child exited with', code));
