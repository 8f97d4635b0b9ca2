// From MDN "async function" ("Async functions and execution order"): resolveAfter2Seconds/1Second shortened to 60/20 ms;
// sequential, concurrent (Promise.all) and parallel starts print in the documented order.
function resolveAfter2Seconds() {
  console.log('starting slow promise');
  return new Promise((resolve) => {
    setTimeout(() => {
      resolve('slow');
      console.log('slow promise is done');
    }, 60);
  });
}

function resolveAfter1Second() {
  console.log('starting fast promise');
  return new Promise((resolve) => {
    setTimeout(() => {
      resolve('fast');
      console.log('fast promise is done');
    }, 20);
  });
}

async function sequentialStart() {
  console.log('== sequentialStart starts ==');
  const slow = resolveAfter2Seconds();
  console.log(await slow);
  const fast = resolveAfter1Second();
  console.log(await fast);
  console.log('== sequentialStart done ==');
}

async function concurrentPromise() {
  console.log('== concurrentPromise begins ==');
  return Promise.all([resolveAfter2Seconds(), resolveAfter1Second()]).then((messages) => {
    console.log(messages[0]); // slow
    console.log(messages[1]); // fast
    console.log('== concurrentPromise done ==');
  });
}

sequentialStart().then(() => concurrentPromise());
