// From a GitHub gist "event_emitter_setImmediate_example.js" (gist.github.com/WoZ/0f976092f75dd7a527f54280657e8080), with a
// smaller loop and without timestamps: a blocking listener delays emit's caller; setImmediate in the listener does not.
const { EventEmitter } = require('events');
const ee = new EventEmitter();
function log(...args) {
  console.log(...args);
}
function blockingOperation() {
  log('-- Blocking operation has started');
  let acc = 0;
  for (let i = 0; i < 1000000; i++) {
    acc += i;
  }
  log('-- Blocking operation has ended', acc);
  return acc;
}
ee.on('blocking-handler', (message) => {
  log(`Blocking handler. Called inside listener: ${message}`);
  blockingOperation();
});
ee.on('non-blocking-handler', (message) => {
  log(`Non-blocking handler. Called inside listener: ${message}`);
  setImmediate(blockingOperation);
});
function execute(event, message) {
  log('Executor wants to emit message and to exit ASAP');
  ee.emit(event, message);
  log('Executor returns');
}
log('Begin blocking handler');
execute('blocking-handler', 'event1');
log('End of blocking handler');
console.log('-------------');
log('Begin non-blocking handler');
execute('non-blocking-handler', 'event2');
log('End of non-blocking handler');
