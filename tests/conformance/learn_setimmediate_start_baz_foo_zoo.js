// From nodejs.org Learn "Understanding setImmediate()" (https://nodejs.org/en/learn/asynchronous-work/understanding-setimmediate):
// nextTick before the promise microtask, both before the immediate.
const baz = () => console.log('baz');
const foo = () => console.log('foo');
const zoo = () => console.log('zoo');

const start = () => {
  console.log('start');
  setImmediate(baz);
  new Promise((resolve, reject) => {
    resolve('bar');
  }).then((resolve) => {
    console.log(resolve);
    process.nextTick(zoo);
  });
  process.nextTick(foo);
};

start();
