// ptview-expected: rules
// Expected output from libuv's rules (sim), not from node: five pbkdf2 jobs on a pool of 4 — the
// fifth waits for a free worker and finishes one "round" later. On a 2-vCPU machine real node
// shares 2 cores between the 4 workers, so its timings differ.
const crypto = require('crypto');
const start = Date.now();
const T = 150000 * 0.00066; // ms per job: iterations × the model's sha512 cost per iteration
for (let i = 0; i < 5; i++) {
  crypto.pbkdf2('secret', 'salt', 150000, 64, 'sha512', (err, key) => {
    console.log(`job ${i}: round ${Math.round((Date.now() - start) / T)}, key ${key.length} bytes`);
  });
}
