// From doc/api/events.md "Passing arguments and this to listeners": `this` is the emitter in a function listener,
// not in an arrow function (printed with === rather than the whole emitter, whose inspect output is long).
const EventEmitter = require('node:events');
class MyEmitter extends EventEmitter {}
const myEmitter = new MyEmitter();
myEmitter.on('event', function (a, b) {
  console.log(a, b, this instanceof MyEmitter, this === myEmitter);
});
myEmitter.on('event', (a, b) => {
  console.log(a, b, this === myEmitter, this === module.exports);
});
myEmitter.emit('event', 'a', 'b');
