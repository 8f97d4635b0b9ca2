// From nodejs.org Learn "The Node.js Event Loop", "process.nextTick()": someAsyncApiCall calls back on nextTick,
// so `bar` is already assigned when the callback runs.
let bar;

function someAsyncApiCall(callback) {
  process.nextTick(callback);
}

someAsyncApiCall(() => {
  console.log('bar', bar); // 1
});

bar = 1;
