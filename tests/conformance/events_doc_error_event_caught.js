// From doc/api/events.md "Error events": an 'error' listener handles it; errorMonitor sees it first without handling it.
const { EventEmitter, errorMonitor } = require('node:events');
const myEmitter = new EventEmitter();
myEmitter.on(errorMonitor, (err) => {
  console.log('monitor saw:', err.message);
});
myEmitter.on('error', (err) => {
  console.error('whoops! there was an error');
  console.log('handled:', err.message);
});
myEmitter.emit('error', new Error('whoops!'));
console.log('still running');
