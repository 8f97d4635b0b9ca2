// From doc/api/events.md "emitter.eventNames()" (symbols included) and "events.getEventListeners()".
const { EventEmitter, getEventListeners } = require('node:events');

const myEE = new EventEmitter();
myEE.on('foo', () => {});
myEE.on('bar', () => {});

const sym = Symbol('symbol');
myEE.on(sym, () => {});

console.log(myEE.eventNames());
// Prints: [ 'foo', 'bar', Symbol(symbol) ]
const listener = () => console.log('Events are fun');
myEE.on('foo', listener);
console.log(getEventListeners(myEE, 'foo').length, getEventListeners(myEE, 'foo')[1] === listener);
const et = new EventTarget();
et.addEventListener('foo', listener);
console.log(getEventListeners(et, 'foo').length);
