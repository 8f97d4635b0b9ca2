// From MDN "for await...of": an async generator, a custom async iterable, and iterating a sync iterable of promises.
async function* foo() {
  yield 1;
  yield 2;
}

(async function () {
  for await (const num of foo()) {
    console.log(num);
    // Expected output: 1

    break; // Closes iterator, triggers return
  }
})();

const asyncIterable = {
  [Symbol.asyncIterator]() {
    return {
      i: 0,
      next() {
        if (this.i < 3) {
          return Promise.resolve({ value: this.i++, done: false });
        }
        return Promise.resolve({ done: true });
      },
    };
  },
};

(async () => {
  for await (const num of asyncIterable) {
    console.log('async iterable', num);
  }
})();

function* syncGen() {
  yield 0;
  yield Promise.resolve(1);
  yield 2;
}
(async () => {
  for await (const n of syncGen()) console.log('sync gen of promises', n);
})();
