'use strict';
// node:string_decoder — StringDecoder keeps the bytes of an incomplete
// character (utf8, utf16le) or base64 group between write() calls; end()
// flushes them (an incomplete UTF-8 character becomes U+FFFD).

const { Buffer } = require('buffer');
const { codes } = require('internal/errors');
const { ERR_INVALID_ARG_TYPE, ERR_UNKNOWN_ENCODING } = codes;

// The decoder's state, laid out as node's native decoder (and shown by util.inspect):
// bytes 0-3 the incomplete character, 4 the bytes still missing, 5 the bytes buffered,
// 6 the encoding.
const kNativeDecoder = Symbol('kNativeDecoder');
const encodingIds = { ascii: 0, utf8: 1, base64: 2, utf16le: 3, latin1: 4, hex: 5, base64url: 7 };

function normalizeEncoding(enc) {
  const lower = `${enc ?? 'utf8'}`.toLowerCase();
  switch (lower) {
    case 'utf8': case 'utf-8': case '': return 'utf8';
    case 'ucs2': case 'ucs-2': case 'utf16le': case 'utf-16le': return 'utf16le';
    case 'latin1': case 'binary': return 'latin1';
    case 'base64': case 'base64url': case 'ascii': case 'hex': return lower;
    default: return undefined;
  }
}

function utf8CheckByte(byte) {
  if (byte <= 0x7F) return 0;
  if (byte >> 5 === 0x06) return 2;
  if (byte >> 4 === 0x0E) return 3;
  if (byte >> 3 === 0x1E) return 4;
  return (byte >> 6 === 0x02 ? -1 : -2);
}

class StringDecoder {
  constructor(encoding) {
    const normalized = normalizeEncoding(encoding);
    if (normalized === undefined) throw new ERR_UNKNOWN_ENCODING(encoding);
    this.encoding = normalized;
    this[kNativeDecoder] = Buffer.alloc(7);
    this[kNativeDecoder][6] = encodingIds[normalized];
  }

  get lastChar() { return this[kNativeDecoder].subarray(0, 4); }
  get lastNeed() { return this[kNativeDecoder][4]; }
  get lastTotal() { return this[kNativeDecoder][4] + this[kNativeDecoder][5]; }
  #setState(need, total) {
    this[kNativeDecoder][4] = need;
    this[kNativeDecoder][5] = total - need;
  }
  #setNeed(need) {
    this.#setState(need, this.lastTotal);
  }

  write(buf) {
    if (typeof buf === 'string') return buf;
    if (!ArrayBuffer.isView(buf)) {
      throw new ERR_INVALID_ARG_TYPE('buf', ['Buffer', 'TypedArray', 'DataView'], buf);
    }
    if (!Buffer.isBuffer(buf)) buf = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
    if (buf.length === 0) return '';
    if (!['utf8', 'utf16le', 'base64', 'base64url'].includes(this.encoding)) {
      return buf.toString(this.encoding);
    }
    let r;
    let i = 0;
    if (this.lastNeed) {
      r = this.#fillLast(buf);
      if (r === undefined) return '';
      i = this.lastNeed;
      this.#setState(0, 0);
    }
    if (i < buf.length) return r ? r + this.#text(buf, i) : this.#text(buf, i);
    return r || '';
  }

  end(buf) {
    let r = buf === undefined || buf.length === 0 ? '' : this.write(buf);
    if (this.lastNeed) {
      if (this.encoding === 'utf8') {
        r += '\ufffd';
      } else if (this.encoding === 'utf16le') {
        r += this.lastChar.toString('utf16le', 0, this.lastTotal - this.lastNeed);
      } else if (this.encoding === 'base64' || this.encoding === 'base64url') {
        r += this.lastChar.toString(this.encoding, 0, 3 - this.lastNeed);
      }
    }
    this.#setState(0, 0);
    return r;
  }

  text(buf, offset) {
    this.#setState(0, 0);
    return this.write(buf.subarray(offset));
  }

  #fillLast(buf) {
    const p = this.lastTotal - this.lastNeed;
    if (this.encoding === 'utf8') {
      if ((buf[0] & 0xC0) !== 0x80) {
        this.#setNeed(0);
        return '\ufffd';
      }
      if (this.lastNeed > 1 && buf.length > 1) {
        if ((buf[1] & 0xC0) !== 0x80) {
          this.#setNeed(1);
          return '\ufffd';
        }
        if (this.lastNeed > 2 && buf.length > 2 && (buf[2] & 0xC0) !== 0x80) {
          this.#setNeed(2);
          return '\ufffd';
        }
      }
    }
    if (this.lastNeed <= buf.length) {
      buf.copy(this.lastChar, p, 0, this.lastNeed);
      const enc = this.encoding;
      return this.lastChar.toString(enc, 0, this.lastTotal);
    }
    buf.copy(this.lastChar, p, 0, buf.length);
    this.#setNeed(this.lastNeed - buf.length);
    return undefined;
  }

  #text(buf, i) {
    if (this.encoding === 'utf8') {
      const total = this.#utf8CheckIncomplete(buf, i);
      if (!this.lastNeed) return buf.toString('utf8', i);
      this.#setState(this.lastNeed, total);
      const end = buf.length - (total - this.lastNeed);
      buf.copy(this.lastChar, 0, end);
      return buf.toString('utf8', i, end);
    }
    if (this.encoding === 'utf16le') {
      if ((buf.length - i) % 2 === 0) {
        const r = buf.toString('utf16le', i);
        if (r) {
          const c = r.charCodeAt(r.length - 1);
          if (c >= 0xD800 && c <= 0xDBFF) {
            this.#setState(2, 4);
            this.lastChar[0] = buf[buf.length - 2];
            this.lastChar[1] = buf[buf.length - 1];
            return r.slice(0, -1);
          }
        }
        return r;
      }
      this.#setState(1, 2);
      this.lastChar[0] = buf[buf.length - 1];
      return buf.toString('utf16le', i, buf.length - 1);
    }
    // base64 / base64url: whole 3-byte groups only.
    const n = (buf.length - i) % 3;
    if (n === 0) return buf.toString(this.encoding, i);
    this.#setState(3 - n, 3);
    if (n === 1) {
      this.lastChar[0] = buf[buf.length - 1];
    } else {
      this.lastChar[0] = buf[buf.length - 2];
      this.lastChar[1] = buf[buf.length - 1];
    }
    return buf.toString(this.encoding, i, buf.length - n);
  }

  #utf8CheckIncomplete(buf, i) {
    let j = buf.length - 1;
    if (j < i) return 0;
    let nb = utf8CheckByte(buf[j]);
    if (nb >= 0) {
      if (nb > 0) this.#setNeed(nb - 1);
      return nb;
    }
    if (--j < i || nb === -2) return 0;
    nb = utf8CheckByte(buf[j]);
    if (nb >= 0) {
      if (nb > 0) this.#setNeed(nb - 2);
      return nb;
    }
    if (--j < i || nb === -2) return 0;
    nb = utf8CheckByte(buf[j]);
    if (nb >= 0) {
      if (nb > 0) {
        if (nb === 2) nb = 0;
        else this.#setNeed(nb - 3);
      }
      return nb;
    }
    return 0;
  }
}

module.exports = { StringDecoder };
