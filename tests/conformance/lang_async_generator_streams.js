// Modelled on MDN "async function*" ("Using an async generator to read a series of files" shape): an async generator
// with awaits between yields, consumed by for await, with a nextTick queued meanwhile.
const { setTimeout: sleep } = require('timers/promises');
async function* countdown(n) {
  while (n > 0) {
    await sleep(3);
    yield n--;
  }
  return 'liftoff';
}
(async () => {
  for await (const x of countdown(3)) console.log('T-' + x);
  const it = countdown(1);
  console.log(await it.next(), await it.next(), await it.next());
})();
process.nextTick(() => console.log('tick runs during the first await'));
