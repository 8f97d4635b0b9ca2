// From doc/api/crypto.md "crypto.randomBytes()", "randomFill", "randomInt", "randomUUID": sizes, ranges and formats only,
// never the random values.
const crypto = require('node:crypto');
crypto.randomBytes(256, (err, buf) => {
  if (err) throw err;
  console.log(`${buf.length} bytes of random data: ${Buffer.isBuffer(buf)}`);
  // chained, so the pool callbacks come in a fixed order
  crypto.randomFill(a, (err, filled) => {
    console.log('filled', filled.length, filled === a);
    crypto.randomInt(3, (err, n) => console.log('randomInt in range', n >= 0 && n < 3));
  });
});
const sync = crypto.randomBytes(8);
console.log(sync.length, sync.toString('hex').length);
const a = new Uint32Array(10);
const uuid = crypto.randomUUID();
console.log(uuid.length, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(uuid));
