'use strict';
// zlib: gzip/gunzip as CPU jobs on the model's pool (one per 16 KiB of output); bytes from Python's zlib.
const ptv = internalBinding('ptview');
const { Buffer } = require('buffer');
const { codes } = require('internal/errors');
const hex = (v) => (typeof v === 'string' ? Buffer.from(v) : Buffer.from(v)).toString('hex');
function job(unzip) {
  return function (data, options, cb) {
    if (typeof options === 'function') cb = options;
    if (typeof cb !== 'function') throw new codes.ERR_INVALID_ARG_TYPE('callback', 'Function', cb);
    const k = (r) => (r.err ? cb(ptv.makeError(r.err)) : cb(null, Buffer.from(r.ok, 'hex')));
    k.target = cb;
    ptv.call('gzip', hex(data), ptv.register(k), unzip);
  };
}
module.exports = {
  gzip: job(false), gunzip: job(true), unzip: job(true),
  gzipSync: (d) => Buffer.from(ptv.call('gzip_sync', hex(d), false), 'hex'),
  gunzipSync: (d) => Buffer.from(ptv.call('gzip_sync', hex(d), true), 'hex'),
  constants: { Z_OK: 0, Z_BEST_COMPRESSION: 9, Z_BEST_SPEED: 1, Z_DEFAULT_COMPRESSION: -1 },
};
