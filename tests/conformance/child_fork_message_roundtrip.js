// From doc/api/child_process.md "child_process.fork()" (parent.js / sub.js), using this repo's children/echo_child.js:
// the parent sends { n }, the child answers { n: n + 1 }, then 'bye'; 'exit' code 0.
const { fork } = require('node:child_process');
const n = fork(__dirname + '/children/echo_child.js', ['first-arg']);
n.on('message', (m) => {
  console.log('PARENT got message:', m);
  if (m.n < 3) n.send({ n: m.n });
  else n.send('bye');
});
n.on('exit', (code, signal) => console.log('child exit', code, signal));
n.send({ n: 0 });
