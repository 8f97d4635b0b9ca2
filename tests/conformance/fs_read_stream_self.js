// From doc/api/fs.md "fs.createReadStream()" and the stream docs: the 'open', 'ready', 'data', 'end', 'close' order
// when reading the script itself.
const fs = require('node:fs');
const rs = fs.createReadStream(__filename, { encoding: 'utf8' });
let chunks = 0;
rs.on('open', () => console.log('open'));
rs.on('ready', () => console.log('ready'));
rs.on('data', (chunk) => { chunks++; });
rs.on('end', () => console.log('end after', chunks, 'chunk(s)'));
rs.on('close', () => {
  console.log('close');
  // started only now: two streams' pool jobs would complete in either order
  fs.createReadStream('/no/such/file').on('error', (e) => console.log('error', e.code));
});
