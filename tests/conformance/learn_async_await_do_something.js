// From nodejs.org Learn "Modern Asynchronous JavaScript with Async and Await" (https://nodejs.org/en/learn/asynchronous-work/modern-asynchronous-javascript-with-async-and-await):
// "Before / After / I did something" (the guide's 3 s delay shortened to 10 ms).
const doSomethingAsync = () => {
  return new Promise((resolve) => {
    setTimeout(() => resolve('I did something'), 10);
  });
};

const doSomething = async () => {
  console.log(await doSomethingAsync());
};

console.log('Before');
doSomething();
console.log('After');
