"""string_decoder, querystring, structuredClone, TextEncoder/TextDecoder:
results that must match node v20's."""

EXPRS = [
    # string_decoder
    "(() => { const d = new StringDecoder('utf8'); const b = Buffer.from('€😀é'); const out = []; for (const x of b) out.push(d.write(Buffer.from([x]))); out.push(d.end()); return out; })()",
    "(() => { const d = new StringDecoder(); return [d.write(Buffer.from([0xe2, 0x82])), d.end()]; })()",
    "(() => { const d = new StringDecoder('utf8'); return [d.write(Buffer.from([0xe2, 0x82])), d.write(Buffer.from([0x41])), d.end()]; })()",
    "(() => { const d = new StringDecoder('utf8'); return [d.write(Buffer.from([0xf0, 0x9f])), d.end(Buffer.from([0x98, 0x80]))]; })()",
    "(() => { const d = new StringDecoder('utf8'); return [d.write(Buffer.from([0x61, 0xff, 0x62])), d.write(Buffer.from([0xc3])), d.end()]; })()",
    "(() => { const d = new StringDecoder('utf16le'); return [d.write(Buffer.from([0x61])), d.write(Buffer.from([0x00, 0x3d, 0xd8])), d.write(Buffer.from([0x00, 0xde])), d.end(Buffer.from([0x62]))]; })()",
    "(() => { const d = new StringDecoder('base64'); return [d.write(Buffer.from('ab')), d.write(Buffer.from('cde')), d.end()]; })()",
    "(() => { const d = new StringDecoder('hex'); return [d.write(Buffer.from([1, 255])), d.end(Buffer.from([16]))]; })()",
    "(() => { const d = new StringDecoder('latin1'); return [d.write(Buffer.from([0xe9])), d.encoding]; })()",
    "[new StringDecoder('UTF-8').encoding, new StringDecoder('ucs2').encoding, new StringDecoder('binary').encoding, new StringDecoder().encoding]",
    "(() => { try { new StringDecoder('nope'); } catch (e) { return [e.name, e.code, e.message]; } })()",
    "(() => { try { new StringDecoder().write(5); } catch (e) { return [e.name, e.code, e.message]; } })()",
    "(() => { const d = new StringDecoder(); return [d.write('str'), d.write(new Uint8Array([104, 105]))]; })()",
    "(() => { const out = []; for (const e of ['utf8', 'ascii', 'base64', 'ucs2', 'latin1', 'hex', 'base64url']) out.push(util.inspect(new StringDecoder(e))); return out; })()",
    "(() => { const d = new StringDecoder(); const out = [d.write(Buffer.from([0xe2])), util.inspect(d), d.lastNeed, d.lastTotal, [...d.lastChar]]; out.push(d.write(Buffer.from([0x82])), util.inspect(d), d.write(Buffer.from([0xac, 0x41])), util.inspect(d), d.lastNeed, d.lastTotal); out.push(d.write(Buffer.from([0xf0, 0x9f])), d.end(), util.inspect(d)); return out; })()",
    "(() => { const d = new StringDecoder('utf16le'); const out = [d.write(Buffer.from([0x3d, 0xd8, 0x00])), util.inspect(d), d.lastNeed, d.lastTotal, d.end(), util.inspect(d)]; return out; })()",
    "(() => { const d = new StringDecoder('base64'); const out = [d.write(Buffer.from('abcd')), util.inspect(d), d.lastNeed, d.lastTotal, d.end(), util.inspect(d)]; return out; })()",
    # querystring
    "qs.parse('a=1&b=2&a=3&c&d=&=e')", "qs.parse('a=%20b+c&x=%E2%82%AC&bad=%zz&p=%')", "qs.parse('a:1;b:2', ';', ':')", "qs.parse('a=1&b=2&c=3', null, null, { maxKeys: 2 })",
    "qs.parse('')", "qs.parse('&&a=1&&')", "qs.parse('a[]=1&a[]=2')", "qs.parse('%61=%62')", "qs.parse('a==b')", "qs.parse('a=1&a=2&a=3')",
    "qs.stringify({ a: 1, b: [2, 3], c: 'x y', d: true, e: null, f: undefined, g: NaN, h: '€', i: [] })", "qs.stringify({ a: 'b' }, ';', ':')",
    "qs.stringify({ 'k y': \"v!'()*~\" })", "qs.stringify('str')", "qs.stringify({ n: 1e21, big: 5n })",
    "qs.stringify({ a: 'x y' }, null, null, { encodeURIComponent: (s) => s.toUpperCase() })",
    "[qs.escape('a b&c=d/é'), qs.unescape('a%20b%zz+c'), qs.unescape('%E2%82%AC')]",
    "Object.getPrototypeOf(qs.parse('a=1')) === null",
    # structuredClone
    "util.inspect(structuredClone({ a: [1, { b: new Date(0) }], m: new Map([[1, new Set(['x'])]]), r: /x/gi, n: null, u: undefined, big: 10n }))",
    "(() => { const o = { name: 'o' }; o.self = o; const c = structuredClone(o); return [c !== o, c.self === c]; })()",
    "(() => { class P { constructor() { this.x = 1; } get y() { return 2; } } const c = structuredClone(new P()); return [util.inspect(c), c instanceof P]; })()",
    "(() => { try { structuredClone({ f() {} }); } catch (e) { return [e.name, e.message, e.code, e instanceof Error]; } })()",
    "(() => { try { structuredClone(Symbol('s')); } catch (e) { return [e.name, e.message, e.code]; } })()",
    "(() => { try { structuredClone(Promise.resolve()); } catch (e) { return [e.name, e.message, e.code]; } })()",
    "(() => { try { structuredClone(new WeakSet()); } catch (e) { return [e.name, e.message, e.code]; } })()",
    "(() => { const e = new TypeError('t', { cause: 'c' }); e.code = 'X'; const c = structuredClone(e); return [c.constructor.name, c.message, c.code, c.cause, c.stack === e.stack, Object.keys(c)]; })()",
    "(() => { class MyErr extends Error {} const c = structuredClone(new MyErr('m')); return [c.constructor.name, c.message, c instanceof MyErr]; })()",
    "(() => { const u = new Uint8Array([1, 2, 3]); const c = structuredClone({ u, v: new Uint8Array(u.buffer, 1) }); c.u[1] = 9; return [util.inspect(c), c.u.buffer === c.v.buffer, u[1]]; })()",
    "util.inspect(structuredClone([1, , 3]))", "util.inspect(structuredClone(Object.assign([1], { k: 'v' })))",
    "util.inspect(structuredClone([new Number(1), new String('s'), new Boolean(true), Object(2n)]))",
    "(() => { const r = /a/g; r.lastIndex = 3; return structuredClone(r).lastIndex; })()",
    "(() => { try { structuredClone(); } catch (e) { return [e.name, e.message, e.code]; } })()",
    "util.inspect(structuredClone(new Map([[{ k: 1 }, [1, 2]]])))",
    # TextEncoder / TextDecoder
    "[...new TextEncoder().encode('héllo €😀')]", "[...new TextEncoder().encode()]", "new TextEncoder().encoding", "[...new TextEncoder().encode('\\ud800x')]",
    "(() => { const u = new Uint8Array(5); const r = new TextEncoder().encodeInto('a€b', u); return [r, [...u]]; })()",
    "(() => { const u = new Uint8Array(3); return new TextEncoder().encodeInto('a€', u); })()",
    "new TextDecoder().decode(new Uint8Array([104, 195, 169, 0xe2, 0x82, 0xac]))", "new TextDecoder().decode(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]))",
    "new TextDecoder('utf-8', { ignoreBOM: true }).decode(new Uint8Array([0xef, 0xbb, 0xbf, 0x41])).length",
    "new TextDecoder().decode(new Uint8Array([0xff, 0x41, 0xc3, 0x28, 0xe2, 0x82, 0x41, 0xf0, 0x9f, 0x98]))",
    "(() => { try { new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array([0xff])); } catch (e) { return [e.name, e.code, e.message]; } })()",
    "(() => { const d = new TextDecoder(); return [d.decode(new Uint8Array([0xe2, 0x82]), { stream: true }), d.decode(new Uint8Array([0xac]))]; })()",
    "new TextDecoder('utf-16le').decode(new Uint8Array([104, 0, 105, 0]))", "new TextDecoder('latin1').encoding", "new TextDecoder().decode(new Uint8Array([104, 105]).buffer)",
    "[new TextDecoder().encoding, new TextDecoder().fatal, new TextDecoder().ignoreBOM, new TextDecoder('UTF8').encoding]",
    "(() => { try { new TextDecoder('nope'); } catch (e) { return [e.name, e.code, e.message]; } })()",
    "new TextDecoder().decode()",
    "[util.TextEncoder === TextEncoder, util.TextDecoder === TextDecoder]",
]

PRE = ("const util = require('util'); const { Buffer } = require('buffer'); "
       "const { StringDecoder } = require('string_decoder'); const qs = require('querystring');")


def cases():
    return [{"kind": "json", "src": f"(() => {{ {PRE} return {e}; }})()"} for e in EXPRS]
