// Promise.all / allSettled / race with timers of different lengths.
const after = (ms, v, bad) => new Promise((res, rej) => setTimeout(() => (bad ? rej(new Error(v)) : res(v)), ms));
Promise.all([after(20, 'slow'), after(5, 'fast'), 42]).then((vs) => console.log('all', vs));
Promise.allSettled([after(10, 'ok'), after(15, 'no', true)]).then((rs) => {
  console.log('allSettled', rs.map((r) => r.status + ':' + (r.value || r.reason.message)).join(' '));
});
Promise.race([after(30, 'late'), after(8, 'early')]).then((v) => console.log('race', v));
Promise.all([after(12, 'x'), after(3, 'bad', true)]).catch((e) => console.log('all rejected', e.message));
