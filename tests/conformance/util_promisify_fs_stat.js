// From doc/api/util.md "util.promisify(original)": promisified fs.stat, with then/catch and with async/await.
const util = require('node:util');
const fs = require('node:fs');

const stat = util.promisify(fs.stat);
stat('.').then((stats) => {
  // Do something with `stats`
  console.log('isDirectory', stats.isDirectory());
  return callStat(); // chained: two stats on the pool would finish in either order
}).catch((error) => {
  // Handle the error.
  console.log(error);
});

async function callStat() {
  const stats = await stat(__filename);
  console.log(`This file is a file: ${stats.isFile()}`);
  try {
    await stat('/does/not/exist');
  } catch (e) {
    console.log(e.code, e.errno, e.syscall);
  }
}
