// An async/await pipeline over fs, crypto.pbkdf2 (a real key) and immediates.
const fs = require('fs');
const crypto = require('crypto');
function readP(p) { return new Promise((res, rej) => fs.readFile(p, (e, d) => (e ? rej(e) : res(d)))); }
async function main() {
  const [a, b] = await Promise.all([readP(__filename), readP(__filename)]);
  console.log('both read', a.length === b.length);
  try { await readP('/nope/nope'); } catch (e) { console.log('caught', e.code); }
  const key = await new Promise((res) => crypto.pbkdf2('pw', 'salt', 1000, 8, 'sha256', (e, k) => res(k)));
  console.log('key', key.toString('hex'), key.length);
  setImmediate(() => console.log('immediate after key'));
  await null;
  console.log('after await null');
}
main().then(() => console.log('main resolved'));
process.nextTick(() => console.log('tick before everything async'));
