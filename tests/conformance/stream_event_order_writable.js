// Modelled on doc/api/stream.md "Event: 'finish'" / "'drain'": a Writable with a small highWaterMark, write()'s
// return value, and the order of 'drain', 'finish' and 'close'.
const { Writable } = require('node:stream');
const w = new Writable({
  highWaterMark: 4,
  write(chunk, enc, cb) {
    setImmediate(cb);
  },
});
console.log(w.write('ab'), w.write('cdef'), w.writableLength);
w.on('drain', () => {
  console.log('drain');
  w.end('last', () => console.log('end callback'));
});
w.on('finish', () => console.log('finish'));
w.on('close', () => console.log('close'));
