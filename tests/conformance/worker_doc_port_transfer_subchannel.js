// From doc/api/worker_threads.md "Class: Worker" (https://nodejs.org/api/worker_threads.html#class-worker): the main
// thread hands the Worker one end of a new MessageChannel in the transferList; the Worker answers on that port and
// closes it, which closes the main thread's end too and lets the process exit. (The Worker's 'exit' is not printed: it
// may come before or after the messages on the sub-channel, which is not one of the Worker's own ports.)
const assert = require('node:assert');
const {
  Worker, MessageChannel, MessagePort, isMainThread, parentPort,
} = require('node:worker_threads');
if (isMainThread) {
  const worker = new Worker(__filename);
  const subChannel = new MessageChannel();
  worker.postMessage({ hereIsYourPort: subChannel.port1 }, [subChannel.port1]);
  subChannel.port2.on('message', (value) => {
    console.log('received:', value);
  });
  subChannel.port2.on('close', () => console.log('subchannel closed'));
} else {
  parentPort.once('message', (value) => {
    assert(value.hereIsYourPort instanceof MessagePort);
    value.hereIsYourPort.postMessage('the worker is sending this');
    value.hereIsYourPort.close();
  });
}
