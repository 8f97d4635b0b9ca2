// From doc/api/worker_threads.md "Class: BroadcastChannel extends EventTarget" (https://nodejs.org/api/worker_threads.html#class-broadcastchannel-extends-eventtarget):
// ten Workers (this same file) each post one message on the 'hello' channel and close their end; the main thread
// counts ten MessageEvents, prints each event.data, and closes its channel so the process can exit. (All ten lines
// are alike, so the order in which the Workers get there does not show.)
'use strict';
const {
  isMainThread,
  BroadcastChannel,
  Worker,
} = require('node:worker_threads');

const bc = new BroadcastChannel('hello');

if (isMainThread) {
  let c = 0;
  bc.onmessage = (event) => {
    console.log(event.data);
    if (++c === 10) {
      bc.close();
      console.log('main closed', bc.name, 'after', c, 'messages', event.constructor.name);
    }
  };
  for (let n = 0; n < 10; n++)
    new Worker(__filename);
} else {
  bc.postMessage('hello from every worker');
  bc.close();
}
