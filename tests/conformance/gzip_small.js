// zlib.gzip runs on the pool; a small input compresses to the same bytes as Node's zlib.
const zlib = require('zlib');
zlib.gzip('hello hello hello hello', (err, buf) => {
  console.log(err, buf.length, buf.toString('hex').slice(0, 20));
});
setImmediate(() => console.log('immediate first: gzip needs a pool round trip'));
