// From doc/api/events.md "Asynchronous vs. synchronous": listeners run synchronously in registration order;
// setImmediate (or nextTick) defers one.
const EventEmitter = require('node:events');
const myEmitter = new EventEmitter();
myEmitter.on('event', (a, b) => {
  setImmediate(() => {
    console.log('this happens asynchronously');
  });
});
myEmitter.on('event', () => console.log('second listener, synchronous'));
myEmitter.emit('event', 'a', 'b');
console.log('after emit');
