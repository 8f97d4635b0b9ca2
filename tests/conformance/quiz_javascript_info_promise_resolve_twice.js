// From javascript.info "Promise" tasks ("Re-resolve a promise?") and "delay with a promise": a settled promise ignores
// later resolve calls; delay(ms) resolves after ms (alert replaced by console.log, 1000/3000 ms shortened).
let promise = new Promise(function (resolve, reject) {
  resolve(1);
  setTimeout(() => resolve(2), 10);
});
promise.then(console.log);

function delay(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
delay(30).then(() => console.log('runs after 30 ms'));
