// Modelled on doc/api/timers.md "timersPromises.setInterval()" with the `signal` option: aborting the AbortController (from
// the loop body, after two ticks) stops the async iterator, which throws an AbortError out of for await.
const { setInterval } = require('node:timers/promises');

const ac = new AbortController();
let n = 0;
(async () => {
  try {
    for await (const v of setInterval(10, 'x', { signal: ac.signal })) {
      console.log('iteration', ++n, v);
      if (n === 2) ac.abort();
    }
  } catch (err) {
    console.log('stopped:', err.name, n);
  }
})();
