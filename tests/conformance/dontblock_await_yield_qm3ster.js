// From a dev.to comment (https://dev.to/qm3ster/comment/18d5m): awaiting a synchronous value is a yield point, so
// 'started' prints before most of the 'processing' lines; the CommonJS version wraps the top-level await.
const { log } = console;
const proc = (x) => log('processing', x);
const d = async (q) => {
  // We are awaiting a synchronous value (`undefined`, not a `Promise`) just to create a yield point inside the loop!
  while (q.length) await proc(q.pop());
};
(async () => {
  log('starting');
  const task = d([3, 5, 7, 9, 11, 13]);
  log('started');
  await task;
  log('finished');
})();
