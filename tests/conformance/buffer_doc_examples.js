// From doc/api/buffer.md: Buffer.from/alloc, encodings (hex, base64, base64url, latin1), slices share memory,
// compare/equals/concat, read/write integers, toJSON and how console.log shows a Buffer.
const buf1 = Buffer.alloc(10);
const buf2 = Buffer.alloc(10, 1);
const buf3 = Buffer.from([1, 2, 3]);
const buf4 = Buffer.from('tést');
const buf5 = Buffer.from('tést', 'latin1');
console.log(buf1, buf2, buf3, buf4, buf5);
const buf = Buffer.from('hello world', 'utf8');
console.log(buf.toString('hex'));
console.log(buf.toString('base64'), Buffer.from('aGVsbG8gd29ybGQ=', 'base64').toString());
console.log(Buffer.from([0xfb, 0xff]).toString('base64url'));
const sl = buf.subarray(0, 5);
sl[0] = 72;
console.log(buf.toString(), sl.toString(), sl.length);
console.log(Buffer.compare(Buffer.from('a'), Buffer.from('b')), Buffer.from('x').equals(Buffer.from('x')));
console.log(Buffer.concat([Buffer.from('ab'), Buffer.from('cd')], 3).toString());
const b = Buffer.alloc(8);
b.writeUInt32BE(0xdeadbeef, 0);
b.writeInt16LE(-2, 4);
console.log(b, b.readUInt32BE(0).toString(16), b.readInt16LE(4), b.readUInt8(6));
console.log(JSON.stringify(Buffer.from([1, 2])), Buffer.byteLength('½ + ¼ = ¾'), '½ + ¼ = ¾'.length);
console.log(Buffer.from('€').length, [...Buffer.from('€')], Buffer.isEncoding('utf8'), Buffer.isEncoding('nope'));
console.log(Buffer.from('buffer').indexOf('f'), Buffer.from('buffer').includes('ff'), Buffer.from('abc').reverse().toString());
