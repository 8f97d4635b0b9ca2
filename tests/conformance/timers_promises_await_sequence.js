// Modelled on doc/api/timers.md "timersPromises.setTimeout()" (the `await setTimeout(100, 'result')` form) in a CommonJS
// async IIFE: awaits run one after another.
const { setTimeout, setImmediate } = require('node:timers/promises');

(async () => {
  const res = await setTimeout(5, 'result');
  console.log(res); // Prints 'result'
  const imm = await setImmediate('result 2');
  console.log(imm);
  const both = await Promise.all([setTimeout(10, 'slow'), setTimeout(5, 'fast')]);
  console.log(both);
  const winner = await Promise.race([setTimeout(50, 'slow'), setTimeout(5, 'fast')]);
  console.log('race:', winner);
})();
