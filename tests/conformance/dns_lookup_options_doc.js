// From doc/api/dns.md "dns.lookup(hostname[, options], callback)": family and all options, on IP literals and localhost
// (no network; /etc/hosts). Literals answer without the pool; the localhost lookups are chained.
const dns = require('node:dns');
const options = {
  family: 4,
  hints: dns.ADDRCONFIG | dns.V4MAPPED,
};
dns.lookup('127.0.0.1', options, (err, address, family) => {
  console.log('address: %j family: IPv%s', address, family);
});
dns.lookup('::1', (err, address, family) => console.log('v6 literal', address, family));
dns.lookup('127.0.0.1', { all: true }, (err, addresses) => console.log('addresses: %j', addresses));
dns.lookup('localhost', { family: 4 }, (err, address, family) => {
  console.log('localhost v4', address, family);
  // chained: two getaddrinfo jobs on the pool would complete in either order
  dns.lookup('localhost', { all: true, family: 4 }, (err, addresses) => console.log('localhost all v4', addresses));
});
