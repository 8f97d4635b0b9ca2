// From doc/api/crypto.md "crypto.scrypt()", "crypto.createHash()" and "crypto.createHmac()": fixed inputs, printed hex.
const { scrypt, scryptSync, createHash, createHmac } = require('node:crypto');

// Using the factory defaults.
scrypt('password', 'salt', 64, (err, derivedKey) => {
  if (err) throw err;
  console.log(derivedKey.toString('hex'));  // '3745e48...08d59ae'
  // Using a custom N parameter. Must be a power of two. (Chained: two pool jobs would finish in either order.)
  scrypt('password', 'salt', 16, { N: 1024 }, (err, derivedKey) => {
    if (err) throw err;
    console.log(derivedKey.toString('hex'), scryptSync('password', 'salt', 16, { N: 1024 }).equals(derivedKey));
  });
});
const hash = createHash('sha256');
hash.update('some data to hash');
console.log(hash.digest('hex'));
console.log(createHash('md5').update('hello').digest('base64'));
const secret = 'abcdefg';
console.log(createHmac('sha256', secret).update('I love cupcakes').digest('hex'));
