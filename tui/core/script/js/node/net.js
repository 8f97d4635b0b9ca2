'use strict';
// net: connect to a loopback port where nothing listens (the refused socket: 'error' on
// nextTick, 'close' in the close phase); anything else is refused with one line (exit 2).
const ptv = internalBinding('ptview');
const JSON = ptv.JSON;  // ptview's own copy: a script's JSON.parse = … leaves the host alone
const EventEmitter = require('events');

class Socket extends EventEmitter {
  constructor() { super(); this.connecting = true; this.destroyed = false; }
  write() { return false; }
  end() { return this; }
  destroy() { this.destroyed = true; return this; }
  setTimeout() { return this; }
  setEncoding() { return this; }
  setNoDelay() { return this; }
  setKeepAlive() { return this; }
  ref() { return this; }
  unref() { return this; }
}
function connect(...args) {
  let port; let host = 'localhost'; let cb;
  if (args[0] !== null && typeof args[0] === 'object') {
    ({ port, host = 'localhost' } = args[0]);
    cb = args[1];
  } else {
    port = args[0];
    if (typeof args[1] === 'string') { host = args[1]; cb = args[2]; } else cb = args[1];
  }
  const p = Number(port);
  if (!(p > 0 && p < 65536 && Number.isInteger(p))) {
    const e = new RangeError(`Port should be > 0 and < 65536. Received ${port}.`);
    e.code = 'ERR_SOCKET_BAD_PORT';
    throw e;
  }
  const sock = new Socket();
  if (typeof cb === 'function') sock.once('connect', cb);
  const k = (r) => {
    if (r.event === 'close') { sock.connecting = false; sock.destroyed = true; sock.emit('close', true); return; }
    sock.emit('error', ptv.makeError(r.err));
  };
  const why = ptv.call('net_connect', p, JSON.stringify(String(host)), ptv.register(k));
  if (why) ptv.refuse(why);
  return sock;
}
module.exports = {
  connect, createConnection: connect, Socket,
  createServer() { ptv.refuse('net servers are not supported: scripts reach only the model\'s loopback'); },
  isIP: (s) => (/^\d+\.\d+\.\d+\.\d+$/.test(s) ? 4 : (s.includes(':') ? 6 : 0)),
};
