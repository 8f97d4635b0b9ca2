"""buffer: results (JSON, or util.inspect strings) that must match node v20's."""

EXPRS = [
    # inspect
    "util.inspect(Buffer.from('hi'))", "util.inspect(Buffer.alloc(0))", "util.inspect(Buffer.alloc(60, 1))", "util.inspect(Buffer.alloc(51))",
    "util.inspect({ buf: Buffer.from('abc') })", "util.inspect(Object.assign(Buffer.from('ab'), { extra: 1 }))",
    "util.inspect([Buffer.from([1, 2, 3]), Buffer.from([255])])", "util.inspect(Buffer.from('x'.repeat(200)))",
    # from
    "[...Buffer.from('héllo wörld €😀')]", "[...Buffer.from([1, 256, -1, 3.7, '5'])]", "[...Buffer.from('68656c6c6f', 'hex')]",
    "[...Buffer.from('6865zz6c', 'hex')]", "[...Buffer.from('abc', 'hex')]", "[...Buffer.from('aGVsbG8=', 'base64')]", "[...Buffer.from('aGVsbG8', 'base64')]",
    "[...Buffer.from('a G V s\\nbG8', 'base64')]", "[...Buffer.from('-_-_', 'base64url')]", "[...Buffer.from('-_-_', 'base64')]", "[...Buffer.from('ÿé', 'latin1')]",
    "[...Buffer.from('ÿé', 'binary')]", "[...Buffer.from('aé€', 'ascii')]", "[...Buffer.from('hi€', 'utf16le')]", "[...Buffer.from('hi', 'UCS-2')]",
    "[...Buffer.from('hi', 'UTF8')]", "[...Buffer.from(new Uint16Array([1, 258]))]", "[...Buffer.from({ type: 'Buffer', data: [1, 2] })]",
    "[...Buffer.from({ length: 3, 0: 7 })]", "[...Buffer.from(new String('str'))]", "[...Buffer.from('')]",
    "(() => { const ab = new ArrayBuffer(8); const b = Buffer.from(ab, 2, 4); b[0] = 9; return [b.length, new Uint8Array(ab)[2], b.byteOffset]; })()",
    "(() => { try { Buffer.from(5); } catch (e) { return [e.name, e.code, e.message]; } })()",
    "(() => { try { Buffer.from(null); } catch (e) { return [e.name, e.code, e.message]; } })()",
    "(() => { try { Buffer.from('x', 'nope'); } catch (e) { return [e.name, e.code, e.message]; } })()",
    "(() => { try { Buffer.from(new ArrayBuffer(4), 5); } catch (e) { return [e.name, e.code, e.message]; } })()",
    # alloc
    "[...Buffer.alloc(5, 'ab')]", "[...Buffer.alloc(4, 0x101)]", "[...Buffer.alloc(3)]", "[...Buffer.alloc(6, 'aGk=', 'base64')]", "[...Buffer.alloc(4, '€')]",
    "(() => { try { Buffer.alloc(-1); } catch (e) { return [e.name, e.code, e.message]; } })()",
    "(() => { try { Buffer.alloc('5'); } catch (e) { return [e.name, e.code, e.message]; } })()",
    "Buffer.allocUnsafe(3).length",
    # toString
    "Buffer.from('héllo €😀').toString()", "Buffer.from('hello').toString('hex')", "Buffer.from('hello!?').toString('base64')",
    "Buffer.from([0xfb, 0xff, 0xbf]).toString('base64url')", "Buffer.from([0xfb, 0xff]).toString('base64')", "Buffer.from([0xe9, 0x80, 0xff]).toString('latin1')",
    "Buffer.from([0xe9, 0x41, 0xff]).toString('ascii')", "Buffer.from([0x68, 0, 0x69, 0]).toString('utf16le')", "Buffer.from([0x68, 0, 0x69]).toString('ucs2')",
    "Buffer.from([0xff, 0xfe, 0x41, 0xc3, 0x28, 0xe2, 0x82, 0x41, 0xf0, 0x9f, 0x98]).toString()", "Buffer.from([0xed, 0xa0, 0x80, 0x41]).toString()",
    "Buffer.from('hello world').toString('utf8', 6)", "Buffer.from('hello world').toString('utf8', 2, 5)", "Buffer.from('hello').toString('utf8', -3, 100)",
    "Buffer.from('hello').toString(undefined, 1, 3)", "Buffer.from('hello').toString('utf8', 4, 2)",
    "(() => { try { Buffer.from('x').toString('bogus'); } catch (e) { return [e.name, e.code, e.message]; } })()",
    "Buffer.from('abc').toJSON()", "JSON.stringify({ b: Buffer.from([1, 2]) })", "String(Buffer.from('str'))",
    # byteLength, concat, compare, isBuffer, isEncoding
    "[Buffer.byteLength('héllo'), Buffer.byteLength('😀'), Buffer.byteLength('abcd', 'hex'), Buffer.byteLength('aGVsbG8=', 'base64'), Buffer.byteLength('aGk', 'base64'), Buffer.byteLength('ab', 'utf16le'), Buffer.byteLength('é', 'latin1'), Buffer.byteLength(new Uint16Array(3)), Buffer.byteLength(new ArrayBuffer(7))]",
    "(() => { try { Buffer.byteLength(5); } catch (e) { return [e.name, e.code, e.message]; } })()",
    "[...Buffer.concat([Buffer.from('ab'), Buffer.from('cd'), new Uint8Array([101])])]", "[...Buffer.concat([Buffer.from('abc')], 5)]", "[...Buffer.concat([Buffer.from('abc')], 2)]",
    "Buffer.concat([]).length", "(() => { try { Buffer.concat([Buffer.from('a'), 'b']); } catch (e) { return [e.name, e.code, e.message]; } })()",
    "(() => { try { Buffer.concat('x'); } catch (e) { return [e.name, e.code, e.message]; } })()",
    "[Buffer.compare(Buffer.from('a'), Buffer.from('b')), Buffer.compare(Buffer.from('b'), Buffer.from('a')), Buffer.compare(Buffer.from('ab'), Buffer.from('a')), Buffer.compare(Buffer.from('a'), Buffer.from('a'))]",
    "[Buffer.from('abc').compare(Buffer.from('abd')), Buffer.from('abc').compare(Buffer.from('xbc'), 1), Buffer.from('abcdef').compare(Buffer.from('cd'), 0, 2, 2, 4)]",
    "[Buffer.isBuffer(Buffer.alloc(1)), Buffer.isBuffer(new Uint8Array(1)), Buffer.isBuffer('x'), Buffer.isBuffer(null)]",
    "[Buffer.isEncoding('utf8'), Buffer.isEncoding('UTF-8'), Buffer.isEncoding('hex'), Buffer.isEncoding('binary'), Buffer.isEncoding('nope'), Buffer.isEncoding(''), Buffer.isEncoding(1)]",
    "[Buffer.from('a').equals(Buffer.from('a')), Buffer.from('a').equals(Buffer.from('b')), Buffer.from('a').equals(new Uint8Array([97]))]",
    "(() => { try { Buffer.from('a').equals('a'); } catch (e) { return [e.name, e.code, e.message]; } })()",
    # slice / subarray share memory
    "(() => { const b = Buffer.from('hello'); const s = b.slice(1, 3); s[0] = 69; return [b.toString(), s.toString(), s.length, Buffer.isBuffer(s)]; })()",
    "(() => { const b = Buffer.from('hello'); const s = b.subarray(-3); s[0] = 76; return [b.toString(), s.toString()]; })()",
    "[Buffer.from('hello').slice(-2).toString(), Buffer.from('hello').slice(3, 1).length, Buffer.from('hello').slice(1.5, 3.9).toString()]",
    "(() => { const b = Buffer.from('abc'); const m = b.map((x) => x + 1); return [Buffer.isBuffer(m), m.toString()]; })()",
    # write
    "(() => { const b = Buffer.alloc(8); const n = b.write('héllo'); return [n, [...b]]; })()",
    "(() => { const b = Buffer.alloc(4); const n = b.write('€€', 1); return [n, [...b]]; })()",
    "(() => { const b = Buffer.alloc(6); const n = b.write('6869', 2, 'hex'); return [n, [...b]]; })()",
    "(() => { const b = Buffer.alloc(6); const n = b.write('abcdef', 1, 2); return [n, [...b]]; })()",
    "(() => { const b = Buffer.alloc(6); const n = b.write('abcdef', 'latin1'); return [n, [...b]]; })()",
    "(() => { const b = Buffer.alloc(4); try { b.write('a', 5); } catch (e) { return [e.name, e.code, e.message]; } })()",
    # indexOf
    "(() => { const b = Buffer.from('this is a buffer'); return [b.indexOf('is'), b.indexOf('is', 3), b.indexOf(Buffer.from('a buf')), b.indexOf(97), b.indexOf('zz'), b.indexOf('is', -4), b.lastIndexOf('is'), b.lastIndexOf('is', 4), b.includes('buffer'), b.includes('x'), b.indexOf(''), b.indexOf('', 3), b.indexOf(115 + 256)]; })()",
    "Buffer.from('abcabc').indexOf('6263', 0, 'hex')",
    # numbers
    "(() => { const b = Buffer.from([1, 2, 3, 4, 5, 6, 7, 8]); return [b.readUInt8(0), b.readUInt16LE(0), b.readUInt16BE(0), b.readUInt32LE(0), b.readUInt32BE(4), b.readInt8(0), b.readIntLE(0, 3), b.readUIntBE(1, 6), b.readUint16LE(1)]; })()",
    "(() => { const b = Buffer.from([0xff, 0xfe, 0x80, 0x00]); return [b.readInt8(0), b.readInt16LE(0), b.readInt16BE(0), b.readInt32LE(0), b.readInt32BE(0), b.readIntBE(0, 3), b.readUInt32LE(0)]; })()",
    "(() => { const b = Buffer.alloc(10); b.writeUInt8(255, 0); b.writeUInt16LE(0x1234, 1); b.writeUInt16BE(0x1234, 3); b.writeUInt32LE(0xdeadbeef, 5); return [[...b], b.writeUInt8(1, 9)]; })()",
    "(() => { const b = Buffer.alloc(8); b.writeInt8(-2, 0); b.writeInt16BE(-300, 1); b.writeInt32LE(-5, 3); return [...b]; })()",
    "(() => { const b = Buffer.alloc(6); b.writeUIntBE(0x123456789a, 0, 5); return [...b]; })()",
    "(() => { const b = Buffer.alloc(6); b.writeIntLE(-123456789, 0, 6); return [[...b], b.readIntLE(0, 6)]; })()",
    "(() => { const b = Buffer.alloc(16); b.writeDoubleLE(3.14159, 0); b.writeFloatBE(1.5, 8); return [[...b], b.readDoubleLE(0), b.readFloatBE(8)]; })()",
    "(() => { const b = Buffer.alloc(8); b.writeBigUInt64LE(2n ** 63n + 5n); return [String(b.readBigUInt64LE()), String(b.readBigInt64LE()), String(b.readBigUInt64BE())]; })()",
    "(() => { try { Buffer.alloc(2).readUInt16LE(1); } catch (e) { return [e.name, e.code, e.message]; } })()",
    "(() => { try { Buffer.alloc(2).readUInt8(2); } catch (e) { return [e.name, e.code, e.message]; } })()",
    "(() => { try { Buffer.alloc(2).readUInt8(0.5); } catch (e) { return [e.name, e.code, e.message]; } })()",
    "(() => { try { Buffer.alloc(2).readUInt8('0'); } catch (e) { return [e.name, e.code, e.message]; } })()",
    "(() => { try { Buffer.alloc(1).readUInt32LE(0); } catch (e) { return [e.name, e.code, e.message]; } })()",
    "(() => { try { Buffer.alloc(2).writeUInt8(256, 0); } catch (e) { return [e.name, e.code, e.message]; } })()",
    "(() => { try { Buffer.alloc(4).writeUInt32LE(-1, 0); } catch (e) { return [e.name, e.code, e.message]; } })()",
    "(() => { try { Buffer.alloc(4).writeInt32BE(2 ** 31, 0); } catch (e) { return [e.name, e.code, e.message]; } })()",
    "(() => { try { Buffer.alloc(2).writeInt16LE(40000, 0); } catch (e) { return [e.name, e.code, e.message]; } })()",
    "(() => { try { Buffer.alloc(4).writeUInt16LE(1, 3); } catch (e) { return [e.name, e.code, e.message]; } })()",
    "(() => { try { Buffer.alloc(8).writeBigInt64LE(2n ** 64n); } catch (e) { return [e.name, e.code, e.message]; } })()",
    "(() => { try { Buffer.alloc(8).readUIntLE(0, 7); } catch (e) { return [e.name, e.code, e.message]; } })()",
    # fill, copy, swap
    "[...Buffer.alloc(6).fill('abc', 1)]", "[...Buffer.alloc(5).fill(0x41, 1, 3)]", "[...Buffer.alloc(4).fill('')]", "[...Buffer.alloc(4).fill(Buffer.from([1, 2, 3]))]",
    "(() => { const a = Buffer.from('abcdef'); const b = Buffer.alloc(4); const n = a.copy(b, 1, 2, 10); return [n, [...b]]; })()",
    "(() => { const a = Buffer.from('abcdef'); a.copy(a, 0, 2); return a.toString(); })()",
    "[...Buffer.from([1, 2, 3, 4]).swap16()]", "[...Buffer.from([1, 2, 3, 4]).swap32()]", "[...Buffer.from([1, 2, 3, 4, 5, 6, 7, 8]).swap64()]",
    "(() => { try { Buffer.from([1, 2, 3]).swap16(); } catch (e) { return [e.name, e.code, e.message]; } })()",
    # class shape
    "[typeof Buffer, Buffer.name, Buffer.from('a') instanceof Uint8Array, Buffer.from('a') instanceof Buffer, Buffer.from('a').constructor === Buffer, Object.getPrototypeOf(Buffer) === Uint8Array, Buffer.poolSize]",
    "(() => { const b = require('buffer'); return [b.Buffer === Buffer, b.INSPECT_MAX_BYTES, b.kMaxLength, typeof b.constants.MAX_STRING_LENGTH, b.atob('aGk='), b.btoa('hi'), b.isUtf8(Buffer.from([0xc3, 0x28])), b.isUtf8(Buffer.from('é'))]; })()",
    "(() => { class MyBuf extends Buffer {} return typeof MyBuf; })()",
    "[...new Buffer(3)]", "[...Buffer(\"ab\")]", "[...Buffer.of(1, 2, 300)]",
    "util.inspect(Buffer.from('ab').subarray(1))",
    "(() => { const { Blob } = require('buffer'); const b = new Blob(['ab', new Uint8Array([99]), new Blob(['d'])], { type: 'Text/Plain' }); return [util.inspect(b), b.size, b.type, util.inspect(b.slice(1, 3)), b.slice(-2).size, b.slice(3, 1).size, Object.prototype.toString.call(b)]; })()",
    "(() => { const { Blob } = require('buffer'); try { new Blob('str'); } catch (e) { return [e.name, e.code, e.message]; } })()",
    "(() => { const { Blob } = require('buffer'); return [util.inspect(new Blob()), new Blob([], { type: 'é' }).type, util.inspect({ b: new Blob(['x']) })]; })()",
    "(() => { const { File, Blob } = require('buffer'); const f = new File(['x'], 'a.txt', { type: 'text/plain', lastModified: 5 }); return [util.inspect(f), f.name, f.lastModified, f instanceof Blob, f.size]; })()",
    "(() => { const { File } = require('buffer'); try { new File(['x']); } catch (e) { return [e.name, e.code, e.message]; } })()",
]
ASYNC = [
    "const { Blob } = require('buffer'); const b = new Blob(['ab', new Uint8Array([99]), new Blob(['dé'])]); return [await b.text(), util.inspect(await b.slice(1, 3).arrayBuffer())]",
]

PRE = "const util = require('util'); const { Buffer } = require('buffer');"


def cases():
    return ([{"kind": "json", "src": f"(() => {{ {PRE} return {e}; }})()"} for e in EXPRS] +
            [{"kind": "json", "src": f"(async () => {{ {PRE} {e}; }})()"} for e in ASYNC])
