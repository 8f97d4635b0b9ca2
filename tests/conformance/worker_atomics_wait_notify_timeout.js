// From the capypad snippet "Atomic Wait-Notify for Low-Latency Thread Sync" (https://capypad.com/en/learn/s-en-83c43025-7717-470c-93be-82bd1a0f4170)
// and MDN "Atomics.wait()" / "Atomics.notify()": Atomics.wait returns 'not-equal' at once when the value differs,
// 'timed-out' after its timeout, and 'ok' when notified. The main thread sleeps in Atomics.wait (its own loop stopped)
// while the Worker's own setTimeout fires on the Worker's loop, stores 1 and notifies. The snippet waits 1 s; 50 ms here.
const { Worker, isMainThread, workerData } = require('worker_threads');

if (isMainThread) {
  const sab = new SharedArrayBuffer(4);
  const int32 = new Int32Array(sab);
  console.log('not-equal case:', Atomics.wait(int32, 0, 42, 1000));
  console.log('timeout case:', Atomics.wait(int32, 0, 0, 20));
  console.log('notify with nobody waiting wakes', Atomics.notify(int32, 0, 1));
  new Worker(__filename, { workerData: sab });
  setTimeout(() => console.log('main timer runs only after the wait'), 0);
  console.log('Main: Waiting...');
  const result = Atomics.wait(int32, 0, 0);
  console.log('Main: Notified!', result, Atomics.load(int32, 0));
} else {
  const int32 = new Int32Array(workerData);
  setTimeout(() => {
    Atomics.store(int32, 0, 1);
    Atomics.notify(int32, 0, 1);
  }, 50);
}
