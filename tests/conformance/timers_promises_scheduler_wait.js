// From doc/api/timers.md "timersPromises.scheduler.wait(delay)" and "scheduler.yield()" (experimental in v20).
const { scheduler } = require('node:timers/promises');

(async () => {
  console.log('before wait');
  await scheduler.wait(5);
  console.log('after wait');
  setImmediate(() => console.log('an immediate queued before yield'));
  await scheduler.yield();
  console.log('after yield');
})();
