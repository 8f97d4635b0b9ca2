// From the Learn guide "The Node.js Event emitter" (https://nodejs.org/en/learn/asynchronous-work/the-nodejs-event-emitter):
// a 'start' event with arguments, once(), removeListener and removeAllListeners.
const EventEmitter = require('node:events');
const eventEmitter = new EventEmitter();

eventEmitter.on('start', () => {
  console.log('started');
});
eventEmitter.emit('start');

eventEmitter.on('start', (number) => {
  console.log(`started ${number}`);
});
eventEmitter.emit('start', 23);

eventEmitter.on('range', (start, end) => {
  console.log(`started from ${start} to ${end}`);
});
eventEmitter.emit('range', 1, 100);

eventEmitter.removeAllListeners('start');
console.log(eventEmitter.emit('start'), eventEmitter.eventNames());
