// From nodejs.org Learn "Understanding process.nextTick()" (https://nodejs.org/en/learn/asynchronous-work/understanding-processnexttick).
// Its first console.log runs BEFORE setTimeout is called, so the main-module setTimeout(0)/setImmediate pair still
// races on node v20 (not a conformance script): python bench/node_costs.py --snippets counts the orders.
console.log('Hello => number 1');

setImmediate(() => {
  console.log('Running before the timeout => number 3');
});

setTimeout(() => {
  console.log('The timeout running last => number 4');
}, 0);

process.nextTick(() => {
  console.log('Running at next tick => number 2');
});
