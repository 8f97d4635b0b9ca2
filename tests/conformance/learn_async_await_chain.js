// From nodejs.org Learn "Modern Asynchronous JavaScript with Async and Await": async functions return promises,
// and chaining several awaits reads like synchronous code.
const aFunction = async () => {
  return 'test';
};
aFunction().then(alert => console.log(alert));

const promiseToDoSomething = () => {
  return new Promise(resolve => {
    setTimeout(() => resolve('I did something'), 5);
  });
};
const watchOverSomeoneDoingSomething = async () => {
  const something = await promiseToDoSomething();
  return something + '\nand I watched';
};
const watchOverSomeoneWatchingSomeoneDoingSomething = async () => {
  const something = await watchOverSomeoneDoingSomething();
  return something + '\nand I watched as well';
};
watchOverSomeoneWatchingSomeoneDoingSomething().then(res => {
  console.log(res);
});
