'use strict';
// node:buffer — Buffer as a Uint8Array subclass (as node's FastBuffer), with
// the utf8 / hex / base64 / base64url / latin1 (binary) / ascii / utf16le
// (ucs2) encodings, node's argument checks and messages, and
// `<Buffer 68 69 ... n more bytes>` under util.inspect.

const { codes, validateNumber, validateString } = require('internal/errors');
const { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_OUT_OF_RANGE, ERR_UNKNOWN_ENCODING,
  ERR_BUFFER_OUT_OF_BOUNDS, ERR_INVALID_BUFFER_SIZE } = codes;
const { utf8Encode, utf8Decode } = require('internal/encoding');
const types = require('internal/types');

const customInspectSymbol = Symbol.for('nodejs.util.inspect.custom');
const kMaxLength = 2 ** 32;
const kStringMaxLength = 0x1fffffe8;
let INSPECT_MAX_BYTES = 50;

class FastBuffer extends Uint8Array {
  // eslint-disable-next-line no-useless-constructor
  constructor(bufferOrLength, byteOffset, length) {
    super(bufferOrLength, byteOffset, length);
  }
}

// The deprecated `Buffer(arg)` / `new Buffer(arg)` forms.
function Buffer(arg, encodingOrOffset, length) {
  if (typeof arg === 'number') {
    if (typeof encodingOrOffset === 'string') throw new ERR_INVALID_ARG_TYPE('string', 'string', arg);
    return Buffer.alloc(arg);
  }
  return Buffer.from(arg, encodingOrOffset, length);
}
FastBuffer.prototype.constructor = Buffer;
Buffer.prototype = FastBuffer.prototype;
Object.setPrototypeOf(Buffer, Uint8Array);
Object.defineProperty(Buffer, Symbol.species, { get() { return FastBuffer; }, configurable: true });

// ---- encodings --------------------------------------------------------------

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const B64REV = new Int16Array(256).fill(-1);
for (let i = 0; i < 64; i++) {
  B64REV[B64.charCodeAt(i)] = i;
  B64REV[B64URL.charCodeAt(i)] = i;
}

function base64Encode(bytes, alphabet, pad) {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    out += alphabet[n >> 18] + alphabet[(n >> 12) & 63] + alphabet[(n >> 6) & 63] + alphabet[n & 63];
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i] << 16;
    out += alphabet[n >> 18] + alphabet[(n >> 12) & 63] + (pad ? '==' : '');
  } else if (rest === 2) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8);
    out += alphabet[n >> 18] + alphabet[(n >> 12) & 63] + alphabet[(n >> 6) & 63] + (pad ? '=' : '');
  }
  return out;
}

// Lenient as node: either alphabet, skips other characters, stops at '='.
function base64Decode(str) {
  const out = [];
  let acc = 0;
  let bits = 0;
  for (let i = 0; i < str.length; i++) {
    const c = str.charCodeAt(i);
    if (c === 61) break; // '='
    const v = c < 256 ? B64REV[c] : -1;
    if (v === -1) continue;
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push((acc >> bits) & 0xff);
    }
  }
  return out;
}

function base64ByteLength(str, bytes) {
  if (str.charCodeAt(bytes - 1) === 0x3D) bytes--;
  if (bytes > 1 && str.charCodeAt(bytes - 1) === 0x3D) bytes--;
  return (bytes * 3) >>> 2;
}

function hexDecode(str) {
  const out = [];
  for (let i = 0; i + 1 < str.length; i += 2) {
    const byte = parseInt(str.slice(i, i + 2), 16);
    if (Number.isNaN(byte) || !/^[0-9a-fA-F]{2}$/.test(str.slice(i, i + 2))) break;
    out.push(byte);
  }
  return out;
}

function latin1Encode(str) {
  const out = new Array(str.length);
  for (let i = 0; i < str.length; i++) out[i] = str.charCodeAt(i) & 0xff;
  return out;
}

function utf16leEncode(str) {
  const out = new Array(str.length * 2);
  for (let i = 0; i < str.length; i++) {
    const c = str.charCodeAt(i);
    out[i * 2] = c & 0xff;
    out[i * 2 + 1] = c >> 8;
  }
  return out;
}

function fromCharCodes(bytes, start, end, mask) {
  let s = '';
  for (let i = start; i < end; i += 8192) {
    const chunk = bytes.subarray(i, Math.min(end, i + 8192));
    s += String.fromCharCode.apply(null, mask === 0xff ? chunk : Array.from(chunk, (b) => b & mask));
  }
  return s;
}

const hexTable = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

const encodingOps = {
  utf8: {
    encoding: 'utf8',
    byteLength: (s) => utf8Encode(s).length,
    write: (s) => utf8Encode(s),
    slice: (buf, start, end) => utf8Decode(buf.subarray(start, end))[0],
  },
  ucs2: {
    encoding: 'utf16le',
    byteLength: (s) => s.length * 2,
    write: utf16leEncode,
    slice: (buf, start, end) => {
      let s = '';
      for (let i = start; i + 1 < end; i += 2) s += String.fromCharCode(buf[i] | (buf[i + 1] << 8));
      return s;
    },
  },
  latin1: {
    encoding: 'latin1',
    byteLength: (s) => s.length,
    write: latin1Encode,
    slice: (buf, start, end) => fromCharCodes(buf, start, end, 0xff),
  },
  ascii: {
    encoding: 'ascii',
    byteLength: (s) => s.length,
    write: latin1Encode,
    slice: (buf, start, end) => fromCharCodes(buf, start, end, 0x7f),
  },
  base64: {
    encoding: 'base64',
    byteLength: (s) => base64ByteLength(s, s.length),
    write: base64Decode,
    slice: (buf, start, end) => base64Encode(buf.subarray(start, end), B64, true),
  },
  base64url: {
    encoding: 'base64url',
    byteLength: (s) => base64ByteLength(s, s.length),
    write: base64Decode,
    slice: (buf, start, end) => base64Encode(buf.subarray(start, end), B64URL, false),
  },
  hex: {
    encoding: 'hex',
    byteLength: (s) => s.length >>> 1,
    write: hexDecode,
    slice: (buf, start, end) => {
      let s = '';
      for (let i = start; i < end; i++) s += hexTable[buf[i]];
      return s;
    },
  },
};
const encodingAliases = {
  utf8: 'utf8', 'utf-8': 'utf8', ucs2: 'ucs2', 'ucs-2': 'ucs2', utf16le: 'ucs2', 'utf-16le': 'ucs2',
  latin1: 'latin1', binary: 'latin1', ascii: 'ascii', base64: 'base64', base64url: 'base64url', hex: 'hex',
};

function getEncodingOps(encoding) {
  const key = encodingAliases[`${encoding}`.toLowerCase()];
  return key === undefined ? undefined : encodingOps[key];
}

function normalizeEncoding(enc) {
  if (enc == null || enc === 'utf8' || enc === 'utf-8') return 'utf8';
  const ops = getEncodingOps(enc);
  return ops && ops.encoding;
}

// ---- construction -----------------------------------------------------------

function validateSize(size) {
  if (typeof size !== 'number') throw new ERR_INVALID_ARG_TYPE('size', 'number', size);
  if (!(size >= 0 && size <= kMaxLength)) throw new ERR_OUT_OF_RANGE('size', `>= 0 && <= ${kMaxLength}`, size);
}

function fromBytes(bytes) {
  const buf = new FastBuffer(bytes.length);
  buf.set(bytes);
  return buf;
}

function fromString(string, encoding) {
  let ops;
  if (typeof encoding !== 'string' || encoding.length === 0) {
    if (string.length === 0) return new FastBuffer();
    ops = encodingOps.utf8;
  } else {
    ops = getEncodingOps(encoding);
    if (ops === undefined) throw new ERR_UNKNOWN_ENCODING(encoding);
    if (string.length === 0) return new FastBuffer();
  }
  return fromBytes(ops.write(string));
}

function fromArrayBuffer(obj, byteOffset, length) {
  if (byteOffset === undefined) {
    byteOffset = 0;
  } else {
    byteOffset = +byteOffset;
    if (Number.isNaN(byteOffset)) byteOffset = 0;
  }
  const maxLength = obj.byteLength - byteOffset;
  if (maxLength < 0) throw new ERR_BUFFER_OUT_OF_BOUNDS('offset');
  if (length === undefined) {
    length = maxLength;
  } else {
    length = +length;
    if (length > 0) {
      if (length > maxLength) throw new ERR_BUFFER_OUT_OF_BOUNDS('length');
    } else {
      length = 0;
    }
  }
  return new FastBuffer(obj, byteOffset, length);
}

function fromArrayLike(obj) {
  if (obj.length <= 0) return new FastBuffer();
  const buf = new FastBuffer(obj.length);
  for (let i = 0; i < obj.length; i++) buf[i] = obj[i];
  return buf;
}

function fromObject(obj) {
  if (obj.length !== undefined || types.isAnyArrayBuffer(obj.buffer)) {
    if (typeof obj.length !== 'number') return new FastBuffer();
    return fromArrayLike(obj);
  }
  if (obj.type === 'Buffer' && Array.isArray(obj.data)) return fromArrayLike(obj.data);
}

const invalidFromType = (value) => new ERR_INVALID_ARG_TYPE('first argument',
  ['string', 'Buffer', 'ArrayBuffer', 'Array', 'Array-like Object'], value);

Buffer.from = function from(value, encodingOrOffset, length) {
  if (typeof value === 'string') return fromString(value, encodingOrOffset);
  if (typeof value === 'object' && value !== null) {
    if (types.isAnyArrayBuffer(value)) return fromArrayBuffer(value, encodingOrOffset, length);
    const valueOf = value.valueOf && value.valueOf();
    if (valueOf != null && valueOf !== value && (typeof valueOf === 'string' || typeof valueOf === 'object')) {
      return from(valueOf, encodingOrOffset, length);
    }
    const b = fromObject(value);
    if (b) return b;
    if (typeof value[Symbol.toPrimitive] === 'function') {
      const primitive = value[Symbol.toPrimitive]('string');
      if (typeof primitive === 'string') return fromString(primitive, encodingOrOffset);
    }
  }
  throw invalidFromType(value);
};

Buffer.of = function of(...items) {
  const buf = new FastBuffer(items.length);
  for (let k = 0; k < items.length; k++) buf[k] = items[k];
  return buf;
};

Buffer.alloc = function alloc(size, fill, encoding) {
  validateSize(size);
  if (fill !== undefined && fill !== 0 && size > 0) {
    const buf = new FastBuffer(size);
    return _fill(buf, fill, 0, buf.length, encoding);
  }
  return new FastBuffer(size);
};
Buffer.allocUnsafe = function allocUnsafe(size) {
  validateSize(size);
  return new FastBuffer(size);
};
Buffer.allocUnsafeSlow = function allocUnsafeSlow(size) {
  validateSize(size);
  return new FastBuffer(size);
};

Buffer.isBuffer = function isBuffer(b) {
  return b instanceof Buffer;
};

Buffer.compare = function compare(buf1, buf2) {
  if (!types.isUint8Array(buf1)) throw new ERR_INVALID_ARG_TYPE('buf1', ['Buffer', 'Uint8Array'], buf1);
  if (!types.isUint8Array(buf2)) throw new ERR_INVALID_ARG_TYPE('buf2', ['Buffer', 'Uint8Array'], buf2);
  if (buf1 === buf2) return 0;
  return compareBytes(buf1, 0, buf1.length, buf2, 0, buf2.length);
};

function compareBytes(a, aStart, aEnd, b, bStart, bEnd) {
  const n = Math.min(aEnd - aStart, bEnd - bStart);
  for (let i = 0; i < n; i++) {
    if (a[aStart + i] !== b[bStart + i]) return a[aStart + i] < b[bStart + i] ? -1 : 1;
  }
  const la = aEnd - aStart;
  const lb = bEnd - bStart;
  return la < lb ? -1 : la > lb ? 1 : 0;
}

Buffer.isEncoding = function isEncoding(encoding) {
  return typeof encoding === 'string' && encoding.length !== 0 && getEncodingOps(encoding) !== undefined;
};

Buffer.concat = function concat(list, length) {
  if (!Array.isArray(list)) throw new ERR_INVALID_ARG_TYPE('list', 'Array', list);
  if (list.length === 0) return new FastBuffer();
  if (length === undefined) {
    length = 0;
    for (let i = 0; i < list.length; i++) {
      if (list[i].length) length += list[i].length;
    }
  } else {
    validateOffset(length, 'length');
  }
  const buffer = Buffer.allocUnsafe(length);
  let pos = 0;
  for (let i = 0; i < list.length; i++) {
    const buf = list[i];
    if (!types.isUint8Array(buf)) {
      throw new ERR_INVALID_ARG_TYPE(`list[${i}]`, ['Buffer', 'Uint8Array'], list[i]);
    }
    pos += copyBytes(buf, buffer, pos, 0, buf.length);
  }
  if (pos < length) buffer.fill(0, pos, length);
  return buffer;
};

function byteLength(string, encoding) {
  if (typeof string !== 'string') {
    if (ArrayBuffer.isView(string) || types.isAnyArrayBuffer(string)) return string.byteLength;
    throw new ERR_INVALID_ARG_TYPE('string', ['string', 'Buffer', 'ArrayBuffer'], string);
  }
  const len = string.length;
  if (len === 0) return 0;
  if (encoding) {
    const ops = getEncodingOps(encoding);
    if (ops) return ops.byteLength(string);
  }
  return encodingOps.utf8.byteLength(string);
}
Buffer.byteLength = byteLength;
Buffer.poolSize = 8 * 1024;

// ---- prototype --------------------------------------------------------------

const proto = Buffer.prototype;

function validateOffset(value, name, min = 0, max = kMaxLength) {
  if (typeof value !== 'number') throw new ERR_INVALID_ARG_TYPE(name, 'number', value);
  if (!Number.isInteger(value)) throw new ERR_OUT_OF_RANGE(name, 'an integer', value);
  if (value < min || value > max) throw new ERR_OUT_OF_RANGE(name, `>= ${min} && <= ${max}`, value);
}

function copyBytes(source, target, targetStart, sourceStart, sourceEnd) {
  const n = Math.min(sourceEnd - sourceStart, target.length - targetStart);
  if (n <= 0) return 0;
  target.set(source.subarray(sourceStart, sourceStart + n), targetStart);
  return n;
}

proto.toString = function toString(encoding, start, end) {
  if (arguments.length === 0) return encodingOps.utf8.slice(this, 0, this.length);
  const len = this.length;
  if (start <= 0) start = 0;
  else if (start >= len) return '';
  else start = Math.trunc(start) || 0;
  if (end === undefined || end > len) end = len;
  else end = Math.trunc(end) || 0;
  if (end <= start) return '';
  if (encoding === undefined) return encodingOps.utf8.slice(this, start, end);
  const ops = getEncodingOps(encoding);
  if (ops === undefined) throw new ERR_UNKNOWN_ENCODING(encoding);
  return ops.slice(this, start, end);
};
proto.toLocaleString = proto.toString;

for (const [name, key] of [['utf8', 'utf8'], ['hex', 'hex'], ['base64', 'base64'], ['base64url', 'base64url'],
  ['latin1', 'latin1'], ['ascii', 'ascii'], ['ucs2', 'ucs2']]) {
  proto[`${name}Slice`] = function (start = 0, end = this.length) {
    return encodingOps[key].slice(this, start, end);
  };
  proto[`${name}Write`] = function (string, offset = 0, length = this.length - offset) {
    return writeBytes(this, encodingOps[key], string, offset, length);
  };
}

function writeBytes(buf, ops, string, offset, length) {
  let bytes = ops.write(string);
  const max = Math.min(length, buf.length - offset);
  if (bytes.length > max) {
    if (ops === encodingOps.utf8) {
      // Only whole characters.
      let n = max;
      while (n > 0 && (bytes[n] & 0xc0) === 0x80) n--;
      bytes = bytes.subarray(0, n);
    } else if (ops === encodingOps.ucs2) {
      bytes = bytes.slice(0, max - (max % 2));
    } else {
      bytes = bytes.slice(0, max);
    }
  }
  for (let i = 0; i < bytes.length; i++) buf[offset + i] = bytes[i];
  return bytes.length;
}

proto.write = function write(string, offset, length, encoding) {
  if (offset === undefined) return writeBytes(this, encodingOps.utf8, string, 0, this.length);
  if (length === undefined && typeof offset === 'string') {
    encoding = offset;
    length = this.length;
    offset = 0;
  } else {
    validateOffset(offset, 'offset', 0, this.length);
    const remaining = this.length - offset;
    if (length === undefined) {
      length = remaining;
    } else if (typeof length === 'string') {
      encoding = length;
      length = remaining;
    } else {
      validateOffset(length, 'length', 0, this.length);
      if (length > remaining) length = remaining;
    }
  }
  validateString(string, 'argument');
  if (!encoding || encoding === 'utf8') return writeBytes(this, encodingOps.utf8, string, offset, length);
  const ops = getEncodingOps(encoding);
  if (ops === undefined) throw new ERR_UNKNOWN_ENCODING(encoding);
  return writeBytes(this, ops, string, offset, length);
};

proto.toJSON = function toJSON() {
  if (this.length > 0) {
    const data = new Array(this.length);
    for (let i = 0; i < this.length; ++i) data[i] = this[i];
    return { type: 'Buffer', data };
  }
  return { type: 'Buffer', data: [] };
};

function adjustOffset(offset, length) {
  offset = Math.trunc(offset);
  if (offset === 0 || Number.isNaN(offset)) return 0;
  if (offset < 0) {
    offset += length;
    return offset > 0 ? offset : 0;
  }
  if (offset < length) return offset;
  return length;
}

// slice() shares memory, as subarray() (and unlike Uint8Array's slice()).
proto.subarray = function subarray(start, end) {
  const srcLength = this.length;
  start = adjustOffset(start, srcLength);
  end = end !== undefined ? adjustOffset(end, srcLength) : srcLength;
  const newLength = end > start ? end - start : 0;
  return new FastBuffer(this.buffer, this.byteOffset + start, newLength);
};
proto.slice = proto.subarray;

proto.equals = function equals(otherBuffer) {
  if (!types.isUint8Array(otherBuffer)) {
    throw new ERR_INVALID_ARG_TYPE('otherBuffer', ['Buffer', 'Uint8Array'], otherBuffer);
  }
  if (this === otherBuffer) return true;
  if (this.byteLength !== otherBuffer.byteLength) return false;
  return this.byteLength === 0 || compareBytes(this, 0, this.length, otherBuffer, 0, otherBuffer.length) === 0;
};

proto.compare = function compare(target, targetStart, targetEnd, sourceStart, sourceEnd) {
  if (!types.isUint8Array(target)) throw new ERR_INVALID_ARG_TYPE('target', ['Buffer', 'Uint8Array'], target);
  if (arguments.length === 1) return compareBytes(this, 0, this.length, target, 0, target.length);
  if (targetStart === undefined) targetStart = 0;
  else validateOffset(targetStart, 'targetStart');
  if (targetEnd === undefined) targetEnd = target.length;
  else validateOffset(targetEnd, 'targetEnd', 0, target.length);
  if (sourceStart === undefined) sourceStart = 0;
  else validateOffset(sourceStart, 'sourceStart');
  if (sourceEnd === undefined) sourceEnd = this.length;
  else validateOffset(sourceEnd, 'sourceEnd', 0, this.length);
  if (sourceStart >= sourceEnd) return (targetStart >= targetEnd ? 0 : -1);
  if (targetStart >= targetEnd) return 1;
  return compareBytes(this, sourceStart, sourceEnd, target, targetStart, targetEnd);
};

proto.copy = function copy(target, targetStart, sourceStart, sourceEnd) {
  if (!ArrayBuffer.isView(target)) throw new ERR_INVALID_ARG_TYPE('target', ['Buffer', 'Uint8Array'], target);
  if (targetStart === undefined) {
    targetStart = 0;
  } else {
    targetStart = toInteger(targetStart, 0);
    if (targetStart < 0) throw new ERR_OUT_OF_RANGE('targetStart', '>= 0', targetStart);
  }
  if (sourceStart === undefined) {
    sourceStart = 0;
  } else {
    sourceStart = toInteger(sourceStart, 0);
    if (sourceStart < 0 || sourceStart > this.length) {
      throw new ERR_OUT_OF_RANGE('sourceStart', `>= 0 && <= ${this.length}`, sourceStart);
    }
  }
  if (sourceEnd === undefined) {
    sourceEnd = this.length;
  } else {
    sourceEnd = toInteger(sourceEnd, 0);
    if (sourceEnd < 0) throw new ERR_OUT_OF_RANGE('sourceEnd', '>= 0', sourceEnd);
  }
  if (targetStart >= target.length || sourceStart >= sourceEnd) return 0;
  const dest = new Uint8Array(target.buffer, target.byteOffset, target.byteLength);
  sourceEnd = Math.min(sourceEnd, this.length);
  return copyBytes(this, dest, targetStart, sourceStart, sourceEnd);
};

function toInteger(n, defaultVal) {
  n = +n;
  if (!Number.isNaN(n) && n >= Number.MIN_SAFE_INTEGER && n <= Number.MAX_SAFE_INTEGER) {
    return ((n % 1) === 0 ? n : Math.floor(n));
  }
  return defaultVal;
}

function _fill(buf, value, offset, end, encoding) {
  if (typeof value === 'string') {
    if (offset === undefined || typeof offset === 'string') {
      encoding = offset;
      offset = 0;
      end = buf.length;
    } else if (typeof end === 'string') {
      encoding = end;
      end = buf.length;
    }
    const normalizedEncoding = normalizeEncoding(encoding);
    if (normalizedEncoding === undefined) {
      validateString(encoding, 'encoding');
      throw new ERR_UNKNOWN_ENCODING(encoding);
    }
    if (value.length === 0) {
      value = 0;
    } else if (value.length === 1) {
      if (normalizedEncoding === 'utf8') {
        const code = value.charCodeAt(0);
        if (code < 128) value = code;
      } else if (normalizedEncoding === 'latin1') {
        value = value.charCodeAt(0);
      }
    }
  } else {
    encoding = undefined;
  }
  if (offset === undefined) {
    offset = 0;
    end = buf.length;
  } else {
    validateOffset(offset, 'offset');
    if (end === undefined) end = buf.length;
    else validateOffset(end, 'end', 0, buf.length);
    if (offset >= end) return buf;
  }
  if (typeof value === 'number') {
    Uint8Array.prototype.fill.call(buf, value & 255, offset, end);
  } else if (typeof value === 'boolean') {
    Uint8Array.prototype.fill.call(buf, Number(value), offset, end);
  } else {
    let bytes;
    if (typeof value === 'string') bytes = getEncodingOps(encoding || 'utf8').write(value);
    else if (ArrayBuffer.isView(value)) bytes = new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
    else bytes = [Number(value) & 255];
    if (bytes.length === 0) throw new ERR_INVALID_ARG_VALUE('value', value);
    for (let i = offset, j = 0; i < end; i++, j = (j + 1) % bytes.length) buf[i] = bytes[j];
  }
  return buf;
}
proto.fill = function fill(value, offset, end, encoding) {
  return _fill(this, value, offset, end, encoding);
};

function bidirectionalIndexOf(buffer, val, byteOffset, encoding, dir) {
  if (typeof byteOffset === 'string') {
    encoding = byteOffset;
    byteOffset = undefined;
  } else if (byteOffset > 0x7fffffff) {
    byteOffset = 0x7fffffff;
  } else if (byteOffset < -0x80000000) {
    byteOffset = -0x80000000;
  }
  byteOffset = +byteOffset;
  if (Number.isNaN(byteOffset)) byteOffset = dir ? 0 : (buffer.length || buffer.byteLength);
  let needle;
  if (typeof val === 'number') {
    needle = [val >>> 0 & 255];
  } else if (typeof val === 'string') {
    const ops = encoding === undefined ? encodingOps.utf8 : getEncodingOps(encoding);
    if (ops === undefined) throw new ERR_UNKNOWN_ENCODING(encoding);
    needle = ops.write(val);
    if (needle.length === 0) {
      // An empty string is found at the (clamped) offset.
      const len = buffer.length;
      let off = byteOffset < 0 ? Math.max(len + byteOffset, 0) : byteOffset;
      if (off > len) off = dir ? len : len;
      return dir ? (off <= len ? off : -1) : Math.min(off, len);
    }
  } else if (types.isUint8Array(val)) {
    needle = val;
  } else {
    throw new ERR_INVALID_ARG_TYPE('value', ['number', 'string', 'Buffer', 'Uint8Array'], val);
  }
  if (needle.length === 0) return -1;
  const len = buffer.length;
  let start = byteOffset < 0 ? len + byteOffset : byteOffset;
  if (dir) {
    if (start < 0) start = 0;
    for (let i = start; i <= len - needle.length; i++) if (matchAt(buffer, needle, i)) return i;
  } else {
    if (start < 0) return -1;
    for (let i = Math.min(start, len - needle.length); i >= 0; i--) if (matchAt(buffer, needle, i)) return i;
  }
  return -1;
}

function matchAt(buf, needle, at) {
  for (let j = 0; j < needle.length; j++) if (buf[at + j] !== needle[j]) return false;
  return true;
}

proto.indexOf = function indexOf(val, byteOffset, encoding) {
  return bidirectionalIndexOf(this, val, byteOffset, encoding, true);
};
proto.lastIndexOf = function lastIndexOf(val, byteOffset, encoding) {
  return bidirectionalIndexOf(this, val, byteOffset, encoding, false);
};
proto.includes = function includes(val, byteOffset, encoding) {
  return this.indexOf(val, byteOffset, encoding) !== -1;
};

function swap(b, n, m) {
  const i = b[n];
  b[n] = b[m];
  b[m] = i;
}
for (const size of [16, 32, 64]) {
  const bytes = size / 8;
  proto[`swap${size}`] = function () {
    const len = this.length;
    if (len % bytes !== 0) throw new ERR_INVALID_BUFFER_SIZE(`${size}-bits`);
    for (let i = 0; i < len; i += bytes) {
      for (let j = 0; j < bytes / 2; j++) swap(this, i + j, i + bytes - 1 - j);
    }
    return this;
  };
}

// ---- numbers ----------------------------------------------------------------

function boundsError(value, length, type) {
  if (Math.floor(value) !== value) {
    validateNumber(value, type);
    throw new ERR_OUT_OF_RANGE(type || 'offset', 'an integer', value);
  }
  if (length < 0) throw new ERR_BUFFER_OUT_OF_BOUNDS();
  throw new ERR_OUT_OF_RANGE(type || 'offset', `>= ${type ? 1 : 0} and <= ${length}`, value);
}

function checkRead(buf, offset, byteLength) {
  validateNumber(offset, 'offset');
  if (buf[offset] === undefined || buf[offset + byteLength - 1] === undefined) {
    boundsError(offset, buf.length - byteLength);
  }
}

function readInt(buf, offset, byteLength, le, signed) {
  checkRead(buf, offset, byteLength);
  let value = 0;
  for (let i = 0; i < byteLength; i++) {
    value += buf[offset + (le ? i : byteLength - 1 - i)] * 2 ** (8 * i);
  }
  if (signed && value >= 2 ** (8 * byteLength - 1)) value -= 2 ** (8 * byteLength);
  return value;
}

function checkInt(value, min, max, buf, offset, byteLength) {
  if (value > max || value < min) {
    const n = typeof min === 'bigint' ? 'n' : '';
    let range;
    if (byteLength > 3) {
      if (min === 0 || min === 0n) {
        range = `>= 0${n} and < 2${n} ** ${(byteLength + 1) * 8}${n}`;
      } else {
        range = `>= -(2${n} ** ${(byteLength + 1) * 8 - 1}${n}) and < 2${n} ** ${(byteLength + 1) * 8 - 1}${n}`;
      }
    } else {
      range = `>= ${min}${n} and <= ${max}${n}`;
    }
    throw new ERR_OUT_OF_RANGE('value', range, value);
  }
  validateNumber(offset, 'offset');
  if (buf[offset] === undefined || buf[offset + byteLength] === undefined) {
    boundsError(offset, buf.length - (byteLength + 1));
  }
}

function writeInt(buf, value, offset, byteLength, le, signed) {
  value = +value;
  const bits = 8 * byteLength;
  const min = signed ? -(2 ** (bits - 1)) : 0;
  const max = signed ? 2 ** (bits - 1) - 1 : 2 ** bits - 1;
  if (byteLength === 1) {
    validateNumber(offset, 'offset');
    if (value > max || value < min) throw new ERR_OUT_OF_RANGE('value', `>= ${min} and <= ${max}`, value);
    if (buf[offset] === undefined) boundsError(offset, buf.length - 1);
  } else {
    checkInt(value, min, max, buf, offset, byteLength - 1);
  }
  let v = Math.trunc(value);
  if (v < 0) v += 2 ** bits;
  for (let i = 0; i < byteLength; i++) {
    buf[offset + (le ? i : byteLength - 1 - i)] = v % 256;
    v = Math.floor(v / 256);
  }
  return offset + byteLength;
}

const fixed = [[8, 1], [16, 2], [32, 4]];
for (const [bits, size] of fixed) {
  for (const [end, le] of (size === 1 ? [['', true]] : [['LE', true], ['BE', false]])) {
    for (const [u, signed] of [['U', false], ['', true]]) {
      const name = `${u}Int${bits}${end}`;
      proto[`read${name}`] = function (offset = 0) { return readInt(this, offset, size, le, signed); };
      proto[`write${name}`] = function (value, offset = 0) { return writeInt(this, value, offset, size, le, signed); };
      if (u) {
        proto[`readUint${bits}${end}`] = proto[`read${name}`];
        proto[`writeUint${bits}${end}`] = proto[`write${name}`];
      }
    }
  }
}

function checkByteLength(byteLength) {
  if (byteLength === undefined) throw new ERR_INVALID_ARG_TYPE('byteLength', 'number', byteLength);
  validateNumber(byteLength, 'byteLength');
  if (!Number.isInteger(byteLength) || byteLength < 1 || byteLength > 6) {
    boundsError(byteLength, 6, 'byteLength');
  }
}
for (const [end, le] of [['LE', true], ['BE', false]]) {
  for (const [u, signed] of [['U', false], ['', true]]) {
    proto[`read${u}Int${end}`] = function (offset, byteLength) {
      if (offset === undefined) throw new ERR_INVALID_ARG_TYPE('offset', 'number', offset);
      checkByteLength(byteLength);
      return readInt(this, offset, byteLength, le, signed);
    };
    proto[`write${u}Int${end}`] = function (value, offset, byteLength) {
      checkByteLength(byteLength);
      return writeInt(this, value, offset, byteLength, le, signed);
    };
    if (u) {
      proto[`readUint${end}`] = proto[`read${u}Int${end}`];
      proto[`writeUint${end}`] = proto[`write${u}Int${end}`];
    }
  }
}

function view(buf) {
  return new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
}
for (const [name, size, get, set] of [['Float', 4, 'getFloat32', 'setFloat32'], ['Double', 8, 'getFloat64', 'setFloat64']]) {
  for (const [end, le] of [['LE', true], ['BE', false]]) {
    proto[`read${name}${end}`] = function (offset = 0) {
      checkRead(this, offset, size);
      return view(this)[get](offset, le);
    };
    proto[`write${name}${end}`] = function (value, offset = 0) {
      value = +value;
      validateNumber(offset, 'offset');
      if (this[offset] === undefined || this[offset + size - 1] === undefined) {
        boundsError(offset, this.length - size);
      }
      view(this)[set](offset, value, le);
      return offset + size;
    };
  }
}

for (const [u, signed] of [['U', false], ['', true]]) {
  for (const [end, le] of [['LE', true], ['BE', false]]) {
    proto[`readBig${u}Int64${end}`] = function (offset = 0) {
      checkRead(this, offset, 8);
      return view(this)[signed ? 'getBigInt64' : 'getBigUint64'](offset, le);
    };
    proto[`writeBig${u}Int64${end}`] = function (value, offset = 0) {
      const min = signed ? -(2n ** 63n) : 0n;
      const max = signed ? 2n ** 63n - 1n : 2n ** 64n - 1n;
      if (typeof value !== 'bigint') throw new ERR_INVALID_ARG_TYPE('value', 'bigint', value);
      checkInt(value, min, max, this, offset, 7);
      view(this)[signed ? 'setBigInt64' : 'setBigUint64'](offset, value, le);
      return offset + 8;
    };
    if (u) {
      proto[`readBigUint64${end}`] = proto[`readBigUInt64${end}`];
      proto[`writeBigUint64${end}`] = proto[`writeBigUInt64${end}`];
    }
  }
}

// ---- inspect ----------------------------------------------------------------

proto[customInspectSymbol] = function inspect(recurseTimes, ctx) {
  const max = INSPECT_MAX_BYTES;
  const actualMax = Math.min(max, this.length);
  const remaining = this.length - max;
  let str = encodingOps.hex.slice(this, 0, actualMax).replace(/(.{2})/g, '$1 ').trim();
  if (remaining > 0) str += ` ... ${remaining} more byte${remaining > 1 ? 's' : ''}`;
  if (ctx) {
    let extras = false;
    const obj = { __proto__: null };
    for (const key of Reflect.ownKeys(this)) {
      if (typeof key === 'string' && /^(0|[1-9][0-9]*)$/.test(key)) continue;
      if (!ctx.showHidden && !Object.prototype.propertyIsEnumerable.call(this, key)) continue;
      extras = true;
      obj[key] = this[key];
    }
    if (extras) {
      if (this.length !== 0) str += ', ';
      str += require('internal/inspect').inspect(obj, { ...ctx, breakLength: Infinity, compact: true }).slice(27, -2);
    }
  }
  return `<${this.constructor.name} ${str}>`;
};
proto.inspect = proto[customInspectSymbol];

// ---- Blob / File ------------------------------------------------------------

function blobBytes(sources, bytesOf) {
  const chunks = [];
  for (const source of sources) {
    if (source instanceof Blob) chunks.push(bytesOf(source));
    else if (types.isAnyArrayBuffer(source)) chunks.push(new Uint8Array(source.slice(0)));
    else if (ArrayBuffer.isView(source)) chunks.push(new Uint8Array(source.buffer.slice(source.byteOffset, source.byteOffset + source.byteLength)));
    else chunks.push(utf8Encode(`${source}`));
  }
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let pos = 0;
  for (const c of chunks) {
    out.set(c, pos);
    pos += c.length;
  }
  return out;
}

function blobType(type) {
  type = type === undefined ? '' : `${type}`;
  return /^[\x20-\x7e]*$/.test(type) ? type.toLowerCase() : '';
}

class Blob {
  #bytes;
  #type;
  constructor(sources = [], options = undefined) {
    if (sources === null || typeof sources[Symbol.iterator] !== 'function' || typeof sources === 'string') {
      throw new ERR_INVALID_ARG_TYPE('sources', 'a sequence', sources);
    }
    this.#bytes = blobBytes(sources, (blob) => blob.#bytes);
    this.#type = blobType(options && options.type);
  }
  get size() { return this.#bytes.length; }
  get type() { return this.#type; }
  slice(start = 0, end = this.size, contentType = '') {
    const size = this.size;
    const clamp = (n) => (n < 0 ? Math.max(size + n, 0) : Math.min(n, size));
    const blob = new Blob();
    blob.#bytes = this.#bytes.slice(clamp(start), Math.max(clamp(start), clamp(end)));
    blob.#type = blobType(contentType);
    return blob;
  }
  async text() { return utf8Decode(this.#bytes)[0]; }
  async arrayBuffer() { return this.#bytes.slice().buffer; }
  stream() {
    if (typeof globalThis.ReadableStream !== 'function') {
      throw new codes.ERR_METHOD_NOT_IMPLEMENTED('stream()');
    }
    const bytes = this.#bytes;
    return new globalThis.ReadableStream({ start(c) { c.enqueue(bytes.slice()); c.close(); } });
  }
  [customInspectSymbol](depth, options) {
    if (depth < 0) return this;
    const opts = { ...options, depth: options.depth == null ? null : options.depth - 1 };
    return `${this.constructor.name} ${require('internal/inspect').inspect(this.#fields(), opts)}`;
  }
  #fields() {
    const out = { size: this.size, type: this.type };
    if (this instanceof File) Object.assign(out, { name: this.name, lastModified: this.lastModified });
    return out;
  }
}
Object.defineProperty(Blob.prototype, Symbol.toStringTag, { value: 'Blob', configurable: true });

class File extends Blob {
  #name;
  #lastModified;
  constructor(fileBits, fileName, options = {}) {
    if (arguments.length < 2) throw new codes.ERR_MISSING_ARGS('fileBits', 'fileName');
    super(fileBits, options);
    this.#name = `${fileName}`;
    this.#lastModified = options && options.lastModified !== undefined ? Number(options.lastModified) : Date.now();
  }
  get name() { return this.#name; }
  get lastModified() { return this.#lastModified; }
}
Object.defineProperty(File.prototype, Symbol.toStringTag, { value: 'File', configurable: true });

// ---- module -----------------------------------------------------------------

function btoa(input) {
  if (arguments.length === 0) throw new codes.ERR_MISSING_ARGS('input');
  input = `${input}`;
  for (let n = 0; n < input.length; n++) {
    if (input.charCodeAt(n) > 0xff) {
      const { DOMException } = require('internal/abort');
      throw new DOMException('Invalid character', 'InvalidCharacterError');
    }
  }
  return base64Encode(latin1Encode(input), B64, true);
}

function atob(input) {
  if (arguments.length === 0) throw new codes.ERR_MISSING_ARGS('input');
  input = `${input}`.replace(/[\t\n\f\r ]/g, '');
  if (input.length % 4 === 0) input = input.replace(/==?$/, '');
  if (input.length % 4 === 1 || /[^+/0-9A-Za-z]/.test(input)) {
    const { DOMException } = require('internal/abort');
    throw new DOMException('Invalid character', 'InvalidCharacterError');
  }
  return String.fromCharCode(...base64Decode(input));
}

function isUtf8(input) {
  const bytes = ArrayBuffer.isView(input) ? new Uint8Array(input.buffer, input.byteOffset, input.byteLength)
    : new Uint8Array(input);
  try {
    utf8Decode(bytes, true);
    return true;
  } catch {
    return false;
  }
}

function isAscii(input) {
  const bytes = ArrayBuffer.isView(input) ? new Uint8Array(input.buffer, input.byteOffset, input.byteLength)
    : new Uint8Array(input);
  return bytes.every((b) => b < 0x80);
}

module.exports = {
  Buffer,
  SlowBuffer: Buffer.allocUnsafeSlow,
  transcode: undefined,
  isUtf8,
  isAscii,
  kMaxLength,
  kStringMaxLength,
  btoa: globalThis.btoa || btoa,
  atob: globalThis.atob || atob,
  constants: { MAX_LENGTH: kMaxLength, MAX_STRING_LENGTH: kStringMaxLength },
  Blob,
  File,
};
delete module.exports.transcode;
Object.defineProperty(module.exports, 'INSPECT_MAX_BYTES', {
  configurable: true,
  enumerable: true,
  get() { return INSPECT_MAX_BYTES; },
  set(val) {
    validateNumber(val, 'INSPECT_MAX_BYTES', 0);
    INSPECT_MAX_BYTES = val;
  },
});
