// A ping-pong between the main thread and a Worker on one SharedArrayBuffer, after the Atomics.wait/Atomics.notify
// "mutex pattern" step of the innozverse lab "Worker Threads Advanced"
// (https://docs.innozverse.com/programming-code/javascript/architect/lab-04-worker-threads-advanced) and MDN
// "Atomics.wait()": slot 0 says whose turn it is, slot 1 is the ball; each side waits until the turn is its own, hits
// the ball, hands over the turn and notifies. The main thread blocks in Atomics.wait (allowed in Node, not in a browser
// main thread) and logs each round; the Worker only reports at the end.
const { Worker, isMainThread, parentPort, workerData } = require('node:worker_threads');
const MAIN = 0, WORKER = 1, ROUNDS = 5;

if (isMainThread) {
  const ia = new Int32Array(new SharedArrayBuffer(8));
  const w = new Worker(__filename, { workerData: ia.buffer });
  for (let round = 1; round <= ROUNDS; round++) {
    Atomics.add(ia, 1, 1); // ping
    Atomics.store(ia, 0, WORKER);
    Atomics.notify(ia, 0);
    while (Atomics.load(ia, 0) !== MAIN) Atomics.wait(ia, 0, WORKER, 5000);
    console.log('round', round, 'ball', Atomics.load(ia, 1));
  }
  w.on('message', (m) => console.log('worker says', m));
  w.on('exit', (code) => console.log('worker exit', code));
} else {
  const ia = new Int32Array(workerData);
  for (let round = 1; round <= ROUNDS; round++) {
    while (Atomics.load(ia, 0) !== WORKER) Atomics.wait(ia, 0, MAIN, 5000);
    Atomics.add(ia, 1, 10); // pong
    Atomics.store(ia, 0, MAIN);
    Atomics.notify(ia, 0);
  }
  parentPort.postMessage(`returned ${ROUNDS} balls`);
}
