// §3.7: fork() starts a new process with its own loop; messages cross the IPC pipe as JSON copies
// and arrive in the other side's poll phase. The child stays alive while it listens for messages.
const { fork } = require('child_process');
const child = fork(__dirname + '/children/echo_child.js', ['hello']);
child.on('message', (m) => {
  console.log('parent got', m);
  if (m.n < 3) child.send({ n: m.n + 1 });
  else child.send('bye');
});
child.on('exit', (code, signal) => console.log('child exit', code, signal));
child.on('close', (code) => console.log('child close', code));
child.send({ n: 0 });
setImmediate(() => console.log('parent immediate'));
console.log('parent main done');
