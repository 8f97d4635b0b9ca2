// From nodejs.org Learn "The Node.js Event Loop", "Why use process.nextTick()?": emitting from the constructor
// via nextTick lets the caller attach the handler first.
const EventEmitter = require('node:events');

class MyEmitter extends EventEmitter {
  constructor() {
    super();
    // use nextTick to emit the event once a handler is assigned
    process.nextTick(() => {
      this.emit('event');
    });
  }
}

const myEmitter = new MyEmitter();
myEmitter.on('event', () => {
  console.log('an event occurred!');
});
