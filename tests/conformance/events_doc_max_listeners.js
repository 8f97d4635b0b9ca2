// From doc/api/events.md "events.defaultMaxListeners" / getMaxListeners: the default is 10; setMaxListeners changes one
// emitter (the MaxListenersExceededWarning goes to stderr, so only the counts show here).
const EventEmitter = require('node:events');
const ee = new EventEmitter();
console.log(EventEmitter.defaultMaxListeners, ee.getMaxListeners());
ee.setMaxListeners(2);
ee.on('x', () => {});
ee.on('x', () => {});
console.log(ee.getMaxListeners(), ee.listenerCount('x'));
process.on('warning', (w) => console.log('warning:', w.name));
ee.on('x', () => {});
console.log('three listeners', ee.listenerCount('x'));
