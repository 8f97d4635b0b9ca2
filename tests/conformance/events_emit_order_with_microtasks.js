// Modelled on "EventEmitter is synchronous" slides/blog posts: emit runs listeners before the next line, while
// promise and nextTick callbacks queued by a listener wait for the current operation to finish.
const EventEmitter = require('events');
const e = new EventEmitter();
e.on('go', (x) => {
  console.log('listener 1', x);
  Promise.resolve().then(() => console.log('promise from listener 1'));
  process.nextTick(() => console.log('tick from listener 1'));
});
e.on('go', (x) => console.log('listener 2', x));
console.log('before emit');
e.emit('go', 1);
console.log('after emit');
e.emit('go', 2);
