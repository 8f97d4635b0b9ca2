"""fs.ReadStream / fs.WriteStream over a scripted `options.fs` (the same
fake file system in node and in QuickJS): calls to fs and stream events in
node v20's order."""

PRE = r"""
let ReadStream, WriteStream;
try { ({ ReadStream, WriteStream } = require('fs')); } catch { ({ ReadStream, WriteStream } = require('internal/fs/streams')); }
const log = [];
const data = Buffer.from('abcdefghijklmnopqrstuvwxyz');
let cursor = 0;
const written = [];
const fakeFs = {
  open(path, flags, mode, cb) { log.push(`open ${path} ${flags} ${mode.toString(8)}`); setTimeout(() => (path === 'missing' ? cb(Object.assign(new Error('ENOENT'), { code: 'ENOENT' })) : cb(null, 7)), 1); },
  read(fd, buf, off, len, pos, cb) {
    log.push(`read fd=${fd} len=${len} pos=${pos}`);
    setTimeout(() => { const start = pos == null ? cursor : pos; const n = Math.max(0, Math.min(len, data.length - start)); data.copy(buf, off, start, start + n); if (pos == null) cursor += n; cb(null, n, buf); }, 1);
  },
  write(fd, buf, off, len, pos, cb) { log.push(`write fd=${fd} ${buf.toString('utf8', off, off + len)} pos=${pos}`); written.push(buf.toString('utf8', off, off + len)); setTimeout(() => cb(null, len, buf), 1); },
  close(fd, cb) { log.push(`close ${fd}`); setTimeout(() => cb(null), 1); },
};
const ev = (s, name, ...evs) => evs.forEach((e) => s.on(e, (a) => log.push(name + ':' + e + (a instanceof Error ? ' ' + a.message : typeof a === 'number' || typeof a === 'string' ? ' ' + a : a instanceof Uint8Array ? ' ' + a.toString() : ''))));
const settle = () => new Promise((r) => setTimeout(r, 500));
"""

SCRIPTS = [
    "const r = new ReadStream('file.txt', { fs: fakeFs, highWaterMark: 10 }); ev(r, 'r', 'open', 'ready', 'data', 'end', 'close'); log.push('pending ' + r.pending)",
    "const r = new ReadStream('file.txt', { fs: fakeFs, highWaterMark: 8, start: 3, end: 12, encoding: 'utf8' }); ev(r, 'r', 'data', 'end', 'close')",
    "const r = new ReadStream('missing', { fs: fakeFs }); ev(r, 'r', 'open', 'error', 'close')",
    "const r = new ReadStream('file.txt', { fs: fakeFs, highWaterMark: 5 }); ev(r, 'r', 'data', 'close', 'end'); r.once('data', () => r.destroy())",
    "const r = new ReadStream(null, { fs: fakeFs, fd: 9, highWaterMark: 100 }); ev(r, 'r', 'open', 'data', 'end', 'close')",
    "const r = new ReadStream('file.txt', { fs: fakeFs, highWaterMark: 16, autoClose: false }); ev(r, 'r', 'data', 'end', 'close'); r.on('end', () => log.push('autoClose ' + r.autoClose))",
    "const w = new WriteStream('out.txt', { fs: fakeFs }); ev(w, 'w', 'open', 'ready', 'finish', 'close'); w.write('hello '); w.write('world'); w.end('!', () => log.push('end cb ' + written.join('|') + ' ' + w.bytesWritten))",
    "const w = new WriteStream('out.txt', { fs: fakeFs, flags: 'a', start: 5 }); ev(w, 'w', 'finish', 'close'); w.write('x'); w.end('y')",
    "const r = new ReadStream('file.txt', { fs: fakeFs, highWaterMark: 13 }); const w = new WriteStream('copy.txt', { fs: fakeFs }); ev(r, 'r', 'end', 'close'); ev(w, 'w', 'finish', 'close'); r.pipe(w)",
    "try { new ReadStream('f', { fs: fakeFs, start: 5, end: 2 }); } catch (e) { log.push(e.code + ' ' + e.message); } try { new ReadStream(5, { fs: fakeFs }); } catch (e) { log.push(e.code + ' ' + e.message); } try { new ReadStream('f', { fs: { open() {} } }); } catch (e) { log.push(e.code + ' ' + e.message); }",
    "const r = new ReadStream('file.txt', { fs: fakeFs, highWaterMark: 26 }); ev(r, 'r', 'close'); r.close(() => log.push('close cb'))",
]


def cases():
    return [{"kind": "json", "src": f"(async () => {{ {PRE} {s}; await settle(); return log; }})()"} for s in SCRIPTS]
