// From a GitHub gist "Difference between setTimeout, setImmediate and process.nextTick" (gist.github.com/ackuser/7ef5a071200fae517638), a log added first.
// Its first console.log runs BEFORE setTimeout is called, so the main-module setTimeout(0)/setImmediate pair still
// races on node v20 (not a conformance script): python bench/node_costs.py --snippets counts the orders.
console.log('START');
setTimeout(function () {
  console.log('TIMEOUT 1');
}, 0);
setImmediate(function () {
  console.log('IMMEDIATE 1');
});
process.nextTick(function () {
  console.log('NEXTTICK 1');
});
setTimeout(function () {
  setTimeout(function () {
    console.log('TIMEOUT 2');
  }, 0);
  setImmediate(function () {
    console.log('IMMEDIATE 2');
  });
}, 10);
