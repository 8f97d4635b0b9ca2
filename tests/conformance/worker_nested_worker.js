// Nested Workers: "a web worker is normally allowed to start another web worker" (developit/web-worker issue
// "worker starting further workers", https://github.com/developit/web-worker/issues/12, and its Node worker_threads fix
// https://github.com/developit/web-worker/pull/40) and doc/api/worker_threads.md "worker.threadId" ("unique inside a
// single process"): the main thread starts a Worker (level 1) which starts its own Worker (level 2); the grandchild's
// message is relayed up, then its 'exit' (its threadId reads -1 once it has exited), then level 1's 'exit'.
// Only one Worker exists at a time when each is created, so the threadIds (1, then 2) are fixed.
const { Worker, isMainThread, parentPort, workerData, threadId } = require('node:worker_threads');

if (isMainThread) {
  const child = new Worker(__filename, { workerData: { level: 1 } });
  child.on('message', (m) => console.log('main got:', m));
  child.on('exit', (code) => console.log('main: level-1 worker exited', code, 'main threadId', threadId));
} else if (workerData.level === 1) {
  const grandchild = new Worker(__filename, { workerData: { level: 2 } });
  grandchild.on('message', (m) => parentPort.postMessage({ relayedBy: threadId, ...m }));
  grandchild.on('exit', (code) => parentPort.postMessage(`level 2 (thread ${grandchild.threadId}) exited ${code}`));
} else {
  parentPort.postMessage({ from: threadId, level: workerData.level, isMainThread, parentIsPort: parentPort !== null });
}
