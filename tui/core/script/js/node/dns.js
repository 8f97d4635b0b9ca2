'use strict';
// dns: lookup is getaddrinfo on the model's pool (slow I/O, at most half the threads);
// resolve* is c-ares on the loop, never the pool (SEMANTICS §2.3, §3.1). Answers are the model's.
const ptv = internalBinding('ptview');
const JSON = ptv.JSON;  // ptview's own copy: a script's JSON.parse = … leaves the host alone
const { codes } = require('internal/errors');

function checkLookup(hostname, options) {
  if (typeof hostname !== 'string') throw new codes.ERR_INVALID_ARG_TYPE('hostname', 'string', hostname);
  const opts = typeof options === 'number' ? { family: options } : (options || {});
  const family = opts.family === undefined ? 0 : opts.family;
  if (family !== 0 && family !== 4 && family !== 6 && family !== 'IPv4' && family !== 'IPv6') {
    throw new codes.ERR_INVALID_ARG_VALUE('options.family', family, 'must be one of: 0, 4, 6');
  }
  return opts;
}
function lookup(hostname, options, cb) {
  if (typeof options === 'function') { cb = options; options = {}; }
  if (typeof cb !== 'function') throw new codes.ERR_INVALID_ARG_TYPE('callback', 'Function', cb);
  const opts = checkLookup(hostname, options);
  const k = (r) => {
    if (r.err) return cb(ptv.makeError(r.err));
    const [address, family] = r.ok;
    if (opts.all) return cb(null, [{ address, family }]);
    cb(null, address, family);
  };
  k.target = cb;
  ptv.call('dns_lookup', JSON.stringify(hostname), ptv.register(k));
  return {};
}
function resolve(hostname, rrtype, cb) {
  if (typeof rrtype === 'function') { cb = rrtype; rrtype = 'A'; }
  if (typeof cb !== 'function') throw new codes.ERR_INVALID_ARG_TYPE('callback', 'Function', cb);
  if (rrtype !== 'A') ptv.refuse(`dns.resolve with rrtype '${rrtype}' is not supported (only 'A')`);
  const k = (r) => (r.err ? cb(ptv.makeError(r.err)) : cb(null, r.ok));
  k.target = cb;
  ptv.call('dns_resolve', JSON.stringify(hostname), ptv.register(k));
}
const resolve4 = (h, o, cb) => resolve(h, 'A', typeof o === 'function' ? o : cb);
const p = (f) => (...a) => new Promise((res, rej) => f(...a, (e, ...v) => (e ? rej(e) : res(v.length > 1 ? v : v[0]))));
// The rest of c-ares' queries: the model answers A records only; one line, not a made-up answer.
const refused = {};
for (const name of ['resolve6', 'resolveAny', 'resolveCaa', 'resolveCname', 'resolveMx', 'resolveNaptr', 'resolveNs',
  'resolvePtr', 'resolveSoa', 'resolveSrv', 'resolveTxt', 'reverse', 'lookupService']) {
  refused[name] = () => ptv.refuse(`dns.${name} is not supported: the model answers A records (dns.lookup, dns.resolve4)`);
}
module.exports = {
  ...refused,
  lookup, resolve, resolve4,
  promises: {
    lookup(h, o) {
      checkLookup(h, o);  // argument errors throw synchronously, as node's do
      return new Promise((res, rej) => lookup(h, o || {}, (e, a, f) => (e ? rej(e) : res(Array.isArray(a) ? a : { address: a, family: f }))));
    },
    ...refused,
    resolve: p(resolve), resolve4: p(resolve4),
  },
  getDefaultResultOrder: () => 'verbatim',
  setDefaultResultOrder() {},
  ADDRCONFIG: 1024, V4MAPPED: 2048, ALL: 256,
  NOTFOUND: 'ENOTFOUND', NODATA: 'ENODATA', SERVFAIL: 'ESERVFAIL', CONNREFUSED: 'ECONNREFUSED', TIMEOUT: 'ETIMEOUT',
};
