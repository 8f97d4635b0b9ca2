// From a GitHub gist "setImmediate vs setTimeout vs process.nextTick" (gist.github.com/rajikaimal/f4a8c4f6ea6e154aea3bddc125d4156e):
// inside fs.readFile's callback: NextTick, then SetImmediate, then SetTimeout.
const fs = require('fs');
fs.readFile(__filename, () => {
  setTimeout(() => {
    console.log('SetTimeout callback');
  }, 0);
  setImmediate(() => {
    console.log('SetImmediate callback');
  });
  process.nextTick(() => {
    console.log('NextTick');
  });
});
