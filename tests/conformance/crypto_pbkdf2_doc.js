// From doc/api/crypto.md "crypto.pbkdf2()" / "pbkdf2Sync()": the derived key of a fixed password and salt (the doc's
// 100000 iterations reduced to 1000), async and sync agree.
const { pbkdf2, pbkdf2Sync } = require('node:crypto');

pbkdf2('secret', 'salt', 1000, 64, 'sha512', (err, derivedKey) => {
  if (err) throw err;
  console.log(derivedKey.toString('hex'));
  console.log('same as sync:', derivedKey.equals(pbkdf2Sync('secret', 'salt', 1000, 64, 'sha512')));
});
console.log('pbkdf2 queued');
