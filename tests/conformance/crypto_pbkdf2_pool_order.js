// Modelled on the "Node's thread pool" demos (e.g. "Node.js Under The Hood" talks): two pbkdf2 calls and a sync hash; the
// callbacks come in the poll phase after main and its ticks (only lengths are printed: the two lines are alike).
const crypto = require('crypto');
let done = 0;
for (const id of [1, 2]) {
  crypto.pbkdf2('a', 'b', 2000, 32, 'sha256', (err, key) => {
    done++;
    console.log('pbkdf2 done', key.length, done <= 2);
    if (done === 2) console.log('both finished');
  });
}
process.nextTick(() => console.log('tick: before any pool callback'));
console.log('sha1', crypto.createHash('sha1').update('abc').digest('hex'));
