'use strict';
// STOPGAP until the prelude's buffer.js lands: Buffer as a Uint8Array with the encodings
// host modules need (utf8, hex, base64, latin1) and node's <Buffer ..> display.
const HEX = '0123456789abcdef';
function utf8Encode(s) { return new TextEncoderLite().encode(s); }
class TextEncoderLite {
  encode(s) {
    const out = [];
    for (let i = 0; i < s.length; i++) {
      let c = s.charCodeAt(i);
      if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
        c = 0x10000 + ((c - 0xd800) << 10) + (s.charCodeAt(++i) - 0xdc00);
      } else if (c >= 0xd800 && c < 0xe000) c = 0xfffd;
      if (c < 0x80) out.push(c);
      else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
      else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
      else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    }
    return out;
  }
}
function utf8Decode(b) {
  let s = '';
  for (let i = 0; i < b.length;) {
    const c = b[i];
    let n = 0; let cp = 0xfffd;
    if (c < 0x80) { cp = c; n = 1; } else if (c >= 0xc2 && c < 0xe0) n = 2; else if (c >= 0xe0 && c < 0xf0) n = 3;
    else if (c >= 0xf0 && c < 0xf5) n = 4;
    if (n > 1) {
      let ok = i + n <= b.length;
      let v = c & (0xff >> (n + 1));
      for (let k = 1; ok && k < n; k++) { if ((b[i + k] & 0xc0) !== 0x80) ok = false; else v = (v << 6) | (b[i + k] & 63); }
      if (ok) cp = v; else n = 1;
    } else if (n === 0) n = 1;
    s += String.fromCodePoint(cp);
    i += n;
  }
  return s;
}
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
class Buffer extends Uint8Array {
  static from(v, enc) {
    if (typeof v === 'string') {
      const e = String(enc || 'utf8').toLowerCase();
      if (e === 'hex') { const a = []; for (let i = 0; i + 1 < v.length; i += 2) { const x = parseInt(v.substr(i, 2), 16); if (Number.isNaN(x)) break; a.push(x); } return Buffer._of(a); }
      if (e === 'latin1' || e === 'binary' || e === 'ascii') return Buffer._of(Array.from(v, (ch) => ch.charCodeAt(0) & 255));
      if (e === 'base64') { const a = []; let bits = 0; let acc = 0; for (const ch of v) { const i = B64.indexOf(ch); if (i < 0) continue; acc = (acc << 6) | i; bits += 6; if (bits >= 8) { bits -= 8; a.push((acc >> bits) & 255); } } return Buffer._of(a); }
      return Buffer._of(utf8Encode(v));
    }
    if (v instanceof ArrayBuffer) return new Buffer(v);
    return Buffer._of(Array.from(v, (x) => x & 255));
  }
  static _of(a) { const b = new Buffer(a.length); b.set(a); return b; }
  static alloc(n, fill) { const b = new Buffer(n); if (fill !== undefined) b.fill(typeof fill === 'number' ? fill : 0); return b; }
  static allocUnsafe(n) { return new Buffer(n); }
  static isBuffer(v) { return v instanceof Buffer; }
  static byteLength(s) { return typeof s === 'string' ? utf8Encode(s).length : s.length; }
  static concat(list, total) {
    const n = total === undefined ? list.reduce((a, b) => a + b.length, 0) : total;
    const out = Buffer.alloc(n); let o = 0;
    for (const b of list) { out.set(b.subarray(0, Math.max(0, n - o)), o); o += b.length; if (o >= n) break; }
    return out;
  }
  toString(enc, start = 0, end = this.length) {
    const b = this.subarray(start, end);
    const e = String(enc || 'utf8').toLowerCase();
    if (e === 'hex') { let s = ''; for (const x of b) s += HEX[x >> 4] + HEX[x & 15]; return s; }
    if (e === 'latin1' || e === 'binary') return String.fromCharCode(...b);
    if (e === 'ascii') return String.fromCharCode(...Array.from(b, (x) => x & 127));
    if (e === 'base64') {
      let s = ''; let i = 0;
      for (; i + 2 < b.length; i += 3) { const n = (b[i] << 16) | (b[i + 1] << 8) | b[i + 2]; s += B64[n >> 18] + B64[(n >> 12) & 63] + B64[(n >> 6) & 63] + B64[n & 63]; }
      if (i < b.length) { const n = (b[i] << 16) | ((b[i + 1] || 0) << 8); s += B64[n >> 18] + B64[(n >> 12) & 63] + (i + 1 < b.length ? B64[(n >> 6) & 63] : '=') + '='; }
      return s;
    }
    return utf8Decode(b);
  }
  toJSON() { return { type: 'Buffer', data: Array.from(this) }; }
  equals(o) { return this.length === o.length && this.every((x, i) => x === o[i]); }
  slice(s, e) { const u = this.subarray(s, e); return new Buffer(u.buffer, u.byteOffset, u.length); }
  write(s, off = 0) { const a = utf8Encode(s); this.set(a.slice(0, this.length - off), off); return Math.min(a.length, this.length - off); }
  [Symbol.for('nodejs.util.inspect.custom')]() {
    let s = ''; const n = Math.min(this.length, 50);
    for (let i = 0; i < n; i++) s += ' ' + HEX[this[i] >> 4] + HEX[this[i] & 15];
    const more = this.length > 50 ? ` ... ${this.length - 50} more bytes` : '';
    return `<Buffer${s}${more}>`;
  }
}
Buffer.fromHex = (h) => Buffer.from(h, 'hex');
module.exports = { Buffer, kMaxLength: 2 ** 32, constants: { MAX_LENGTH: 2 ** 32 } };
