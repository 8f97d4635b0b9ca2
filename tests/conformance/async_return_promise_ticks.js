// Returning a promise from an async function (or resolving with one) adopts it through an extra
// job (NewPromiseResolveThenableJob), so it settles two microtask turns later than a plain value.
async function plain() { return 1; }
async function wrapped() { return Promise.resolve(2); }
wrapped().then((v) => console.log('wrapped', v));
plain().then((v) => console.log('plain', v));
Promise.resolve().then(() => console.log('turn 1')).then(() => console.log('turn 2'))
  .then(() => console.log('turn 3')).then(() => console.log('turn 4'));
new Promise((r) => r(Promise.resolve('adopted'))).then((v) => console.log(v));
