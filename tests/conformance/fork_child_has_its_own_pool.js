// ptview-expected: rules
// Expected output from libuv's rules (sim), not from node: a forked child has its own threadpool
// (SEMANTICS §3.7, §5.8), so four pbkdf2 jobs in the parent and four in the child all run in the
// first round instead of queueing behind one pool of 4. (On a 2-core machine real node shares
// the cores, so its timings differ.)
const crypto = require('crypto');
const { fork } = require('child_process');
const T = 150000 * 0.00066;
const start = Date.now();
const round = () => Math.round((Date.now() - start) / T);
if (process.argv[2] === 'child') {
  let done = 0;
  for (let i = 0; i < 4; i++) {
    crypto.pbkdf2('pw', 'salt', 150000, 16, 'sha512', () => {
      done += 1;
      if (done === 4) process.send({ rounds: round() });
    });
  }
} else {
  const child = fork(__filename, ['child']);
  child.on('message', (m) => console.log('child: 4 jobs in', m.rounds, 'round(s) of its own pool'));
  let done = 0;
  for (let i = 0; i < 4; i++) {
    crypto.pbkdf2('pw', 'salt', 150000, 16, 'sha512', () => {
      done += 1;
      if (done === 4) console.log('parent: 4 jobs in', round(), 'round(s)');
    });
  }
}
