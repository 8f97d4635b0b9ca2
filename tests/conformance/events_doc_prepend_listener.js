// From doc/api/events.md "emitter.prependListener()" and "emitter.on(..)": by default listeners run in the order
// added; prependListener/prependOnceListener put them first.
const EventEmitter = require('node:events');
const myEE = new EventEmitter();
myEE.on('foo', () => console.log('a'));
myEE.prependListener('foo', () => console.log('b'));
myEE.prependOnceListener('foo', () => console.log('c (once)'));
myEE.emit('foo');
myEE.emit('foo');
console.log(myEE.listenerCount('foo'), myEE.eventNames());
