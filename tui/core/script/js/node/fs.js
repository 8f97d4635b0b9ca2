'use strict';
// fs: callback, sync and promise forms. Reads are real (read-only) and go through the
// model's pool as node's libuv requests do (readFile = open, fstat, reads, close: the
// model's ops.py); writes go to the host's in-memory overlay, never the disk.
const ptv = internalBinding('ptview');
const JSON = ptv.JSON;  // ptview's own copy: a script's JSON.parse = … leaves the host alone
const { Buffer } = require('buffer');
const { codes } = require('internal/errors');

function cbArg(cb) {
  if (typeof cb !== 'function') throw new codes.ERR_INVALID_ARG_TYPE('cb', 'Function', cb);
  return cb;
}
function pathArg(p) {
  if (typeof URL === 'function' && p instanceof URL) p = p.pathname;
  if (Buffer.isBuffer(p)) p = p.toString();
  if (typeof p !== 'string') throw new codes.ERR_INVALID_ARG_TYPE('path', ['string', 'Buffer', 'URL'], p);
  return JSON.stringify(p);
}
function encodingOf(options) {
  if (typeof options === 'string') return options;
  if (options && typeof options === 'object' && options.encoding) return options.encoding;
  return null;
}
function decode(hex, enc) {
  const b = Buffer.from(hex, 'hex');
  return enc ? b.toString(enc) : b;
}
// a continuation the model enters with {err} or {ok}
function then(cb, map) {
  const k = (r) => (r.err ? cb(ptv.makeError(r.err)) : cb(null, map ? map(r.ok) : r.ok));
  k.target = cb;
  return ptv.register(k);
}

class Stats {
  constructor(d) {
    Object.assign(this, {
      dev: d.dev, mode: d.mode, nlink: d.nlink, uid: d.uid, gid: d.gid, rdev: d.rdev || 0,
      blksize: d.blksize || 4096, ino: d.ino, size: d.size, blocks: d.blocks || 0,
      atimeMs: d.atimeMs || d.mtimeMs, mtimeMs: d.mtimeMs, ctimeMs: d.ctimeMs || d.mtimeMs,
      birthtimeMs: d.birthtimeMs || d.mtimeMs,
    });
    this.atime = new Date(this.atimeMs); this.mtime = new Date(this.mtimeMs);
    this.ctime = new Date(this.ctimeMs); this.birthtime = new Date(this.birthtimeMs);
    Object.defineProperty(this, '_kind', { value: d, enumerable: false });
  }
  isFile() { return this._kind.file; }
  isDirectory() { return this._kind.dir; }
  isSymbolicLink() { return this._kind.link; }
  isFIFO() { return (this.mode & 0o170000) === 0o010000; }
  isSocket() { return (this.mode & 0o170000) === 0o140000; }
  isCharacterDevice() { return (this.mode & 0o170000) === 0o020000; }
  isBlockDevice() { return (this.mode & 0o170000) === 0o060000; }
}

function readFile(path, options, cb) {
  if (typeof options === 'function') { cb = options; options = undefined; }
  cbArg(cb);
  const enc = encodingOf(options);
  ptv.call('fs_read_file', pathArg(path), then(cb, (hex) => decode(hex, enc)));
}
function stat(path, options, cb) {
  if (typeof options === 'function') { cb = options; options = undefined; }
  cbArg(cb);
  ptv.call('fs_stat', pathArg(path), then(cb, (d) => new Stats(d)), false);
}
function lstat(path, options, cb) {
  if (typeof options === 'function') { cb = options; options = undefined; }
  cbArg(cb);
  ptv.call('fs_stat', pathArg(path), then(cb, (d) => new Stats(d)), true);
}
const EventEmitter = require('events');

// file descriptors: open/read/close/fstat, each one libuv request on the pool
function open(path, flags, mode, cb) {
  if (typeof flags === 'function') { cb = flags; flags = 'r'; }
  if (typeof mode === 'function') { cb = mode; }
  cbArg(cb);
  const why = ptv.call('fs_open', pathArg(path), JSON.stringify(flags === undefined ? 'r' : String(flags)), then(cb));
  if (why) ptv.refuse(why);
}
function read(fd, buffer, offset, length, position, cb) {
  if (typeof offset === 'function') { cb = offset; offset = 0; length = buffer.byteLength; position = null; }
  else if (offset !== null && typeof offset === 'object') {
    cb = buffer && length; ({ offset = 0, length = buffer.byteLength - offset, position = null } = offset);
  }
  cbArg(cb);
  const k = (r) => {
    if (r.err) return cb(ptv.makeError(r.err));
    const bytes = Buffer.from(r.ok, 'hex');
    new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength).set(bytes, offset);
    cb(null, bytes.length, buffer);
  };
  k.target = cb;
  const pos = position === null || position === undefined || position < 0 ? -1 : Number(position);
  ptv.call('fs_read_fd', fd, length, pos, ptv.register(k));
}
function close(fd, cb = () => {}) { ptv.call('fs_close_fd', fd, then(cb)); }
function fstat(fd, options, cb) {
  if (typeof options === 'function') cb = options;
  ptv.call('fs_fstat_fd', fd, then(cbArg(cb), (d) => new Stats(d)));
}
class FileHandle extends EventEmitter {
  constructor(fd) { super(); this._fd = fd; }
  get fd() { return this._fd; }
  read(buffer, offset = 0, length, position = null) {
    if (buffer === undefined) buffer = Buffer.alloc(16384);
    if (buffer !== null && !ArrayBuffer.isView(buffer) && typeof buffer === 'object') {
      ({ buffer = Buffer.alloc(16384), offset = 0, length, position = null } = buffer);
    }
    if (length === undefined) length = buffer.byteLength - offset;
    return new Promise((resolve, reject) => read(this._fd, buffer, offset, length, position,
      (e, bytesRead) => (e ? reject(e) : resolve({ bytesRead, buffer }))));
  }
  async readFile(options) {
    const enc = encodingOf(options);
    const chunks = [];
    for (;;) {
      const { bytesRead, buffer } = await this.read(Buffer.alloc(512 * 1024), 0, 512 * 1024, null);
      if (bytesRead === 0) break;
      chunks.push(buffer.subarray(0, bytesRead));
    }
    const all = Buffer.concat(chunks);
    return enc ? all.toString(enc) : all;
  }
  stat() { return new Promise((resolve, reject) => fstat(this._fd, (e, s) => (e ? reject(e) : resolve(s)))); }
  close() {
    const fd = this._fd;
    this._fd = -1;
    if (fd < 0) return Promise.resolve();
    return new Promise((resolve, reject) => close(fd, (e) => (e ? reject(e) : resolve())));
  }
}
function openHandle(path, flags = 'r') {
  return new Promise((resolve, reject) => open(path, flags, (e, fd) => (e ? reject(e) : resolve(new FileHandle(fd)))));
}

function viaPool(op, map) {
  return function (path, ...rest) {
    const cb = cbArg(rest.pop());
    const arg = rest[0];
    const data = op === 'writeFile' || op === 'appendFile' ? Buffer.from(arg === undefined ? '' : arg).toString('hex') : null;
    ptv.call('fs_async_sync', op, pathArg(path), JSON.stringify(data), then(cb, map));
  };
}
function sync(op, path, data) {
  return ptv.call('fs_sync', op, pathArg(path), JSON.stringify(data === undefined ? null : data));
}
const fs = {
  readFile, stat, lstat, open, read, close, fstat,
  // node's ReadStream (the prelude's port of lib/internal/fs/streams.js) over open/read/close above:
  // one pool job per 64 KiB chunk, as node's
  createReadStream: (path, options) => new (require('internal/fs/streams').ReadStream)(path, options),
  get ReadStream() { return require('internal/fs/streams').ReadStream; },
  readdir: viaPool('readdir'),
  access: (path, mode, cb) => viaPool('access')(path, typeof mode === 'function' ? mode : cb),
  exists(path, cb) { cbArg(cb); viaPool('exists')(path, (e, v) => cb(!e && v)); },
  writeFile: (path, data, opts, cb) => viaPool('writeFile')(path, data, typeof opts === 'function' ? opts : cb),
  appendFile: (path, data, opts, cb) => viaPool('appendFile')(path, data, typeof opts === 'function' ? opts : cb),
  mkdir: (path, opts, cb) => viaPool('mkdir')(path, typeof opts === 'function' ? opts : cb),
  readFileSync(path, options) { return decode(sync('readFile', path), encodingOf(options)); },
  statSync(path) { return new Stats(JSON.parse(sync('stat', path))); },
  lstatSync(path) { return new Stats(JSON.parse(sync('lstat', path))); },
  readdirSync(path) { return JSON.parse(sync('readdir', path)); },
  existsSync(path) { try { return sync('exists', path); } catch { return false; } },
  accessSync(path) { sync('access', path); },
  writeFileSync(path, data) { sync('writeFile', path, Buffer.from(data).toString('hex')); },
  appendFileSync(path, data) { sync('appendFile', path, Buffer.from(data).toString('hex')); },
  mkdirSync(path) { sync('mkdir', path); },
  Stats,
  constants: { F_OK: 0, R_OK: 4, W_OK: 2, X_OK: 1, O_RDONLY: 0 },
};
// Deleting, renaming, linking, permission changes: ptview never changes the user's files, and
// the overlay does not model them; one line with the script's place (exit 2).
for (const name of ['unlink', 'rm', 'rmdir', 'rename', 'copyFile', 'cp', 'chmod', 'chown', 'symlink', 'link',
  'truncate', 'utimes', 'watch', 'watchFile', 'createWriteStream']) {
  const refuse = () => ptv.refuse(`fs.${name} is not supported: scripts read files; writes stay in memory`);
  fs[name] = refuse;
  if (!['watch', 'watchFile', 'createWriteStream'].includes(name)) fs[`${name}Sync`] = refuse;
}
const promisify = (f) => (...args) => new Promise((resolve, reject) => f(...args, (e, v) => (e ? reject(e) : resolve(v))));
fs.promises = {
  readFile: promisify(readFile), stat: promisify(stat), lstat: promisify(lstat),
  readdir: promisify(fs.readdir), access: promisify(fs.access),
  writeFile: promisify(fs.writeFile), appendFile: promisify(fs.appendFile), mkdir: promisify(fs.mkdir),
};
for (const name of ['unlink', 'rm', 'rmdir', 'rename', 'copyFile', 'cp', 'chmod', 'chown', 'symlink', 'link',
  'truncate', 'utimes']) fs.promises[name] = fs[name];
fs.promises.open = openHandle;
fs.promises.FileHandle = FileHandle;
module.exports = fs;
