// From doc/api/events.md "Capture rejections of promises": with captureRejections an async listener's rejection
// becomes an 'error' event.
const EventEmitter = require('node:events');
const ee1 = new EventEmitter({ captureRejections: true });
ee1.on('something', async (value) => {
  throw new Error('kaboom');
});

ee1.on('error', (err) => console.log('error event:', err.message));

ee1.emit('something');
console.log('emitted');
