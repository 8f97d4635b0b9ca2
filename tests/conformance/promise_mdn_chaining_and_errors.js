// From MDN "Using promises": chaining, catch then continue ("Do this / Do that"), the finally semantics and a rejection
// thrown from then.
new Promise((resolve, reject) => {
  console.log('Initial');
  resolve();
})
  .then(() => {
    throw new Error('Something failed');
    console.log('Do this'); // never
  })
  .catch(() => {
    console.error('Do that');
    console.log('Do that');
  })
  .then(() => {
    console.log('Do this, no matter what happened before');
  });

Promise.resolve(2)
  .finally(() => 77)
  .then((v) => console.log('finally keeps the value:', v));
Promise.reject(new Error('r'))
  .finally(() => console.log('finally on rejection'))
  .catch((e) => console.log('still rejected:', e.message));
Promise.resolve(1)
  .then(2)
  .then((v) => console.log('non-function then is ignored:', v));
