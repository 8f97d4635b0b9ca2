// From doc/api/worker_threads.md "Class: MessageChannel" and "Event: 'close'" (https://nodejs.org/api/worker_threads.html#class-messagechannel):
// a message posted on port2 arrives as a 'message' event on port1, asynchronously (after the sync code and the nextTick
// queue); close() on either side emits 'close' on both ports, after the messages already sent. Without the close()
// calls the ports would keep the process alive.
const { MessageChannel } = require('node:worker_threads');

const { port1, port2 } = new MessageChannel();
port1.on('message', (message) => {
  console.log('received', message);
  port1.close();
});
port1.on('close', () => console.log('first channel closed'));
port2.postMessage({ foo: 'bar' });
// Prints: received { foo: 'bar' } from the `port1.on('message')` listener

const ch = new MessageChannel();
// Prints:
//   foobar
//   closed!
ch.port2.on('message', (message) => console.log(message));
ch.port2.on('close', () => console.log('closed!'));
ch.port1.postMessage('foobar');
ch.port1.close();

process.nextTick(() => console.log('nextTick runs before any message'));
console.log('sync end');
