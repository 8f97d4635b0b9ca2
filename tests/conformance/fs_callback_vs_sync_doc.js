// From doc/api/fs.md "Callback example" and "Synchronous example": readFileSync blocks, the callback comes later.
const fs = require('node:fs');
fs.readFile(__filename, (err, data) => {
  if (err) throw err;
  console.log('callback: bytes', data.length, Buffer.isBuffer(data));
});
const text = fs.readFileSync(__filename, 'utf8');
console.log('sync: first chars', JSON.stringify(text.slice(0, 12)));
try {
  fs.readFileSync('/does/not/exist');
} catch (err) {
  console.log('sync error', err.code, err.syscall, err.errno);
}
console.log('existsSync', fs.existsSync(__filename), fs.existsSync('/does/not/exist'));
