// From doc/api/timers.md "timersPromises.setInterval()": for await over the interval, breaking after five ticks
// (the doc prints Date.now(); a counter here).
const { setInterval: every } = require('node:timers/promises');

(async () => {
  const interval = 5;
  let n = 0;
  for await (const startTime of every(interval, 'tick')) {
    n++;
    console.log(startTime, n);
    if (n >= 5) break;
  }
  console.log('done');
})();
