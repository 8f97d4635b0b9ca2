// From a GitHub gist on partitioning (gist.github.com/mishelen/67a43c353fdc5aa2af61459caa8ba113), after the "Don't Block
// the Event Loop" guide: a sum partitioned into chunks of `load`, one chunk per setImmediate.
function asyncExec(func, load, jobs) {
  let done = false;
  let value;
  const makeDone = () => (done = true);
  return new Promise((resolve) => {
    function executor(cb) {
      if (!done) {
        value = cb();
        setImmediate(executor.bind(null, cb));
      } else {
        resolve(value);
      }
    }
    executor(func(makeDone, load, jobs));
  });
}
const sum = (done, load, jobs) => {
  let value = 0;
  let currentJob = 1;
  return function () {
    let lastJob = currentJob + load < jobs ? currentJob + load : jobs;
    for (; currentJob <= lastJob; currentJob++) {
      value += currentJob;
    }
    if (currentJob === jobs + 1) {
      done();
    }
    return value;
  };
};
(async () => {
  console.log(await asyncExec(sum, 5, 5));
  console.log(await asyncExec(sum, 10, 1000));
})();
