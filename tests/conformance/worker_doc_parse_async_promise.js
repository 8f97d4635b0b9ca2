// From the opening example of doc/api/worker_threads.md (https://nodejs.org/api/worker_threads.html): parseJSAsync()
// wraps one Worker per call in a Promise - 'message' resolves, 'error' rejects, a non-zero 'exit' rejects too. The doc's
// "some-js-parsing-library" is JSON.parse here; the second call gets bad input, so the Worker throws and the promise
// rejects with that SyntaxError ('exit' 1 comes after and its reject() is a no-op). The calls are awaited in turn.
const { Worker, isMainThread, parentPort, workerData } = require('node:worker_threads');

if (isMainThread) {
  const parseJSAsync = function parseJSAsync(script) {
    return new Promise((resolve, reject) => {
      const worker = new Worker(__filename, {
        workerData: script,
      });
      worker.on('message', resolve);
      worker.on('error', reject);
      worker.on('exit', (code) => {
        if (code !== 0)
          reject(new Error(`Worker stopped with exit code ${code}`));
      });
    });
  };
  (async () => {
    console.log('parsed:', await parseJSAsync('{"a": [1, 2, {"b": null}]}'));
    try {
      await parseJSAsync('{"a": ');
    } catch (err) {
      console.log('rejected:', err.name, err.message);
    }
  })();
} else {
  const parse = JSON.parse;
  const script = workerData;
  parentPort.postMessage(parse(script));
}
