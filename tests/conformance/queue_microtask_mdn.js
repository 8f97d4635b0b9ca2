// From MDN "queueMicrotask()" / "Using microtasks in JavaScript with queueMicrotask()": the "Before enqueueing / After
// enqueueing / The microtask has run" example, a microtask queued from a microtask, and ordering with promises.
console.log('Before enqueueing the microtask');
queueMicrotask(() => {
  console.log('The microtask has run.');
  queueMicrotask(() => console.log('a microtask queued by a microtask'));
});
console.log('After enqueueing the microtask');

const messageQueue = [];
const sendMessage = (message) => {
  messageQueue.push(message);
  if (messageQueue.length === 1) {
    queueMicrotask(() => {
      const json = JSON.stringify(messageQueue);
      messageQueue.length = 0;
      console.log('batched:', json);
    });
  }
};
sendMessage('one');
sendMessage('two');
Promise.resolve().then(() => console.log('promise then, queued after the first microtasks'));
sendMessage('three');
