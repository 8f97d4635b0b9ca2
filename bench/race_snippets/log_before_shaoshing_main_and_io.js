// From a GitHub gist "Nodejs event loop: setTimeout v.s. setImmediate v.s. process.nextTick" (gist.github.com/shaoshing/bc88b16e53d2688e59594b8011607652), a log added first.
// Its first console.log runs BEFORE setTimeout is called, so the main-module setTimeout(0)/setImmediate pair still
// races on node v20 (not a conformance script): python bench/node_costs.py --snippets counts the orders.
const fs = require('fs');
console.log('main start');
setTimeout(() => {
  console.info('setTimeout in main');
}, 0);
setImmediate(() => {
  console.info('setImmediate in main');
});
fs.readFile(__filename, () => {
  console.info('readFile');
  setTimeout(() => {
    console.info('setTimeout in I/O');
  }, 0);
  setImmediate(() => {
    console.info('setImmediate in I/O');
  });
  process.nextTick(() => {
    console.info('nextTick');
  });
});
