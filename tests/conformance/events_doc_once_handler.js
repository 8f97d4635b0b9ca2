// From doc/api/events.md "Handling events only once": on() fires every emit, once() only the first.
const EventEmitter = require('node:events');
const myEmitter = new EventEmitter();
let m = 0;
myEmitter.on('event', () => {
  console.log(++m);
});
myEmitter.emit('event');
// Prints: 1
myEmitter.emit('event');
// Prints: 2

const other = new EventEmitter();
let n = 0;
other.once('event', () => {
  console.log('once', ++n);
});
console.log(other.emit('event'), other.emit('event'), other.listenerCount('event'));
