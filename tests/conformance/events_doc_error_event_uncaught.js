// From doc/api/events.md "Error events": emitting 'error' with no listener throws; process 'uncaughtException' catches it.
const EventEmitter = require('node:events');
const myEmitter = new EventEmitter();
process.on('uncaughtException', (err) => {
  console.log('There was an uncaught error:', err.message);
});
myEmitter.emit('error', new Error('whoops!'));
console.log('not reached');
