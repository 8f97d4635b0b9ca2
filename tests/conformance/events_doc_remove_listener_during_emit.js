// From doc/api/events.md "emitter.removeListener()": removing a listener during emit does not affect the emit in
// progress (the listener array is copied), only later ones.
const EventEmitter = require('node:events');
class MyEmitter extends EventEmitter {}
const myEmitter = new MyEmitter();

const callbackA = () => {
  console.log('A');
  myEmitter.removeListener('event', callbackB);
};

const callbackB = () => {
  console.log('B');
};

myEmitter.on('event', callbackA);
myEmitter.on('event', callbackB);

// callbackA removes listener callbackB but it will still be called.
myEmitter.emit('event');
// Prints:
//   A
//   B

// callbackB is now removed.
myEmitter.emit('event');
// Prints:
//   A
