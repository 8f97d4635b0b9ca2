// dns.lookup of an IP literal answers on nextTick without the pool; localhost goes through it.
const dns = require('dns');
dns.lookup('localhost', (err, address, family) => console.log('localhost', err, address, family));
dns.lookup('127.0.0.1', (err, address, family) => console.log('literal', err, address, family));
Promise.resolve().then(() => console.log('promise'));
process.nextTick(() => console.log('tick'));
