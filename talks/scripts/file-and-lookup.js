const fs = require('fs');
const dns = require('dns');
fs.readFile(__filename, 'utf8', (err, text) => {
  console.log('readFile:', text.length, 'characters');
});
dns.lookup('example.com', (err, address) => {
  console.log('lookup:', address);
});
console.log('both asked for; the main module ends');
