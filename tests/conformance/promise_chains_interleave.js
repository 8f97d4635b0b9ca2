// Two then-chains interleave one reaction at a time; catch and finally pass values through.
Promise.resolve(1)
  .then((v) => { console.log('a', v); return v + 1; })
  .then((v) => { console.log('a', v); throw new Error('a failed'); })
  .catch((e) => { console.log('a caught', e.message); return 'recovered'; })
  .finally(() => console.log('a finally'))
  .then((v) => console.log('a end', v));
Promise.resolve(10)
  .then((v) => { console.log('b', v); return v * 2; })
  .then((v) => console.log('b', v))
  .then(() => console.log('b', 'third'))
  .then(() => console.log('b', 'fourth'));
