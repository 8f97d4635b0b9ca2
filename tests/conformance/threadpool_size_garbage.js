// ptview-expected: rules
// Expected output from libuv's rules (sim): UV_THREADPOOL_SIZE='abc' parses (atoi) to 0, which
// libuv raises to 1, so two pbkdf2 jobs run one after the other.
process.env.UV_THREADPOOL_SIZE = 'abc';
const crypto = require('crypto');
const start = Date.now();
const T = 100000 * 0.00066;
for (let i = 0; i < 2; i++) {
  crypto.pbkdf2('pw', 'salt', 100000, 16, 'sha512', () => console.log(`job ${i}: round ${Math.round((Date.now() - start) / T)}`));
}
