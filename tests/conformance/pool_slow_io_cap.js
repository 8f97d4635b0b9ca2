// ptview-expected: rules
// Expected output from libuv's rules (sim), not from node (which would need a DNS server): with a
// pool of 4, dns.lookup (slow I/O) may hold at most (4+1)/2 = 2 workers, so four lookups take two
// rounds of 25 ms while pbkdf2 still gets the other two workers in round 1.
const dns = require('dns');
const crypto = require('crypto');
const start = Date.now();
const round = (ms) => Math.round((Date.now() - start) / ms);
for (const host of ['a.example', 'b.example', 'c.example', 'd.example']) {
  dns.lookup(host, (err, address) => console.log(`lookup ${host}: round ${round(25)}`));
}
for (let i = 0; i < 2; i++) {
  crypto.pbkdf2('pw', 'salt', 10000, 16, 'sha512', () => console.log(`pbkdf2 ${i}: done before any lookup: ${round(25) === 0}`));
}
