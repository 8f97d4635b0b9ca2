'use strict';
// WHATWG URL and URLSearchParams (QuickJS-ng has neither): the URL Standard's
// basic URL parser as a state machine (with state overrides for the setters),
// host parsing (domains, IPv4, IPv6, opaque hosts; punycode for non-ASCII
// labels, with lower-casing and NFC in place of the full UTS #46 mapping),
// the serializers, and node v20's inspect output for both classes.

const { codes } = require('internal/errors');
const { ERR_INVALID_URL, ERR_MISSING_ARGS, ERR_INVALID_TUPLE, ERR_ARG_NOT_ITERABLE,
  ERR_INVALID_THIS, ERR_INVALID_ARG_TYPE } = codes;
const { utf8Encode, utf8Decode } = require('internal/encoding');

const customInspect = Symbol.for('nodejs.util.inspect.custom');
const lazyInspect = () => require('internal/inspect').inspect;

const special = { 'ftp:': 21, 'file:': null, 'http:': 80, 'https:': 443, 'ws:': 80, 'wss:': 443 };
const isSpecialScheme = (scheme) => Object.prototype.hasOwnProperty.call(special, `${scheme}:`);
const defaultPort = (scheme) => special[`${scheme}:`];

// ---- percent-encoding ---------------------------------------------------------

const c0 = (c) => c < 0x20 || c > 0x7e;
const inSet = (chars) => {
  const set = new Set([...chars].map((ch) => ch.charCodeAt(0)));
  return (c) => set.has(c);
};
const fragmentExtra = inSet(' "<>`');
const queryExtra = inSet(' "#<>');
const pathExtra = inSet('?`{}');
const userinfoExtra = inSet('/:;=@[\\]^|');
const componentExtra = inSet('$%&+,');
const formExtra = inSet("!'()~");
const sets = {
  c0,
  fragment: (c) => c0(c) || fragmentExtra(c),
  query: (c) => c0(c) || queryExtra(c),
  specialQuery: (c) => c0(c) || queryExtra(c) || c === 0x27,
  path: (c) => c0(c) || queryExtra(c) || pathExtra(c),
};
sets.userinfo = (c) => sets.path(c) || userinfoExtra(c);
sets.component = (c) => sets.userinfo(c) || componentExtra(c);
sets.form = (c) => sets.component(c) || formExtra(c);

const hex2 = (b) => `%${b < 16 ? '0' : ''}${b.toString(16).toUpperCase()}`;

function percentEncode(str, inEncodeSet, spaceAsPlus = false) {
  let out = '';
  for (const ch of str) {
    const cp = ch.codePointAt(0);
    if (spaceAsPlus && cp === 0x20) {
      out += '+';
    } else if (cp < 0x80 && !inEncodeSet(cp)) {
      out += ch;
    } else {
      for (const b of utf8Encode(ch)) out += hex2(b);
    }
  }
  return out;
}

const isHex = (c) => (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);

function percentDecodeBytes(bytes) {
  const out = [];
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 0x25 && i + 2 < bytes.length && isHex(bytes[i + 1]) && isHex(bytes[i + 2])) {
      out.push(parseInt(String.fromCharCode(bytes[i + 1], bytes[i + 2]), 16));
      i += 2;
    } else {
      out.push(b);
    }
  }
  return new Uint8Array(out);
}
const percentDecode = (str) => percentDecodeBytes(utf8Encode(str));
const utf8 = (bytes) => utf8Decode(bytes)[0];

// ---- hosts --------------------------------------------------------------------

const forbiddenHost = inSet('\0\t\n\r #/:<>?@[\\]^|');
const forbiddenDomain = (c) => forbiddenHost(c) || c0(c) || c === 0x25 || c === 0x7f;

function parseIPv4Number(input) {
  if (input === '') return NaN;
  let radix = 10;
  if (input.length >= 2 && input[0] === '0' && (input[1] === 'x' || input[1] === 'X')) {
    input = input.slice(2);
    radix = 16;
  } else if (input.length >= 2 && input[0] === '0') {
    input = input.slice(1);
    radix = 8;
  }
  if (input === '') return 0;
  const re = radix === 10 ? /^[0-9]+$/ : radix === 16 ? /^[0-9a-fA-F]+$/ : /^[0-7]+$/;
  if (!re.test(input)) return NaN;
  return parseInt(input, radix);
}

function endsInANumber(input) {
  const parts = input.split('.');
  if (parts[parts.length - 1] === '') {
    if (parts.length === 1) return false;
    parts.pop();
  }
  const last = parts[parts.length - 1];
  if (last !== '' && /^[0-9]+$/.test(last)) return true;
  return !Number.isNaN(parseIPv4Number(last)) && /^0[xX]/.test(last);
}

function parseIPv4(input) {
  const parts = input.split('.');
  if (parts[parts.length - 1] === '' && parts.length > 1) parts.pop();
  if (parts.length > 4) return null;
  const numbers = [];
  for (const part of parts) {
    const n = parseIPv4Number(part);
    if (Number.isNaN(n)) return null;
    numbers.push(n);
  }
  for (let i = 0; i < numbers.length - 1; i++) if (numbers[i] > 255) return null;
  if (numbers[numbers.length - 1] >= 256 ** (5 - numbers.length)) return null;
  let ipv4 = numbers[numbers.length - 1];
  for (let i = 0; i < numbers.length - 1; i++) ipv4 += numbers[i] * 256 ** (3 - i);
  return ipv4;
}

function serializeIPv4(n) {
  const out = [];
  for (let i = 0; i < 4; i++) {
    out.unshift(String(n % 256));
    n = Math.floor(n / 256);
  }
  return out.join('.');
}

function parseIPv6(input) {
  const address = [0, 0, 0, 0, 0, 0, 0, 0];
  let pieceIndex = 0;
  let compress = null;
  let pointer = 0;
  const cp = (i) => input.charCodeAt(i);
  const hexValue = (c) => parseInt(String.fromCharCode(c), 16);
  if (cp(pointer) === 0x3a) {
    if (cp(pointer + 1) !== 0x3a) return null;
    pointer += 2;
    pieceIndex++;
    compress = pieceIndex;
  }
  while (pointer < input.length) {
    if (pieceIndex === 8) return null;
    if (cp(pointer) === 0x3a) {
      if (compress !== null) return null;
      pointer++;
      pieceIndex++;
      compress = pieceIndex;
      continue;
    }
    let value = 0;
    let length = 0;
    while (length < 4 && isHex(cp(pointer))) {
      value = value * 0x10 + hexValue(cp(pointer));
      pointer++;
      length++;
    }
    if (cp(pointer) === 0x2e) {
      if (length === 0) return null;
      pointer -= length;
      if (pieceIndex > 6) return null;
      let numbersSeen = 0;
      while (pointer < input.length) {
        let ipv4Piece = null;
        if (numbersSeen > 0) {
          if (cp(pointer) === 0x2e && numbersSeen < 4) pointer++;
          else return null;
        }
        const digit = (c) => c >= 0x30 && c <= 0x39;
        if (!digit(cp(pointer))) return null;
        while (digit(cp(pointer))) {
          const number = cp(pointer) - 0x30;
          if (ipv4Piece === null) ipv4Piece = number;
          else if (ipv4Piece === 0) return null;
          else ipv4Piece = ipv4Piece * 10 + number;
          if (ipv4Piece > 255) return null;
          pointer++;
        }
        address[pieceIndex] = address[pieceIndex] * 0x100 + ipv4Piece;
        numbersSeen++;
        if (numbersSeen === 2 || numbersSeen === 4) pieceIndex++;
      }
      if (numbersSeen !== 4) return null;
      break;
    } else if (cp(pointer) === 0x3a) {
      pointer++;
      if (pointer >= input.length) return null;
    } else if (pointer < input.length) {
      return null;
    }
    address[pieceIndex] = value;
    pieceIndex++;
  }
  if (compress !== null) {
    let swaps = pieceIndex - compress;
    pieceIndex = 7;
    while (pieceIndex !== 0 && swaps > 0) {
      const tmp = address[compress + swaps - 1];
      address[compress + swaps - 1] = address[pieceIndex];
      address[pieceIndex] = tmp;
      pieceIndex--;
      swaps--;
    }
  } else if (pieceIndex !== 8) {
    return null;
  }
  return address;
}

function serializeIPv6(address) {
  let bestStart = null;
  let bestLen = 1;
  for (let i = 0; i < 8;) {
    if (address[i] !== 0) { i++; continue; }
    let j = i;
    while (j < 8 && address[j] === 0) j++;
    if (j - i > bestLen) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  let out = '';
  let ignore0 = false;
  for (let i = 0; i < 8; i++) {
    if (ignore0 && address[i] === 0) continue;
    ignore0 = false;
    if (bestStart === i) {
      out += i === 0 ? '::' : ':';
      ignore0 = true;
      continue;
    }
    out += address[i].toString(16);
    if (i !== 7) out += ':';
  }
  return `[${out}]`;
}

// RFC 3492 punycode for one label.
function punycodeEncode(input) {
  const cps = [...input].map((ch) => ch.codePointAt(0));
  const base = 36; const tMin = 1; const tMax = 26; const skew = 38; const damp = 700;
  let n = 128; let delta = 0; let bias = 72;
  let output = cps.filter((c) => c < 128).map((c) => String.fromCharCode(c)).join('');
  const b = output.length;
  let h = b;
  if (b > 0) output += '-';
  const digit = (d) => String.fromCharCode(d + 22 + 75 * (d < 26));
  const adapt = (d, numPoints, first) => {
    let k = 0;
    d = first ? Math.floor(d / damp) : d >> 1;
    d += Math.floor(d / numPoints);
    for (; d > ((base - tMin) * tMax) >> 1; k += base) d = Math.floor(d / (base - tMin));
    return Math.floor(k + ((base - tMin + 1) * d) / (d + skew));
  };
  while (h < cps.length) {
    const m = Math.min(...cps.filter((c) => c >= n));
    delta += (m - n) * (h + 1);
    n = m;
    for (const c of cps) {
      if (c < n) delta++;
      if (c === n) {
        let q = delta;
        for (let k = base; ; k += base) {
          const t = k <= bias ? tMin : k >= bias + tMax ? tMax : k - bias;
          if (q < t) break;
          output += digit(t + ((q - t) % (base - t)));
          q = Math.floor((q - t) / (base - t));
        }
        output += digit(q);
        bias = adapt(delta, h + 1, h === b);
        delta = 0;
        h++;
      }
    }
    delta++;
    n++;
  }
  return output;
}

function punycodeDecode(input) {
  const base = 36; const tMin = 1; const tMax = 26; const skew = 38; const damp = 700;
  const output = [];
  let basic = input.lastIndexOf('-');
  if (basic < 0) basic = 0;
  for (let j = 0; j < basic; j++) output.push(input.charCodeAt(j));
  let n = 128; let bias = 72; let i = 0;
  const adapt = (d, numPoints, first) => {
    let k = 0;
    d = first ? Math.floor(d / damp) : d >> 1;
    d += Math.floor(d / numPoints);
    for (; d > ((base - tMin) * tMax) >> 1; k += base) d = Math.floor(d / (base - tMin));
    return Math.floor(k + ((base - tMin + 1) * d) / (d + skew));
  };
  for (let index = basic > 0 ? basic + 1 : 0; index < input.length;) {
    const oldi = i;
    for (let w = 1, k = base; ; k += base) {
      if (index >= input.length) return null;
      const c = input.charCodeAt(index++);
      const d = c - 48 < 10 ? c - 22 : c - 65 < 26 ? c - 65 : c - 97 < 26 ? c - 97 : base;
      if (d >= base) return null;
      i += d * w;
      const t = k <= bias ? tMin : k >= bias + tMax ? tMax : k - bias;
      if (d < t) break;
      w *= base - t;
    }
    bias = adapt(i - oldi, output.length + 1, oldi === 0);
    n += Math.floor(i / (output.length + 1));
    i %= output.length + 1;
    output.splice(i++, 0, n);
  }
  return String.fromCodePoint(...output);
}

function domainToASCII(domain) {
  // UTS #46 approximated: map dots, lower-case, NFC; punycode non-ASCII labels.
  domain = domain.replace(/[\u3002\uff0e\uff61]/g, '.').normalize('NFC').toLowerCase();
  const labels = domain.split('.').map((label) => {
    // eslint-disable-next-line no-control-regex
    if (/^[\x00-\x7f]*$/.test(label)) return label;
    if (label.startsWith('xn--')) return '%';  // not valid: makes the host fail
    return `xn--${punycodeEncode(label)}`;
  });
  return labels.join('.');
}

function domainToUnicodeString(domain) {
  return domain.split('.').map((label) => {
    if (/^xn--/i.test(label)) {
      const decoded = punycodeDecode(label.slice(4).toLowerCase());
      return decoded === null ? label : decoded;
    }
    return label.toLowerCase();
  }).join('.');
}

const FAILURE = Symbol('failure');

function parseHost(input, isNotSpecial) {
  if (input.startsWith('[')) {
    if (!input.endsWith(']')) return FAILURE;
    const address = parseIPv6(input.slice(1, -1));
    return address === null ? FAILURE : serializeIPv6(address);
  }
  if (isNotSpecial) {
    for (let i = 0; i < input.length; i++) if (forbiddenHost(input.charCodeAt(i))) return FAILURE;
    return percentEncode(input, sets.c0);
  }
  const domain = utf8(percentDecode(input));
  const asciiDomain = domainToASCII(domain);
  if (asciiDomain === '') return FAILURE;
  for (let i = 0; i < asciiDomain.length; i++) {
    if (forbiddenDomain(asciiDomain.charCodeAt(i))) return FAILURE;
  }
  if (asciiDomain.split('.').some((l) => /^xn--/.test(l) && punycodeDecode(l.slice(4)) === null)) return FAILURE;
  if (endsInANumber(asciiDomain)) {
    const ipv4 = parseIPv4(asciiDomain);
    return ipv4 === null ? FAILURE : serializeIPv4(ipv4);
  }
  return asciiDomain;
}

// ---- the basic URL parser -----------------------------------------------------

const ALPHA = /[A-Za-z]/;
const ALNUM_PLUS = /[A-Za-z0-9+\-.]/;
const isWindowsDriveLetter = (s, normalizedOnly = false) =>
  s.length === 2 && ALPHA.test(s[0]) && (s[1] === ':' || (!normalizedOnly && s[1] === '|'));
const startsWithWindowsDriveLetter = (cps, p) => cps.length - p >= 2 &&
  isWindowsDriveLetter(String.fromCodePoint(cps[p], cps[p + 1])) &&
  (cps.length - p === 2 || '/\\?#'.includes(String.fromCodePoint(cps[p + 2])));
const isSingleDot = (s) => s === '.' || s.toLowerCase() === '%2e';
const isDoubleDot = (s) => ['..', '.%2e', '%2e.', '%2e%2e'].includes(s.toLowerCase());

function newRecord() {
  return { scheme: '', username: '', password: '', host: null, port: null, path: [], opaque: false, query: null, fragment: null };
}

function shortenPath(url) {
  const { path } = url;
  if (url.scheme === 'file' && path.length === 1 && isWindowsDriveLetter(path[0], true)) return;
  path.pop();
}

function basicParse(input, base = null, url = null, stateOverride = null) {
  if (url === null) {
    url = newRecord();
    input = input.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
  }
  input = input.replace(/[\t\n\r]/g, '');
  const cps = Array.from(input, (ch) => ch.codePointAt(0));
  let state = stateOverride || 'schemeStart';
  let buffer = '';
  let atSignSeen = false;
  let insideBrackets = false;
  let passwordTokenSeen = false;
  const EOF = undefined;

  for (let pointer = 0; ; pointer++) {
    const c = cps[pointer];
    const ch = c === EOF ? '' : String.fromCodePoint(c);
    switch (state) {
      case 'schemeStart':
        if (c !== EOF && ALPHA.test(ch)) {
          buffer += ch.toLowerCase();
          state = 'scheme';
        } else if (!stateOverride) {
          state = 'noScheme';
          pointer--;
        } else {
          return FAILURE;
        }
        break;
      case 'scheme':
        if (c !== EOF && ALNUM_PLUS.test(ch)) {
          buffer += ch.toLowerCase();
        } else if (ch === ':') {
          if (stateOverride) {
            if (isSpecialScheme(url.scheme) !== isSpecialScheme(buffer)) return url;
            if ((url.username !== '' || url.password !== '' || url.port !== null) && buffer === 'file') return url;
            if (url.scheme === 'file' && url.host === '') return url;
          }
          url.scheme = buffer;
          if (stateOverride) {
            if (url.port === defaultPort(url.scheme)) url.port = null;
            return url;
          }
          buffer = '';
          if (url.scheme === 'file') {
            state = 'file';
          } else if (isSpecialScheme(url.scheme) && base !== null && base.scheme === url.scheme) {
            state = 'specialRelativeOrAuthority';
          } else if (isSpecialScheme(url.scheme)) {
            state = 'specialAuthoritySlashes';
          } else if (cps[pointer + 1] === 0x2f) {
            state = 'pathOrAuthority';
            pointer++;
          } else {
            url.opaque = true;
            url.path = '';
            state = 'opaquePath';
          }
        } else if (!stateOverride) {
          buffer = '';
          state = 'noScheme';
          pointer = -1;
        } else {
          return FAILURE;
        }
        break;
      case 'noScheme':
        if (base === null || (base.opaque && ch !== '#')) return FAILURE;
        if (base.opaque && ch === '#') {
          url.scheme = base.scheme;
          url.path = base.path;
          url.opaque = true;
          url.query = base.query;
          url.fragment = '';
          state = 'fragment';
        } else if (base.scheme !== 'file') {
          state = 'relative';
          pointer--;
        } else {
          state = 'file';
          pointer--;
        }
        break;
      case 'specialRelativeOrAuthority':
        if (ch === '/' && cps[pointer + 1] === 0x2f) {
          state = 'specialAuthorityIgnoreSlashes';
          pointer++;
        } else {
          state = 'relative';
          pointer--;
        }
        break;
      case 'pathOrAuthority':
        if (ch === '/') {
          state = 'authority';
        } else {
          state = 'path';
          pointer--;
        }
        break;
      case 'relative':
        url.scheme = base.scheme;
        if (ch === '/') {
          state = 'relativeSlash';
        } else if (isSpecialScheme(url.scheme) && ch === '\\') {
          state = 'relativeSlash';
        } else {
          url.username = base.username;
          url.password = base.password;
          url.host = base.host;
          url.port = base.port;
          url.path = base.path.slice();
          url.query = base.query;
          if (ch === '?') {
            url.query = '';
            state = 'query';
          } else if (ch === '#') {
            url.fragment = '';
            state = 'fragment';
          } else if (c !== EOF) {
            url.query = null;
            shortenPath(url);
            state = 'path';
            pointer--;
          }
        }
        break;
      case 'relativeSlash':
        if (isSpecialScheme(url.scheme) && (ch === '/' || ch === '\\')) {
          state = 'specialAuthorityIgnoreSlashes';
        } else if (ch === '/') {
          state = 'authority';
        } else {
          url.username = base.username;
          url.password = base.password;
          url.host = base.host;
          url.port = base.port;
          state = 'path';
          pointer--;
        }
        break;
      case 'specialAuthoritySlashes':
        if (ch === '/' && cps[pointer + 1] === 0x2f) {
          state = 'specialAuthorityIgnoreSlashes';
          pointer++;
        } else {
          state = 'specialAuthorityIgnoreSlashes';
          pointer--;
        }
        break;
      case 'specialAuthorityIgnoreSlashes':
        if (ch !== '/' && ch !== '\\') {
          state = 'authority';
          pointer--;
        }
        break;
      case 'authority':
        if (ch === '@') {
          if (atSignSeen) buffer = `%40${buffer}`;
          atSignSeen = true;
          for (const bc of buffer) {
            if (bc === ':' && !passwordTokenSeen) {
              passwordTokenSeen = true;
              continue;
            }
            const encoded = percentEncode(bc, sets.userinfo);
            if (passwordTokenSeen) url.password += encoded;
            else url.username += encoded;
          }
          buffer = '';
        } else if (c === EOF || ch === '/' || ch === '?' || ch === '#' ||
                   (isSpecialScheme(url.scheme) && ch === '\\')) {
          if (atSignSeen && buffer === '') return FAILURE;
          pointer -= [...buffer].length + 1;
          buffer = '';
          state = 'host';
        } else {
          buffer += ch;
        }
        break;
      case 'host':
      case 'hostname':
        if (stateOverride && url.scheme === 'file') {
          pointer--;
          state = 'fileHost';
        } else if (ch === ':' && !insideBrackets) {
          if (buffer === '') return FAILURE;
          if (stateOverride === 'hostname') return FAILURE;
          const host = parseHost(buffer, !isSpecialScheme(url.scheme));
          if (host === FAILURE) return FAILURE;
          url.host = host;
          buffer = '';
          state = 'port';
        } else if (c === EOF || ch === '/' || ch === '?' || ch === '#' ||
                   (isSpecialScheme(url.scheme) && ch === '\\')) {
          pointer--;
          if (isSpecialScheme(url.scheme) && buffer === '') return FAILURE;
          if (stateOverride && buffer === '' && (url.username !== '' || url.password !== '' || url.port !== null)) {
            return url;
          }
          const host = parseHost(buffer, !isSpecialScheme(url.scheme));
          if (host === FAILURE) return FAILURE;
          url.host = host;
          buffer = '';
          state = 'pathStart';
          if (stateOverride) return url;
        } else {
          if (ch === '[') insideBrackets = true;
          if (ch === ']') insideBrackets = false;
          buffer += ch;
        }
        break;
      case 'port':
        if (c !== EOF && c >= 0x30 && c <= 0x39) {
          buffer += ch;
        } else if (c === EOF || ch === '/' || ch === '?' || ch === '#' ||
                   (isSpecialScheme(url.scheme) && ch === '\\') || stateOverride) {
          if (buffer !== '') {
            const port = parseInt(buffer, 10);
            if (port > 65535) return FAILURE;
            url.port = port === defaultPort(url.scheme) ? null : port;
            buffer = '';
          }
          if (stateOverride) return url;
          state = 'pathStart';
          pointer--;
        } else {
          return FAILURE;
        }
        break;
      case 'file':
        url.scheme = 'file';
        url.host = '';
        if (ch === '/' || ch === '\\') {
          state = 'fileSlash';
        } else if (base !== null && base.scheme === 'file') {
          url.host = base.host;
          url.path = base.path.slice();
          url.query = base.query;
          if (ch === '?') {
            url.query = '';
            state = 'query';
          } else if (ch === '#') {
            url.fragment = '';
            state = 'fragment';
          } else if (c !== EOF) {
            url.query = null;
            if (!startsWithWindowsDriveLetter(cps, pointer)) shortenPath(url);
            else url.path = [];
            state = 'path';
            pointer--;
          }
        } else {
          state = 'path';
          pointer--;
        }
        break;
      case 'fileSlash':
        if (ch === '/' || ch === '\\') {
          state = 'fileHost';
        } else {
          if (base !== null && base.scheme === 'file') {
            url.host = base.host;
            if (!startsWithWindowsDriveLetter(cps, pointer) && base.path.length > 0 &&
                isWindowsDriveLetter(base.path[0], true)) {
              url.path.push(base.path[0]);
            }
          }
          state = 'path';
          pointer--;
        }
        break;
      case 'fileHost':
        if (c === EOF || ch === '/' || ch === '\\' || ch === '?' || ch === '#') {
          pointer--;
          if (!stateOverride && isWindowsDriveLetter(buffer)) {
            state = 'path';
          } else if (buffer === '') {
            url.host = '';
            if (stateOverride) return url;
            state = 'pathStart';
          } else {
            let host = parseHost(buffer, false);
            if (host === FAILURE) return FAILURE;
            if (host === 'localhost') host = '';
            url.host = host;
            if (stateOverride) return url;
            buffer = '';
            state = 'pathStart';
          }
        } else {
          buffer += ch;
        }
        break;
      case 'pathStart':
        if (isSpecialScheme(url.scheme)) {
          state = 'path';
          if (ch !== '/' && ch !== '\\') pointer--;
        } else if (!stateOverride && ch === '?') {
          url.query = '';
          state = 'query';
        } else if (!stateOverride && ch === '#') {
          url.fragment = '';
          state = 'fragment';
        } else if (c !== EOF) {
          state = 'path';
          if (ch !== '/') pointer--;
        } else if (stateOverride && url.host === null) {
          url.path.push('');
        }
        break;
      case 'path':
        if (c === EOF || ch === '/' || (isSpecialScheme(url.scheme) && ch === '\\') ||
            (!stateOverride && (ch === '?' || ch === '#'))) {
          const slash = ch === '/' || (isSpecialScheme(url.scheme) && ch === '\\');
          if (isDoubleDot(buffer)) {
            shortenPath(url);
            if (!slash) url.path.push('');
          } else if (isSingleDot(buffer) && !slash) {
            url.path.push('');
          } else if (!isSingleDot(buffer)) {
            if (url.scheme === 'file' && url.path.length === 0 && isWindowsDriveLetter(buffer)) {
              buffer = `${buffer[0]}:`;
            }
            url.path.push(buffer);
          }
          buffer = '';
          if (ch === '?') {
            url.query = '';
            state = 'query';
          }
          if (ch === '#') {
            url.fragment = '';
            state = 'fragment';
          }
        } else {
          buffer += percentEncode(ch, sets.path);
        }
        break;
      case 'opaquePath':
        if (ch === '?') {
          url.query = '';
          state = 'query';
        } else if (ch === '#') {
          url.fragment = '';
          state = 'fragment';
        } else if (c !== EOF) {
          url.path += percentEncode(ch, sets.c0);
        }
        break;
      case 'query':
        if ((!stateOverride && ch === '#') || c === EOF) {
          const set = isSpecialScheme(url.scheme) ? sets.specialQuery : sets.query;
          url.query += percentEncode(buffer, set);
          buffer = '';
          if (ch === '#') {
            url.fragment = '';
            state = 'fragment';
          }
        } else {
          buffer += ch;
        }
        break;
      case 'fragment':
        if (c !== EOF) url.fragment += percentEncode(ch, sets.fragment);
        break;
      default:
        throw new Error(`url parser: unknown state ${state}`);
    }
    if (pointer >= cps.length) break;
  }
  return url;
}

function serializePath(url) {
  if (url.opaque) return url.path;
  return url.path.map((s) => `/${s}`).join('');
}

function serializeHost(url) {
  let out = '';
  if (url.username !== '' || url.password !== '') {
    out += url.username;
    if (url.password !== '') out += `:${url.password}`;
    out += '@';
  }
  out += url.host;
  if (url.port !== null) out += `:${url.port}`;
  return out;
}

function serialize(url, excludeFragment = false) {
  let out = `${url.scheme}:`;
  if (url.host !== null) {
    out += `//${serializeHost(url)}`;
  } else if (!url.opaque && url.path.length > 1 && url.path[0] === '') {
    out += '/.';
  }
  out += serializePath(url);
  if (url.query !== null) out += `?${url.query}`;
  if (!excludeFragment && url.fragment !== null) out += `#${url.fragment}`;
  return out;
}

// ---- application/x-www-form-urlencoded -----------------------------------------

function parseUrlencoded(input) {
  const out = [];
  for (const sequence of input.split('&')) {
    if (sequence === '') continue;
    const i = sequence.indexOf('=');
    const name = i === -1 ? sequence : sequence.slice(0, i);
    const value = i === -1 ? '' : sequence.slice(i + 1);
    out.push(utf8(percentDecode(name.replace(/\+/g, ' '))), utf8(percentDecode(value.replace(/\+/g, ' '))));
  }
  return out;
}

const toUSV = (s) => String(s).replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');

function serializeUrlencoded(list) {
  const out = [];
  for (let i = 0; i < list.length; i += 2) {
    out.push(`${percentEncode(list[i], sets.form, true)}=${percentEncode(list[i + 1], sets.form, true)}`);
  }
  return out.join('&');
}

// ---- URLSearchParams -------------------------------------------------------------

const kList = Symbol('query');
const kUrl = Symbol('context');
const kParams = Symbol('searchParams');

function isURLSearchParams(v) {
  return v !== null && typeof v === 'object' && Object.prototype.hasOwnProperty.call(v, kList);
}
function checkThis(self) {
  if (!isURLSearchParams(self)) throw new ERR_INVALID_THIS('URLSearchParams');
}

class URLSearchParams {
  constructor(init = undefined) {
    Object.defineProperty(this, kList, { value: [], writable: true });
    Object.defineProperty(this, kUrl, { value: null, writable: true });
    if (init === undefined || init === null) {
      // nothing
    } else if (typeof init === 'object' || typeof init === 'function') {
      const method = init[Symbol.iterator];
      if (method === this[Symbol.iterator] && isURLSearchParams(init)) {
        this[kList] = init[kList].slice();
      } else if (method != null) {
        if (typeof method !== 'function') throw new ERR_ARG_NOT_ITERABLE('Query pairs');
        for (const pair of init) {
          if (pair == null || typeof pair[Symbol.iterator] !== 'function') {
            throw new ERR_INVALID_TUPLE('Each query pair', '[name, value]');
          }
          const p = [...pair];
          if (p.length !== 2) throw new ERR_INVALID_TUPLE('Each query pair', '[name, value]');
          this[kList].push(toUSV(p[0]), toUSV(p[1]));
        }
      } else {
        for (const key of Reflect.ownKeys(init)) {
          const desc = Reflect.getOwnPropertyDescriptor(init, key);
          if (typeof key === 'string' && desc !== undefined && desc.enumerable) {
            const k = toUSV(key);
            const v = toUSV(init[key]);
            const list = this[kList];
            let found = false;
            for (let i = 0; i < list.length; i += 2) {
              if (list[i] === k) {
                list[i + 1] = v;
                found = true;
                break;
              }
            }
            if (!found) list.push(k, v);
          }
        }
      }
    } else {
      init = toUSV(init);
      this[kList] = parseUrlencoded(init[0] === '?' ? init.slice(1) : init);
    }
  }

  #update() {
    const url = this[kUrl];
    if (url === null) return;
    const serialized = serializeUrlencoded(this[kList]);
    url[kUrl].query = serialized === '' ? null : serialized;
  }

  get size() {
    checkThis(this);
    return this[kList].length / 2;
  }

  append(name, value) {
    checkThis(this);
    if (arguments.length < 2) throw new ERR_MISSING_ARGS('name', 'value');
    this[kList].push(toUSV(name), toUSV(value));
    this.#update();
  }

  delete(name, value = undefined) {
    checkThis(this);
    if (arguments.length < 1) throw new ERR_MISSING_ARGS('name');
    const list = this[kList];
    name = toUSV(name);
    if (value !== undefined) {
      value = toUSV(value);
      for (let i = 0; i < list.length;) {
        if (list[i] === name && list[i + 1] === value) list.splice(i, 2);
        else i += 2;
      }
    } else {
      for (let i = 0; i < list.length;) {
        if (list[i] === name) list.splice(i, 2);
        else i += 2;
      }
    }
    this.#update();
  }

  get(name) {
    checkThis(this);
    if (arguments.length < 1) throw new ERR_MISSING_ARGS('name');
    const list = this[kList];
    name = toUSV(name);
    for (let i = 0; i < list.length; i += 2) if (list[i] === name) return list[i + 1];
    return null;
  }

  getAll(name) {
    checkThis(this);
    if (arguments.length < 1) throw new ERR_MISSING_ARGS('name');
    const list = this[kList];
    const values = [];
    name = toUSV(name);
    for (let i = 0; i < list.length; i += 2) if (list[i] === name) values.push(list[i + 1]);
    return values;
  }

  has(name, value = undefined) {
    checkThis(this);
    if (arguments.length < 1) throw new ERR_MISSING_ARGS('name');
    const list = this[kList];
    name = toUSV(name);
    if (value !== undefined) value = toUSV(value);
    for (let i = 0; i < list.length; i += 2) {
      if (list[i] === name && (value === undefined || list[i + 1] === value)) return true;
    }
    return false;
  }

  set(name, value) {
    checkThis(this);
    if (arguments.length < 2) throw new ERR_MISSING_ARGS('name', 'value');
    const list = this[kList];
    name = toUSV(name);
    value = toUSV(value);
    let found = false;
    for (let i = 0; i < list.length;) {
      if (list[i] === name) {
        if (!found) {
          list[i + 1] = value;
          found = true;
          i += 2;
        } else {
          list.splice(i, 2);
        }
      } else {
        i += 2;
      }
    }
    if (!found) list.push(name, value);
    this.#update();
  }

  sort() {
    checkThis(this);
    const list = this[kList];
    const pairs = [];
    for (let i = 0; i < list.length; i += 2) pairs.push([list[i], list[i + 1]]);
    // Stable, by UTF-16 code units of the names.
    pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    this[kList] = pairs.flat();
    this.#update();
  }

  *entries() {
    checkThis(this);
    for (let i = 0; i < this[kList].length; i += 2) yield [this[kList][i], this[kList][i + 1]];
  }

  *keys() {
    checkThis(this);
    for (let i = 0; i < this[kList].length; i += 2) yield this[kList][i];
  }

  *values() {
    checkThis(this);
    for (let i = 0; i < this[kList].length; i += 2) yield this[kList][i + 1];
  }

  forEach(callback, thisArg = undefined) {
    checkThis(this);
    if (typeof callback !== 'function') throw new ERR_INVALID_ARG_TYPE('callback', 'Function', callback);
    let list = this[kList];
    for (let i = 0; i < list.length; i += 2) {
      callback.call(thisArg, list[i + 1], list[i], this);
      list = this[kList];
    }
  }

  toString() {
    checkThis(this);
    return serializeUrlencoded(this[kList]);
  }

  [customInspect](recurseTimes, ctx) {
    checkThis(this);
    if (typeof recurseTimes === 'number' && recurseTimes < 0) return ctx.stylize('[Object]', 'special');
    const inspect = lazyInspect();
    const separator = ', ';
    const innerOpts = { ...ctx };
    if (recurseTimes !== null) innerOpts.depth = recurseTimes - 1;
    const list = this[kList];
    const output = [];
    for (let i = 0; i < list.length; i += 2) {
      output.push(`${inspect(list[i], innerOpts)} => ${inspect(list[i + 1], innerOpts)}`);
    }
    const { stripVTControlCharacters } = require('internal/format');
    const length = output.reduce((prev, cur) => prev + stripVTControlCharacters(cur).length + separator.length,
      -separator.length);
    if (length > ctx.breakLength) return `${this.constructor.name} {\n  ${output.join(',\n  ')} }`;
    if (output.length) return `${this.constructor.name} { ${output.join(separator)} }`;
    return `${this.constructor.name} {}`;
  }
}
URLSearchParams.prototype[Symbol.iterator] = URLSearchParams.prototype.entries;
Object.defineProperty(URLSearchParams.prototype, Symbol.toStringTag, { value: 'URLSearchParams', configurable: true });

// ---- URL -------------------------------------------------------------------------

function parseOrThrow(input, base) {
  let baseRecord = null;
  if (base !== undefined) {
    baseRecord = basicParse(`${base}`);
    if (baseRecord === FAILURE) throw new ERR_INVALID_URL(`${input}`);
  }
  const record = basicParse(`${input}`, baseRecord);
  if (record === FAILURE) throw new ERR_INVALID_URL(`${input}`);
  return record;
}

function isURL(v) {
  return v !== null && typeof v === 'object' && Object.prototype.hasOwnProperty.call(v, kParams);
}

class URL {
  constructor(input, base = undefined) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('url');
    Object.defineProperty(this, kUrl, { value: parseOrThrow(toUSV(input), base === undefined ? undefined : toUSV(base)), writable: true });
    const params = new URLSearchParams(this[kUrl].query || '');
    params[kUrl] = this;
    Object.defineProperty(this, kParams, { value: params });
  }

  static canParse(input, base = undefined) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('url');
    try {
      parseOrThrow(toUSV(input), base === undefined ? undefined : toUSV(base));
      return true;
    } catch {
      return false;
    }
  }

  #resetParams() {
    this[kParams][kList] = parseUrlencoded(this[kUrl].query || '');
  }

  [customInspect](depth, opts) {
    if (typeof depth === 'number' && depth < 0) return this;
    const constructor = this.constructor || URL;
    const obj = { __proto__: { constructor } };
    for (const key of ['href', 'origin', 'protocol', 'username', 'password', 'host', 'hostname',
      'port', 'pathname', 'search', 'searchParams', 'hash']) {
      obj[key] = this[key];
    }
    return `${constructor.name} ${lazyInspect()(obj, opts)}`;
  }

  toString() { return this.href; }

  get href() { return serialize(this[kUrl]); }
  set href(value) {
    const record = basicParse(toUSV(value));
    if (record === FAILURE) throw new ERR_INVALID_URL(`${value}`);
    this[kUrl] = record;
    this.#resetParams();
  }

  get origin() {
    const url = this[kUrl];
    switch (url.scheme) {
      case 'blob': {
        const inner = basicParse(serializePath(url));
        if (inner !== FAILURE && (inner.scheme === 'http' || inner.scheme === 'https')) {
          return `${inner.scheme}://${inner.host}${inner.port !== null ? `:${inner.port}` : ''}`;
        }
        return 'null';
      }
      case 'ftp': case 'http': case 'https': case 'ws': case 'wss':
        return `${url.scheme}://${url.host}${url.port !== null ? `:${url.port}` : ''}`;
      default:
        return 'null';
    }
  }

  get protocol() { return `${this[kUrl].scheme}:`; }
  set protocol(value) { basicParse(`${toUSV(value)}:`, null, this[kUrl], 'schemeStart'); }

  get username() { return this[kUrl].username; }
  set username(value) {
    const url = this[kUrl];
    if (url.host === null || url.host === '' || url.scheme === 'file') return;
    url.username = percentEncode(toUSV(value), sets.userinfo);
  }

  get password() { return this[kUrl].password; }
  set password(value) {
    const url = this[kUrl];
    if (url.host === null || url.host === '' || url.scheme === 'file') return;
    url.password = percentEncode(toUSV(value), sets.userinfo);
  }

  get host() {
    const url = this[kUrl];
    if (url.host === null) return '';
    return url.port === null ? url.host : `${url.host}:${url.port}`;
  }
  set host(value) {
    if (this[kUrl].opaque) return;
    basicParse(toUSV(value), null, this[kUrl], 'host');
  }

  get hostname() { return this[kUrl].host === null ? '' : this[kUrl].host; }
  set hostname(value) {
    if (this[kUrl].opaque) return;
    basicParse(toUSV(value), null, this[kUrl], 'hostname');
  }

  get port() { return this[kUrl].port === null ? '' : String(this[kUrl].port); }
  set port(value) {
    const url = this[kUrl];
    if (url.host === null || url.host === '' || url.scheme === 'file') return;
    value = toUSV(value);
    if (value === '') url.port = null;
    else basicParse(value, null, url, 'port');
  }

  get pathname() { return serializePath(this[kUrl]); }
  set pathname(value) {
    const url = this[kUrl];
    if (url.opaque) return;
    url.path = [];
    basicParse(toUSV(value), null, url, 'pathStart');
  }

  get search() {
    const q = this[kUrl].query;
    return q === null || q === '' ? '' : `?${q}`;
  }
  set search(value) {
    const url = this[kUrl];
    value = toUSV(value);
    if (value === '') {
      url.query = null;
      this[kParams][kList] = [];
      return;
    }
    const input = value[0] === '?' ? value.slice(1) : value;
    url.query = '';
    basicParse(input, null, url, 'query');
    this.#resetParams();
  }

  get searchParams() { return this[kParams]; }

  get hash() {
    const f = this[kUrl].fragment;
    return f === null || f === '' ? '' : `#${f}`;
  }
  set hash(value) {
    const url = this[kUrl];
    value = toUSV(value);
    if (value === '') {
      url.fragment = null;
      return;
    }
    const input = value[0] === '#' ? value.slice(1) : value;
    url.fragment = '';
    basicParse(input, null, url, 'fragment');
  }

  toJSON() { return this.href; }
}
Object.defineProperty(URL.prototype, Symbol.toStringTag, { value: 'URL', configurable: true });
for (const key of ['href', 'origin', 'protocol', 'username', 'password', 'host', 'hostname', 'port',
  'pathname', 'search', 'searchParams', 'hash', 'toString', 'toJSON']) {
  const desc = Object.getOwnPropertyDescriptor(URL.prototype, key);
  desc.enumerable = true;
  Object.defineProperty(URL.prototype, key, desc);
}

module.exports = {
  URL,
  URLSearchParams,
  isURL,
  domainToASCII(domain) {
    const host = parseHost(`${domain}`, false);
    return host === FAILURE ? '' : host;
  },
  domainToUnicode(domain) {
    const host = parseHost(`${domain}`, false);
    return host === FAILURE ? '' : domainToUnicodeString(host);
  },
  percentEncode,
  sets,
};
