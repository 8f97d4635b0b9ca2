// From doc/api/stream.md "stream.Readable.from()" and "stream.pipeline" with async generators (promises API): no files.
const { Readable, Transform, Writable } = require('node:stream');
const { pipeline } = require('node:stream/promises');

async function* generate() {
  yield 'hello';
  yield 'streams';
}
const readable = Readable.from(generate());
readable.on('data', (chunk) => {
  console.log(chunk);
});
readable.on('end', () => console.log('end'));

const upper = new Transform({
  transform(chunk, enc, cb) { cb(null, chunk.toString().toUpperCase()); },
});
const seen = [];
const sink = new Writable({
  write(chunk, enc, cb) { seen.push(chunk.toString()); cb(); },
});
pipeline(Readable.from(['a', 'b', 'c']), upper, sink).then(() => console.log('pipeline done', seen));
