// From doc/api/dns.md "dnsPromises.lookup()" and "Error codes": literals resolve without a query; a bad family or
// hostname type throws synchronously with ERR_INVALID_ARG_*.
const dnsPromises = require('node:dns').promises;
const options = { family: 6 };
dnsPromises.lookup('::1', options).then((result) => {
  console.log('address: %j family: IPv%s', result.address, result.family);
});
dnsPromises.lookup('10.0.0.1', { all: true, verbatim: true }).then((r) => console.log(r));
try {
  dnsPromises.lookup('localhost', { family: 5 });
} catch (e) {
  console.log(e.code);
}
try {
  require('dns').lookup(42, () => {});
} catch (e) {
  console.log(e.code, e.name);
}
console.log(require('dns').getDefaultResultOrder?.());
