// From doc/api/worker_threads.md "worker.receiveMessageOnPort(port)" (https://nodejs.org/api/worker_threads.html#workerreceivemessageonportport):
// it takes the oldest queued message synchronously, { message } or undefined when the queue is empty, and "no 'message'
// event is emitted" for it; the messages left in the queue are still delivered as events later.
const { MessageChannel, receiveMessageOnPort } = require('node:worker_threads');
const { port1, port2 } = new MessageChannel();
port1.postMessage({ hello: 'world' });

console.log(receiveMessageOnPort(port2));
// Prints: { message: { hello: 'world' } }
console.log(receiveMessageOnPort(port2));
// Prints: undefined

port2.on('message', (m) => {
  console.log('event', m);
  if (m === 3) port2.close();
});
port1.postMessage(1);
port1.postMessage(2);
port1.postMessage(3);
console.log('taken synchronously:', receiveMessageOnPort(port2));
console.log('end of main script');
