// From MDN "Promise.any()", "Promise.allSettled()", "Promise.race()" and "Promise.all()" examples with timers.
// (The timers are created shortest first, so a stall of the main module cannot reorder their expiries.)
Promise.all([1, Promise.resolve(2), new Promise((r) => setTimeout(r, 1, 3))]).then((vs) => console.log('all:', vs));
Promise.allSettled([Promise.resolve(3), new Promise((resolve, reject) => setTimeout(reject, 5, 'foo'))]).then((results) =>
  results.forEach((result) => console.log(result)));
const promise1 = Promise.reject(0);
const promise2 = new Promise((resolve) => setTimeout(resolve, 30, 'quick'));
const promise3 = new Promise((resolve) => setTimeout(resolve, 80, 'slow'));
Promise.any([promise1, promise2, promise3]).then((value) => console.log('any:', value));
Promise.any([Promise.reject(new Error('a')), Promise.reject(new Error('b'))]).catch((e) =>
  console.log(e.constructor.name, e.message, e.errors.map((x) => x.message)));
Promise.race([promise2, promise3]).then((v) => console.log('race:', v));
console.log(Promise.resolve(1), Promise.reject(new Error('x')).catch(() => {}) instanceof Promise, new Promise(() => {}));
