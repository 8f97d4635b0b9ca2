// ptview-expected: rules
// Expected output from libuv's rules (sim), not from node: UV_THREADPOOL_SIZE set before the first
// pool request gives a pool of 2, so four pbkdf2 jobs take two rounds.
process.env.UV_THREADPOOL_SIZE = '2';
const crypto = require('crypto');
const start = Date.now();
const T = 150000 * 0.00066;
for (let i = 0; i < 4; i++) {
  crypto.pbkdf2('pw', 'salt', 150000, 32, 'sha512', () => {
    console.log(`job ${i}: round ${Math.round((Date.now() - start) / T)}`);
  });
}
