// ptview-expected: rules
// Expected output from libuv's rules (sim), not from node (dns.resolve needs a DNS server):
// with the pool saturated by four pbkdf2 jobs, dns.lookup waits for a worker, but dns.resolve
// (c-ares, a UDP socket polled by the loop) answers without the pool (SEMANTICS §3.1, §5.5).
const dns = require('dns');
const crypto = require('crypto');
const order = [];
for (let i = 0; i < 4; i++) crypto.pbkdf2('pw', 'salt', 200000, 16, 'sha512', () => order.push('pbkdf2'));
dns.lookup('example.com', () => order.push('lookup'));
dns.resolve('example.com', (err, addrs) => order.push('resolve ' + addrs.length + ' address'));
process.on('exit', () => console.log(order.join(', ')));
