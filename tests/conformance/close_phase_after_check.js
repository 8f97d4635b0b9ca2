// §3.6: a socket's 'close' comes from its uv_close callback: the close phase, after the check
// phase's immediates and before the next timers. Its 'error' comes on process.nextTick.
// (Port 1 on loopback: nothing listens there, so the connect is refused at once.)
const net = require('net');
const sock = net.connect(1, '127.0.0.1');
sock.on('error', (e) => {
  console.log('error', e.code, e.syscall, e.message);
  setImmediate(() => console.log('immediate queued in error'));
  process.nextTick(() => console.log('tick queued in error'));
  setTimeout(() => console.log('timeout queued in error'), 0);
});
sock.on('close', (hadError) => {
  console.log('close, hadError =', hadError);
  process.nextTick(() => console.log('tick queued in close'));
});
setImmediate(() => console.log('immediate from main'));
console.log('main');
