// From doc/api/events.md "Error events": with no 'error' listener and no uncaughtException handler the process
// ptview-exit: 1
// crashes with exit code 1 (the stack goes to stderr; stdout has only the line before).
const EventEmitter = require('node:events');
const myEmitter = new EventEmitter();
console.log('about to emit error');
myEmitter.emit('error', new Error('whoops!'));
