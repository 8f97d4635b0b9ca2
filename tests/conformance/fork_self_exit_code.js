// §3.7: a module forking itself; the child's exit code reaches the parent's 'exit' and 'close'.
const { fork } = require('child_process');
if (process.argv[2] === 'child') {
  console.log('child: pid-less hello, send is', typeof process.send);
  process.send({ from: 'child', sum: [1, 2, 3].reduce((a, b) => a + b) });
  setTimeout(() => { console.log('child: exiting with 3'); process.exit(3); }, 20);
} else {
  console.log('parent: send is', typeof process.send);
  const child = fork(__filename, ['child']);
  child.on('message', (m) => console.log('parent: got', m));
  child.on('exit', (code, signal) => {
    console.log('parent: child exit', code, signal);
    setImmediate(() => console.log('parent: immediate after exit'));
  });
  child.on('close', (code) => console.log('parent: child close', code));
}
