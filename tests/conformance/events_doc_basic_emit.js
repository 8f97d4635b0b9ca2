// From Node's doc/api/events.md "Events" intro (https://nodejs.org/api/events.html): a MyEmitter subclass, on + emit.
const EventEmitter = require('node:events');

class MyEmitter extends EventEmitter {}

const myEmitter = new MyEmitter();
myEmitter.on('event', () => {
  console.log('an event occurred!');
});
myEmitter.emit('event');
