// Modelled on Deepal Jayasekara's "Timers, Immediates and Process.nextTick — NodeJS Event Loop Part 2" (dev.to/deepal):
// recursive nextTick starves timers, immediates and I/O; bounded to 5 calls so it ends. The
// post's 10 ms timeout is 0 here (a 10 ms one races the file read under load); 'started' logs after it, so it runs first (§3.9).
const fs = require('fs');

function addNextTickRecurs(count) {
  let self = this;
  if (self.id === undefined) {
    self.id = 0;
  }

  if (self.id === count) return;

  process.nextTick(() => {
    console.log(`process.nextTick call ${++self.id}`);
    addNextTickRecurs.call(self, count);
  });
}

addNextTickRecurs.call({}, 5);
setTimeout(console.log.bind(console, 'omg! setTimeout was called'), 0);
setImmediate(console.log.bind(console, 'omg! setImmediate also was called'));
fs.readFile(__filename, () => {
  console.log('omg! file read complete callback was called!');
});

console.log('started');
