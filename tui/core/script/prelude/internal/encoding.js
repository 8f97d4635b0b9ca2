'use strict';
// TextEncoder / TextDecoder (WHATWG Encoding) for engines without them:
// UTF-8 always; TextDecoder also 'utf-16le' and 'latin1' ('windows-1252' is
// treated as latin1). `fatal` and `ignoreBOM` are honoured for UTF-8.

const { codes } = require('internal/errors');

function utf8Encode(str) {
  str = String(str);
  const out = [];
  for (let i = 0; i < str.length; i++) {
    let c = str.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < str.length) {
      const d = str.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
      }
    }
    if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return new Uint8Array(out);
}

// Decode UTF-8 with WHATWG's replacement rules (maximal subpart -> one U+FFFD).
// Returns [string, consumed]; with `stream` an incomplete tail is left unconsumed.
function utf8Decode(bytes, fatal = false, stream = false) {
  let s = '';
  let i = 0;
  const n = bytes.length;
  const chunk = [];
  const flush = () => { s += String.fromCharCode.apply(null, chunk); chunk.length = 0; };
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) { chunk.push(b); i++; if (chunk.length > 8000) flush(); continue; }
    let need = 0; let cp = 0; let lo = 0x80; let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) { need = 1; cp = b & 0x1f; }
    else if (b >= 0xe0 && b <= 0xef) { need = 2; cp = b & 0xf; if (b === 0xe0) lo = 0xa0; if (b === 0xed) hi = 0x9f; }
    else if (b >= 0xf0 && b <= 0xf4) { need = 3; cp = b & 7; if (b === 0xf0) lo = 0x90; if (b === 0xf4) hi = 0x8f; }
    else {
      if (fatal) throw new codes.ERR_ENCODING_INVALID_ENCODED_DATA('utf-8');
      chunk.push(0xfffd); i++; continue;
    }
    let j = 1;
    let bad = false;
    for (; j <= need; j++) {
      if (i + j >= n) {
        if (stream) { flush(); return [s, i]; }
        bad = true; break;
      }
      const c = bytes[i + j];
      if (c < lo || c > hi) { bad = true; break; }
      lo = 0x80; hi = 0xbf;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (bad) {
      if (fatal) throw new codes.ERR_ENCODING_INVALID_ENCODED_DATA('utf-8');
      chunk.push(0xfffd); i += j; continue;
    }
    if (cp >= 0x10000) { cp -= 0x10000; chunk.push(0xd800 + (cp >> 10), 0xdc00 + (cp & 0x3ff)); }
    else chunk.push(cp);
    i += need + 1;
    if (chunk.length > 8000) flush();
  }
  flush();
  return [s, n];
}

function toBytes(input) {
  if (input === undefined) return new Uint8Array(0);
  if (input instanceof ArrayBuffer) return new Uint8Array(input);
  if (ArrayBuffer.isView(input)) return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  throw new codes.ERR_INVALID_ARG_TYPE('input', ['ArrayBuffer', 'ArrayBufferView'], input);
}

class TextEncoder {
  get encoding() { return 'utf-8'; }
  encode(input = '') { return utf8Encode(input); }
  encodeInto(src, dest) {
    let read = 0;
    let written = 0;
    // Copy whole code points only.
    for (const ch of String(src)) {
      const b = utf8Encode(ch);
      if (written + b.length > dest.length) break;
      dest.set(b, written);
      written += b.length;
      read += ch.length;
    }
    return { read, written };
  }
  get [Symbol.toStringTag]() { return 'TextEncoder'; }
}

const labels = {
  'utf-8': 'utf-8', utf8: 'utf-8', 'unicode-1-1-utf-8': 'utf-8',
  'utf-16le': 'utf-16le', 'utf-16': 'utf-16le',
  latin1: 'windows-1252', 'iso-8859-1': 'windows-1252', 'windows-1252': 'windows-1252',
  ascii: 'windows-1252', 'us-ascii': 'windows-1252',
};

class TextDecoder {
  #encoding; #fatal; #ignoreBOM; #pending = []; #bomSeen = false;
  constructor(encoding = 'utf-8', options = {}) {
    const enc = labels[String(encoding).trim().toLowerCase()];
    if (enc === undefined) throw new codes.ERR_ENCODING_NOT_SUPPORTED(encoding);
    this.#encoding = enc;
    this.#fatal = Boolean(options && options.fatal);
    this.#ignoreBOM = Boolean(options && options.ignoreBOM);
  }
  get encoding() { return this.#encoding; }
  get fatal() { return this.#fatal; }
  get ignoreBOM() { return this.#ignoreBOM; }
  decode(input = undefined, options = {}) {
    const stream = Boolean(options && options.stream);
    let bytes = toBytes(input);
    if (this.#pending.length) {
      const joined = new Uint8Array(this.#pending.length + bytes.length);
      joined.set(this.#pending);
      joined.set(bytes, this.#pending.length);
      bytes = joined;
      this.#pending = [];
    }
    let out;
    if (this.#encoding === 'utf-8') {
      const [s, used] = utf8Decode(bytes, this.#fatal, stream);
      this.#pending = Array.from(bytes.subarray(used));
      out = s;
    } else if (this.#encoding === 'utf-16le') {
      const even = stream ? bytes.length & ~1 : bytes.length;
      let s = '';
      for (let i = 0; i + 1 < even; i += 2) s += String.fromCharCode(bytes[i] | (bytes[i + 1] << 8));
      if (!stream && bytes.length & 1) s += '\ufffd';
      this.#pending = Array.from(bytes.subarray(even));
      out = s;
    } else {
      out = '';
      for (let i = 0; i < bytes.length; i++) out += String.fromCharCode(bytes[i]);
    }
    if (!this.#ignoreBOM && !this.#bomSeen && out.length) {
      if (out.charCodeAt(0) === 0xfeff && this.#encoding !== 'windows-1252') out = out.slice(1);
      this.#bomSeen = true;
    }
    if (!stream) this.#bomSeen = false;
    return out;
  }
  get [Symbol.toStringTag]() { return 'TextDecoder'; }
}

module.exports = { TextEncoder, TextDecoder, utf8Encode, utf8Decode };
