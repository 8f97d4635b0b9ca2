// From "JS concurrency and the event loop" (https://blog-aol-en.pages.dev/2020/09/26/js-concurrency-event-loop):
// start children4 children2 children3 children5 children7 children6.
console.log('start');
setTimeout(() => {
  console.log('children2');
  Promise.resolve().then(() => {
    console.log('children3');
  });
}, 0);
new Promise(function (resolve, reject) {
  console.log('children4');
  setTimeout(function () {
    console.log('children5');
    resolve('children6');
  }, 0);
}).then((res) => {
  console.log('children7');
  setTimeout(() => {
    console.log(res);
  }, 0);
});
