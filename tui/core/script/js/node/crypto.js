'use strict';
// crypto: pbkdf2/scrypt/randomBytes are CPU jobs on the model's pool; createHash,
// createHmac and randomUUID run on the loop thread (node's sync forms). Bytes are real
// (hashlib); random bytes come from the run's seeded generator, so replays repeat.
const ptv = internalBinding('ptview');
const JSON = ptv.JSON;  // ptview's own copy: a script's JSON.parse = … leaves the host alone
const { Buffer } = require('buffer');
const { codes } = require('internal/errors');
const hex = (v) => (typeof v === 'string' ? Buffer.from(v) : Buffer.from(v)).toString('hex');

function pbkdf2(password, salt, iterations, keylen, digest, callback) {
  if (typeof callback !== 'function') throw new codes.ERR_INVALID_ARG_TYPE('callback', 'Function', callback);
  const k = (r) => (r.err ? callback(ptv.makeError(r.err)) : callback(null, Buffer.from(r.ok, 'hex')));
  k.target = callback;
  ptv.call('pbkdf2', hex(password), hex(salt), iterations, keylen, JSON.stringify(String(digest)), ptv.register(k));
}
function randomBytes(size, callback) {
  if (typeof callback !== 'function') return Buffer.from(ptv.call('random_bytes', size, 0), 'hex');
  const k = (r) => callback(null, Buffer.from(r.ok, 'hex'));
  k.target = callback;
  ptv.call('random_bytes', size, ptv.register(k));
}
function scryptParams(options) {
  const o = options || {};
  return JSON.stringify([o.N || o.cost || 16384, o.r || o.blockSize || 8, o.p || o.parallelization || 1]);
}
function scrypt(password, salt, keylen, options, callback) {
  if (typeof options === 'function') { callback = options; options = undefined; }
  const k = (r) => (r.err ? callback(ptv.makeError(r.err)) : callback(null, Buffer.from(r.ok, 'hex')));
  k.target = callback;
  ptv.call('scrypt', hex(password), hex(salt), keylen, ptv.register(k), scryptParams(options));
}
class Hash {
  constructor(alg, key) { this.alg = alg; this.key = key; this.parts = []; }
  update(data, enc) { this.parts.push(typeof data === 'string' ? Buffer.from(data, enc) : Buffer.from(data)); return this; }
  digest(enc) {
    const data = Buffer.concat(this.parts).toString('hex');
    const h = this.key === undefined ? ptv.call('hash_hex', JSON.stringify(this.alg), data)
      : ptv.call('hmac_hex', JSON.stringify(this.alg), this.key, data);
    const b = Buffer.from(h, 'hex');
    return enc ? b.toString(enc) : b;
  }
}
function randomFillSync(buf, offset = 0, size = buf.length - offset) {
  const bytes = Buffer.from(ptv.call('random_bytes', size, 0), 'hex');
  new Uint8Array(buf.buffer || buf, buf.byteOffset || 0, buf.byteLength).set(bytes, offset);
  return buf;
}
function randomFill(buf, offset, size, callback) {
  if (typeof offset === 'function') { callback = offset; offset = 0; size = undefined; }
  if (typeof size === 'function') { callback = size; size = undefined; }
  const n = size === undefined ? buf.byteLength - offset : size;
  const k = (r) => {
    new Uint8Array(buf.buffer || buf, buf.byteOffset || 0, buf.byteLength).set(Buffer.from(r.ok, 'hex'), offset);
    callback(null, buf);
  };
  k.target = callback;
  ptv.call('random_bytes', n, ptv.register(k));
}
module.exports = {
  pbkdf2, randomBytes, scrypt, randomFill, randomFillSync,
  pbkdf2Sync(password, salt, iterations, keylen, digest) {
    return Buffer.from(ptv.call('pbkdf2_sync', hex(password), hex(salt), iterations, keylen, JSON.stringify(String(digest))), 'hex');
  },
  scryptSync(password, salt, keylen, options) {
    return Buffer.from(ptv.call('scrypt', hex(password), hex(salt), keylen, 0, scryptParams(options)), 'hex');
  },
  createHash: (alg) => new Hash(String(alg)),
  createHmac: (alg, key) => new Hash(String(alg), hex(key)),
  randomUUID: () => ptv.call('random_uuid'),
  randomInt(min, max, cb) {
    if (max === undefined || typeof max === 'function') { cb = max; max = min; min = 0; }
    const v = min + Math.floor(Math.random() * (max - min));
    if (typeof cb === 'function') { setImmediate(() => cb(null, v)); return undefined; }
    return v;
  },
  getHashes: () => ['md5', 'sha1', 'sha256', 'sha384', 'sha512'],
  webcrypto: {},
};
