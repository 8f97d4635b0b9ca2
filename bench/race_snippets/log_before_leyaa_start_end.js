// From an online quiz (https://leyaa.ai/codefly/learn/nodejs/part-2/nodejs-why-timing-matters-in-nodejs/puzzle/13).
// Its first console.log runs BEFORE setTimeout is called, so the main-module setTimeout(0)/setImmediate pair still
// races on node v20 (not a conformance script): python bench/node_costs.py --snippets counts the orders.
console.log('start');
setTimeout(() => console.log('timeout'), 0);
setImmediate(() => console.log('immediate'));
process.nextTick(() => console.log('nextTick'));
console.log('end');
