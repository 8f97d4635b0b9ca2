// Modelled on a GitHub gist explaining the phases (gist.github.com/DannyWhyte).
// Its first console.log runs BEFORE setTimeout is called, so the main-module setTimeout(0)/setImmediate pair still
// races on node v20 (not a conformance script): python bench/node_costs.py --snippets counts the orders.
console.log('sync 1');
setImmediate(() => {
  console.log('set immediate 2');
});
setTimeout(() => {
  console.log('timeout 3');
});
process.nextTick(() => {
  console.log('nexttick 4');
});
Promise.resolve().then(() => console.log('promise 5'));
