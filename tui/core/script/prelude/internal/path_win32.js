'use strict';
// path.win32, node's algorithms on strings only (ptview runs on a POSIX host:
// resolve() of a relative path falls back on process.cwd() as node on Linux
// does, giving '\\work\\…'). path.js calls this with its separator-agnostic
// loops, so the two flavours share them without a require cycle.

const { validateString } = require('internal/errors');

const SLASH = 47;
const BACKSLASH = 92;
const COLON = 58;
const DOT = 46;
const QUESTION = 63;

const isSep = (c) => c === SLASH || c === BACKSLASH;
const isDriveLetter = (c) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const hasDrive = (p) => p.length >= 2 && p.charCodeAt(1) === COLON && isDriveLetter(p.charCodeAt(0));

// The root of a win32 path: device ('C:' or '\\\\server\\share', '' if none),
// rootEnd (where the rest starts; for UNC the separator after the share, or
// the end), isAbsolute, unc. With ns (normalize, resolve), the namespaces
// '\\\\.\\' and '\\\\?\\' are the device and what follows is normalized.
function splitRoot(path, ns) {
  const len = path.length;
  const r = { device: '', rootEnd: 0, isAbsolute: false, unc: false };
  if (len === 0) return r;
  const code = path.charCodeAt(0);
  if (isSep(code)) {
    r.isAbsolute = true;
    r.rootEnd = 1;
    if (len > 1 && isSep(path.charCodeAt(1))) {
      // '\\\\server\\share' needs both parts; '\\\\server' alone is just absolute.
      let j = 2;
      let last = j;
      while (j < len && !isSep(path.charCodeAt(j))) j++;
      if (j < len && j !== last) {
        const server = path.slice(last, j);
        last = j;
        while (j < len && isSep(path.charCodeAt(j))) j++;
        if (j < len && j !== last && ns && (server === '.' || server === '?')) {
          r.device = `\\\\${server}`;
          r.rootEnd = 4;
        } else if (j < len && j !== last) {
          last = j;
          while (j < len && !isSep(path.charCodeAt(j))) j++;
          r.device = `\\\\${server}\\${path.slice(last, j)}`;
          r.rootEnd = j;
          r.unc = true;
        }
      }
    }
  } else if (hasDrive(path)) {
    r.device = path.slice(0, 2);
    r.rootEnd = 2;
    if (len > 2 && isSep(path.charCodeAt(2))) {
      r.isAbsolute = true;
      r.rootEnd = 3;
    }
  }
  return r;
}

// dirname/parse count the separator after a UNC share as part of the root.
function rootLength(path) {
  const r = splitRoot(path);
  return r.unc && r.rootEnd < path.length ? r.rootEnd + 1 : r.rootEnd;
}

module.exports = function makeWin32({ normalizeString, baseName, scanExt, format }) {
  const norm = (p, above) => normalizeString(p, above, '\\', isSep);

  const win32 = {
    resolve(...args) {
      let resolvedDevice = '';
      let resolvedTail = '';
      let resolvedAbsolute = false;
      for (let i = args.length - 1; i >= -1; i--) {
        let path;
        if (i >= 0) {
          path = args[i];
          validateString(path, `paths[${i}]`);
          if (path.length === 0) continue;
        } else {
          // No per-drive cwd on a POSIX host ('=C:' is unset): node falls back on cwd, then the drive root.
          const p = globalThis.process;
          path = p && typeof p.cwd === 'function' ? p.cwd() : '\\';
          if (resolvedDevice.length > 0 &&
              path.slice(0, 2).toLowerCase() !== resolvedDevice.toLowerCase() &&
              path.charCodeAt(2) === BACKSLASH) {
            path = `${resolvedDevice}\\`;
          }
        }
        const { device, rootEnd, isAbsolute } = splitRoot(path, true);
        if (device.length > 0) {
          if (resolvedDevice.length > 0) {
            if (device.toLowerCase() !== resolvedDevice.toLowerCase()) continue; // another drive
          } else {
            resolvedDevice = device;
          }
        }
        if (resolvedAbsolute) {
          if (resolvedDevice.length > 0) break;
        } else {
          resolvedTail = `${path.slice(rootEnd)}\\${resolvedTail}`;
          resolvedAbsolute = isAbsolute;
          if (isAbsolute && resolvedDevice.length > 0) break;
        }
      }
      resolvedTail = norm(resolvedTail, !resolvedAbsolute);
      return resolvedAbsolute ? `${resolvedDevice}\\${resolvedTail}`
        : `${resolvedDevice}${resolvedTail}` || '.';
    },

    normalize(path) {
      validateString(path, 'path');
      const len = path.length;
      if (len === 0) return '.';
      if (len === 1) return path.charCodeAt(0) === SLASH ? '\\' : path;
      const { device, rootEnd, isAbsolute } = splitRoot(path, true);
      let tail = rootEnd < len ? norm(path.slice(rootEnd), !isAbsolute) : '';
      if (tail.length === 0 && !isAbsolute) tail = '.';
      if (tail.length > 0 && isSep(path.charCodeAt(len - 1))) tail += '\\';
      // CVE-2024-36139: a relative result must not read as a drive ('C:x') or a
      // stream/device name ('a:\\', 'x:'): node then prefixes '.\\'.
      if (!isAbsolute && device === '' && path.includes(':')) {
        if (hasDrive(tail)) return `.\\${tail}`;
        for (let i = path.indexOf(':'); i !== -1; i = path.indexOf(':', i + 1)) {
          if (i === len - 1 || isSep(path.charCodeAt(i + 1))) return `.\\${tail}`;
        }
      }
      return isAbsolute ? `${device}\\${tail}` : `${device}${tail}`;
    },

    isAbsolute(path) {
      validateString(path, 'path');
      const len = path.length;
      if (len === 0) return false;
      return isSep(path.charCodeAt(0)) || (len > 2 && hasDrive(path) && isSep(path.charCodeAt(2)));
    },

    join(...args) {
      if (args.length === 0) return '.';
      let joined;
      let first;
      for (const arg of args) {
        validateString(arg, 'path');
        if (arg.length > 0) joined = joined === undefined ? (first = arg) : `${joined}\\${arg}`;
      }
      if (joined === undefined) return '.';
      // Only a first argument that itself starts a UNC root ('\\\\server') keeps
      // its leading slashes; otherwise a run of them collapses to one.
      let needsReplace = true;
      let slashes = 0;
      if (isSep(first.charCodeAt(0))) {
        ++slashes;
        if (first.length > 1 && isSep(first.charCodeAt(1))) {
          ++slashes;
          if (first.length > 2) {
            if (isSep(first.charCodeAt(2))) ++slashes;
            else needsReplace = false;
          }
        }
      }
      if (needsReplace) {
        while (slashes < joined.length && isSep(joined.charCodeAt(slashes))) slashes++;
        if (slashes >= 2) joined = `\\${joined.slice(slashes)}`;
      }
      return win32.normalize(joined);
    },

    relative(from, to) {
      validateString(from, 'from');
      validateString(to, 'to');
      if (from === to) return '';
      const fromOrig = win32.resolve(from);
      const toOrig = win32.resolve(to);
      if (fromOrig === toOrig) return '';
      from = fromOrig.toLowerCase(); // windows paths compare case-insensitively
      to = toOrig.toLowerCase();
      if (from === to) return '';
      const trim = (s) => {
        let a = 0;
        while (a < s.length && s.charCodeAt(a) === BACKSLASH) a++;
        let b = s.length;
        while (b - 1 > a && s.charCodeAt(b - 1) === BACKSLASH) b--;
        return [a, b];
      };
      const [fromStart, fromEnd] = trim(from);
      let [toStart, toEnd] = trim(to);
      const fromLen = fromEnd - fromStart;
      const toLen = toEnd - toStart;
      const length = fromLen < toLen ? fromLen : toLen;
      let lastCommonSep = -1;
      let i = 0;
      for (; i < length; i++) {
        const c = from.charCodeAt(fromStart + i);
        if (c !== to.charCodeAt(toStart + i)) break;
        else if (c === BACKSLASH) lastCommonSep = i;
      }
      if (i !== length) {
        if (lastCommonSep === -1) return toOrig; // different roots
      } else {
        if (toLen > length) {
          if (to.charCodeAt(toStart + i) === BACKSLASH) return toOrig.slice(toStart + i + 1);
          if (i === 2) return toOrig.slice(toStart + i); // from is a drive root 'C:\\'
        }
        if (fromLen > length) {
          if (from.charCodeAt(fromStart + i) === BACKSLASH) lastCommonSep = i;
          else if (i === 2) lastCommonSep = 3;
        }
        if (lastCommonSep === -1) lastCommonSep = 0;
      }
      let out = '';
      for (i = fromStart + lastCommonSep + 1; i <= fromEnd; ++i) {
        if (i === fromEnd || from.charCodeAt(i) === BACKSLASH) out += out.length === 0 ? '..' : '\\..';
      }
      toStart += lastCommonSep;
      if (out.length > 0) return `${out}${toOrig.slice(toStart, toEnd)}`;
      if (toOrig.charCodeAt(toStart) === BACKSLASH) ++toStart;
      return toOrig.slice(toStart, toEnd);
    },

    toNamespacedPath(path) {
      if (typeof path !== 'string' || path.length === 0) return path;
      const resolved = win32.resolve(path);
      if (resolved.length <= 2) return path;
      if (resolved.charCodeAt(0) === BACKSLASH) {
        if (resolved.charCodeAt(1) === BACKSLASH) {
          const c = resolved.charCodeAt(2);
          if (c !== QUESTION && c !== DOT) return `\\\\?\\UNC\\${resolved.slice(2)}`;
        }
      } else if (hasDrive(resolved) && resolved.charCodeAt(2) === BACKSLASH) {
        return `\\\\?\\${resolved}`;
      }
      return resolved;
    },

    dirname(path) {
      validateString(path, 'path');
      const len = path.length;
      if (len === 0) return '.';
      const r = splitRoot(path);
      if (r.unc && r.rootEnd === len) return path; // '\\\\server\\share' is all root
      let rootEnd = rootLength(path);
      let end = -1;
      let matchedSlash = true;
      for (let i = len - 1; i >= rootEnd; --i) {
        if (isSep(path.charCodeAt(i))) {
          if (!matchedSlash) {
            end = i;
            break;
          }
        } else {
          matchedSlash = false;
        }
      }
      if (end === -1) {
        if (rootEnd === 0) return '.';
        end = rootEnd;
      }
      return path.slice(0, end);
    },

    basename(path, suffix) {
      if (suffix !== undefined) validateString(suffix, 'suffix');
      validateString(path, 'path');
      return baseName(path, suffix, isSep, hasDrive(path) ? 2 : 0);
    },

    extname(path) {
      validateString(path, 'path');
      const start = hasDrive(path) ? 2 : 0;
      const { startDot, end } = scanExt(path, isSep, start);
      return startDot === -1 ? '' : path.slice(startDot, end);
    },

    format: (pathObject) => format('\\', pathObject),

    parse(path) {
      validateString(path, 'path');
      const ret = { root: '', dir: '', base: '', ext: '', name: '' };
      if (path.length === 0) return ret;
      const rootEnd = rootLength(path);
      if (rootEnd > 0) ret.root = path.slice(0, rootEnd);
      const { startPart, startDot, end } = scanExt(path, isSep, rootEnd);
      if (end !== -1) {
        ret.base = path.slice(startPart, end);
        if (startDot === -1) {
          ret.name = ret.base;
        } else {
          ret.name = path.slice(startPart, startDot);
          ret.ext = path.slice(startDot, end);
        }
      }
      // A directory that is the root keeps its separator ('C:\\'); others drop it.
      ret.dir = startPart > 0 && startPart !== rootEnd ? path.slice(0, startPart - 1) : ret.root;
      return ret;
    },

    sep: '\\',
    delimiter: ';',
    win32: null,
    posix: null,
  };
  win32.win32 = win32;
  return win32;
};
