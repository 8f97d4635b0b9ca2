// §3.6 and §3.1: connecting to a host name looks it up first (dns.lookup, on the pool); the
// refused socket then closes in the close phase, after that iteration's immediates.
const net = require('net');
const sock = net.connect({ port: 1, host: 'localhost' });
let immediates = 0;
function spin() {
  immediates += 1;
  if (immediates < 100000 && !closed) setImmediate(spin);
}
let closed = false;
setImmediate(spin);
sock.on('error', (e) => {
  console.log('error', e.code);
  setImmediate(() => console.log('immediate queued in error, before close'));
});
sock.on('close', () => {
  closed = true;
  console.log('close; immediates kept running meanwhile:', immediates > 0);
  setImmediate(() => console.log('immediate queued in close'));
});
