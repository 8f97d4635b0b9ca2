// ptview-expected: rules
// Expected output from libuv's rules (sim): readFile called before four pbkdf2 jobs (pool of 4)
// still finishes after the first pbkdf2, because only its open() ran first: fstat, read and close
// re-queue at the tail behind the pbkdf2 jobs (SEMANTICS §3.3, Node 20-24).
const fs = require('fs');
const crypto = require('crypto');
const order = [];
fs.readFile(__filename, () => order.push('readFile'));
for (let i = 0; i < 4; i++) crypto.pbkdf2('pw', 'salt', 100000, 16, 'sha512', () => order.push('pbkdf2'));
process.on('exit', () => console.log(order.indexOf('readFile') > 0 ? 'readFile after a pbkdf2' : 'readFile first', order.length));
