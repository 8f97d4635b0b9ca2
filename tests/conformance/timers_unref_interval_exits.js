// Modelled on doc/api/timers.md "timeout.unref()": an unref'd interval runs while something else keeps the loop alive,
// then the process exits without clearing it.
let n = 0;
const iv = setInterval(() => { n++; }, 10);
iv.unref();
setTimeout(() => console.log('last ref timer'), 35);
process.on('exit', () => console.log('exit; unref interval ran:', n >= 1));
