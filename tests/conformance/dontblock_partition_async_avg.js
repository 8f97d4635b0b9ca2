// From nodejs.org Learn "Don't Block the Event Loop (or the Worker Pool)" (https://nodejs.org/en/learn/asynchronous-work/dont-block-the-event-loop),
// "Partitioning": asyncAvg sums 1..n one step per setImmediate; a timer set meanwhile gets its turn in between.
function asyncAvg(n, avgCB) {
  // Save ongoing sum in JS closure.
  let sum = 0;
  function help(i, cb) {
    sum += i;
    if (i == n) {
      cb(sum);
      return;
    }

    // "Asynchronous recursion".
    // Schedule next operation asynchronously.
    setImmediate(help.bind(null, i + 1, cb));
  }

  // Start the helper, with CB to call avgCB.
  help(1, function (sum) {
    const avg = sum / n;
    avgCB(avg);
  });
}

asyncAvg(50, function (avg) {
  console.log('avg of 1-n: ' + avg);
});
// the naive version blocks: everything happens before any callback
let sum = 0;
for (let i = 0; i < 50; i++) sum += i;
const avg = sum / 50;
console.log('avg: ' + avg);
process.nextTick(() => console.log('nextTick runs before the first partitioned step'));
