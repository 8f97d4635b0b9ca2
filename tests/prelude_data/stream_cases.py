"""stream: event order and data of Readable / Writable / Duplex / Transform /
pipeline / finished, compared with node v20 (logs collected after the
streams settle)."""

PRE = ("const { Readable, Writable, Duplex, Transform, PassThrough, pipeline, finished } = require('stream'); "
       "const log = []; const ev = (s, name, ...evs) => evs.forEach((e) => s.on(e, (...a) => log.push(name + ':' + e + (a.length && a[0] !== undefined && typeof a[0] !== 'object' ? ' ' + a[0] : a[0] instanceof Error ? ' ' + a[0].message : '')))); "
       "const settle = () => new Promise((r) => setTimeout(r, 300));")

SCRIPTS = [
    # Readable basics
    "const r = new Readable({ read() {} }); ev(r, 'r', 'data', 'end', 'close', 'pause', 'resume'); r.push('a'); r.push('b'); r.push(null); log.push('sync done'); await settle()",
    "const r = Readable.from(['x', 'y', 'z']); ev(r, 'r', 'data', 'end', 'close'); await settle()",
    "let i = 0; const r = new Readable({ read() { log.push('_read'); i < 3 ? this.push(String(i++)) : this.push(null); } }); ev(r, 'r', 'data', 'end', 'close'); await settle()",
    "let i = 0; const r = new Readable({ read() { log.push('_read'); setTimeout(() => (i < 2 ? this.push(String(i++)) : this.push(null)), 1); } }); ev(r, 'r', 'data', 'end', 'close'); await settle()",
    "const r = new Readable({ read() {} }); r.push('hello'); r.push(' world'); r.push(null); r.on('readable', () => { let c; log.push('readable'); while ((c = r.read()) !== null) log.push('read ' + c); }); ev(r, 'r', 'end', 'close'); await settle()",
    "const r = new Readable({ read() {}, highWaterMark: 2 }); log.push(r.push('abc'), r.readableLength, r.readableHighWaterMark, r.readableFlowing, r.isPaused()); r.pause(); log.push(r.isPaused(), r.readableFlowing); r.resume(); log.push(r.readableFlowing)",
    "const r = new Readable({ objectMode: true, read() {} }); ev(r, 'r', 'data', 'end'); r.push({ a: 1 }); r.push(2); r.push(null); r.on('data', (o) => log.push(JSON.stringify(o))); await settle()",
    "const r = new Readable({ read() {} }); r.setEncoding('utf8'); r.on('data', (d) => log.push(typeof d + ' ' + d)); r.push(Buffer.from([0xe2, 0x82])); r.push(Buffer.from([0xac])); r.push(null); await settle()",
    "const r = new Readable({ read() {} }); r.push('abc'); r.push(null); r.on('data', (d) => { log.push('data ' + d); r.pause(); setTimeout(() => r.resume(), 2); }); ev(r, 'r', 'pause', 'resume', 'end'); await settle()",
    "const r = new Readable({ read() {} }); ev(r, 'r', 'error', 'close', 'end'); r.destroy(new Error('boom')); log.push('destroyed ' + r.destroyed); await settle()",
    "const r = new Readable({ read() {} }); ev(r, 'r', 'close'); r.destroy(); await settle(); log.push(r.destroyed, r.readableAborted)",
    "const r = new Readable({ read() { this.push(null); } }); r.unshift('first'); r.on('data', (d) => log.push('data ' + d)); ev(r, 'r', 'end'); await settle()",
    "const r = new Readable({ read() {} }); r.push(null); try { r.push('late'); } catch (e) { log.push('threw ' + e.code); } ev(r, 'r', 'error', 'close'); r.resume(); await settle()",
    "const r = new Readable({ read() {} }); r.push('a'); r.push(null); const out = []; for await (const c of r) out.push(String(c)); log.push(out.join(','), r.destroyed)",
    "const r = Readable.from((async function* () { yield 'p'; yield 'q'; })()); const out = []; for await (const c of r) out.push(c); log.push(out.join(','))",
    "const r = new Readable({ read() {}, construct(cb) { log.push('construct'); setTimeout(cb, 1); } }); ev(r, 'r', 'data', 'end'); r.push('after-construct'); r.push(null); await settle()",
    "const r = new Readable({ read() {} }); ev(r, 'r', 'end', 'close'); r.push(null); await settle(); log.push(r.readableEnded, r.destroyed, r.closed)",
    "const r = new Readable({ read() {}, autoDestroy: false }); ev(r, 'r', 'end', 'close'); r.push(null); r.resume(); await settle(); log.push(r.destroyed)",
    "const r = new Readable({ read() {}, emitClose: false }); ev(r, 'r', 'close', 'end'); r.push(null); r.resume(); await settle(); log.push(r.destroyed)",
    # Writable
    "const w = new Writable({ write(c, e, cb) { log.push('write ' + c + ' ' + e); cb(); } }); ev(w, 'w', 'finish', 'close', 'prefinish', 'drain'); log.push(w.write('a', () => log.push('cb a'))); w.end('b', () => log.push('end cb')); log.push('sync done'); await settle()",
    "const w = new Writable({ highWaterMark: 3, write(c, e, cb) { log.push('write ' + c); setTimeout(cb, 1); } }); ev(w, 'w', 'drain', 'finish', 'close'); log.push(w.write('ab'), w.write('cd'), w.writableLength, w.writableNeedDrain); w.end(); await settle()",
    "const w = new Writable({ decodeStrings: false, write(c, e, cb) { log.push(typeof c + ' ' + e); cb(); } }); w.write('s'); w.write(Buffer.from('b')); w.end(); await settle()",
    "const w = new Writable({ objectMode: true, write(c, e, cb) { log.push(JSON.stringify(c)); cb(); } }); w.write({ k: 1 }); w.write([2]); ev(w, 'w', 'finish'); w.end(); await settle()",
    "const w = new Writable({ write(c, e, cb) { cb(new Error('write failed')); } }); ev(w, 'w', 'error', 'close', 'finish'); w.write('x', (err) => log.push('cb ' + (err && err.message))); await settle(); log.push(w.destroyed, w.writableFinished)",
    "const w = new Writable({ write(c, e, cb) { cb(); } }); w.end(); w.write('late', (err) => log.push('cb ' + err.code)); ev(w, 'w', 'error', 'close'); await settle()",
    "const w = new Writable({ writev(chunks, cb) { log.push('writev ' + chunks.map((c) => c.chunk).join('|')); cb(); }, write(c, e, cb) { log.push('write ' + c); cb(); } }); w.cork(); w.write('1'); w.write('2'); w.write('3'); w.uncork(); w.end(); ev(w, 'w', 'finish'); await settle()",
    "const w = new Writable({ write(c, e, cb) { log.push('write ' + c); cb(); }, final(cb) { log.push('final'); setTimeout(cb, 1); } }); ev(w, 'w', 'prefinish', 'finish', 'close'); w.end('z'); await settle()",
    "const w = new Writable({ write(c, e, cb) { cb(); } }); log.push(w.writable, w.writableEnded, w.writableFinished); w.end(); log.push(w.writable, w.writableEnded, w.writableFinished); await settle(); log.push(w.writableFinished, w.destroyed)",
    "const w = new Writable({ write(c, e, cb) { log.push('write ' + c); cb(); } }); w.write('a'); w.destroy(); w.write('b', (err) => log.push('cb ' + (err && err.code))); ev(w, 'w', 'close', 'error'); await settle()",
    "const w = new Writable(); ev(w, 'w', 'error', 'close'); try { w.write('x'); } catch (e) { log.push('threw ' + e.code); } await settle()",
    "const w = new Writable({ write(c, e, cb) { cb(); } }); try { w.write(null); } catch (e) { log.push(e.name + ' ' + e.code + ' ' + e.message); } try { w.write(5); } catch (e) { log.push(e.code + ' ' + e.message); }",
    # pipe, Transform, PassThrough, Duplex
    "const r = Readable.from(['a', 'b', 'c'], { objectMode: false }); const w = new Writable({ write(c, e, cb) { log.push('w ' + c); cb(); } }); ev(r, 'r', 'end', 'close'); ev(w, 'w', 'pipe', 'finish', 'close'); r.pipe(w); await settle()",
    "const t = new Transform({ transform(c, e, cb) { cb(null, String(c).toUpperCase()); } }); ev(t, 't', 'data', 'end', 'finish', 'close', 'prefinish'); t.write('ab'); t.end('cd'); await settle()",
    "const t = new Transform({ transform(c, e, cb) { this.push(c); this.push(c); cb(); }, flush(cb) { cb(null, '!'); } }); const out = []; t.on('data', (d) => out.push(String(d))); t.on('end', () => log.push(out.join(''))); t.end('x'); await settle()",
    "const p = new PassThrough(); ev(p, 'p', 'data', 'end', 'finish', 'close'); p.write('1'); p.end('2'); await settle()",
    "const d = new Duplex({ read() { this.push('from-read'); this.push(null); }, write(c, e, cb) { log.push('write ' + c); cb(); } }); ev(d, 'd', 'data', 'end', 'finish', 'close'); d.write('in'); d.end(); await settle()",
    "const d = new Duplex({ allowHalfOpen: false, read() {}, write(c, e, cb) { cb(); } }); ev(d, 'd', 'end', 'finish', 'close'); d.push(null); d.resume(); await settle()",
    "log.push(new PassThrough() instanceof Writable, new Duplex() instanceof Readable, new Readable() instanceof Writable, typeof Readable.from)",
    "const src = new Readable({ read() {} }); const slow = new Writable({ highWaterMark: 2, write(c, e, cb) { log.push('w ' + c); setTimeout(cb, 1); } }); ev(src, 'src', 'pause', 'resume', 'end'); ev(slow, 'slow', 'drain', 'finish'); src.pipe(slow); src.push('aa'); src.push('bb'); src.push('cc'); src.push(null); await settle()",
    # pipeline / finished
    "const out = []; pipeline(Readable.from(['a', 'b']), new Transform({ transform(c, e, cb) { cb(null, c + '!'); } }), new Writable({ write(c, e, cb) { out.push(String(c)); cb(); } }), (err) => log.push('done ' + err + ' ' + out.join(','))); await settle()",
    "pipeline(Readable.from(['a']), new Transform({ transform(c, e, cb) { cb(new Error('tx failed')); } }), new Writable({ write(c, e, cb) { cb(); } }), (err) => log.push('done ' + (err && err.message))); await settle()",
    "const out = []; pipeline(Readable.from(['x', 'y']), async function* (source) { for await (const c of source) yield c + c; }, new Writable({ objectMode: true, write(c, e, cb) { out.push(c); cb(); } }), (err) => log.push('done ' + err + ' ' + out.join(','))); await settle()",
    "const r = new Readable({ read() {} }); finished(r, (err) => log.push('finished ' + (err && err.code))); r.push('a'); r.push(null); r.resume(); await settle()",
    "const r = new Readable({ read() {} }); finished(r, (err) => log.push('finished ' + (err && err.code))); r.destroy(); await settle()",
    "const w = new Writable({ write(c, e, cb) { cb(); } }); finished(w, (err) => log.push('finished ' + err)); w.end('x'); await settle()",
    "const { pipeline: pp, finished: fp } = require('stream/promises'); const out = []; await pp(Readable.from(['1', '2']), new Writable({ write(c, e, cb) { out.push(String(c)); cb(); } })); log.push('pipeline resolved ' + out.join('')); const r = Readable.from(['z']); r.resume(); await fp(r); log.push('finished resolved')",
    "const { pipeline: pp } = require('stream/promises'); try { await pp(Readable.from(['1']), new Writable({ write(c, e, cb) { cb(new Error('sink')); } })); } catch (e) { log.push('rejected ' + e.message); }",
    "const util = require('util'); log.push(util.inspect(new Readable()).split('\\n')[0], Object.keys(new Readable()).join(','), new Readable().eventNames().length)",
    "log.push(await Readable.from([1, 2, 3, 4]).map((x) => x * 2).filter((x) => x > 2).toArray())",
    "log.push(await Readable.from([1, 2, 3, 4, 5]).drop(1).take(3).toArray(), await Readable.from([1, 2]).reduce((a, b) => a + b, 10))",
    "log.push(await Readable.from([1, 2, 3]).some((x) => x > 2), await Readable.from([1, 2, 3]).every((x) => x > 2), await Readable.from([5, 6]).find((x) => x > 5))",
    "await Readable.from(['a', 'b']).forEach((x) => log.push('each ' + x)); log.push(await Readable.from([[1, 2], [3]]).flatMap((x) => x).toArray())",
    "log.push(await Readable.from([1, 2, 3]).map(async (x) => { await new Promise((r) => setTimeout(r, 4 - x)); return x; }, { concurrency: 3 }).toArray())",
    "try { await Readable.from([]).reduce((a, b) => a + b); } catch (e) { log.push(e.name + ' ' + e.code + ' ' + e.message); }",
    "try { Readable.from([1]).map(5); } catch (e) { log.push(e.code + ' ' + e.message); } try { Readable.from([1]).take(-1); } catch (e) { log.push(e.code + ' ' + e.message); }",
    "log.push(typeof Readable.prototype.map, Readable.prototype.map.name, Object.keys(Readable.prototype).includes('map'))",
]


def cases():
    return [{"kind": "json", "src": f"(async () => {{ {PRE} {s}; await settle(); return log; }})()"} for s in SCRIPTS]
