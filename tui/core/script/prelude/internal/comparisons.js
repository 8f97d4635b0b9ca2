'use strict';
// Deep equality as node's assert.deepStrictEqual / deepEqual (loose) and
// util.isDeepStrictEqual: same rules for primitives, prototypes (strict),
// own enumerable keys and symbols (strict), Map/Set (unordered), Date,
// RegExp, boxed primitives, errors (name, message), typed arrays, cycles.

const types = require('internal/types');

const kStrict = true;
const kLoose = false;

function isDeepEqual(a, b) {
  return innerDeepEqual(a, b, kLoose, undefined);
}
function isDeepStrictEqual(a, b) {
  return innerDeepEqual(a, b, kStrict, undefined);
}

function innerDeepEqual(val1, val2, strict, memos) {
  if (val1 === val2) {
    if (val1 !== 0) return true;
    return strict ? Object.is(val1, val2) : true;
  }
  if (strict) {
    if (typeof val1 !== 'object') return typeof val1 === 'number' && Number.isNaN(val1) && Number.isNaN(val2);
    if (typeof val2 !== 'object' || val1 === null || val2 === null) return false;
    if (Object.getPrototypeOf(val1) !== Object.getPrototypeOf(val2)) return false;
  } else {
    if (val1 === null || typeof val1 !== 'object') {
      if (val2 === null || typeof val2 !== 'object') {
        // eslint-disable-next-line eqeqeq
        return val1 == val2 || (Number.isNaN(val1) && Number.isNaN(val2));
      }
      return false;
    }
    if (val2 === null || typeof val2 !== 'object') return false;
  }
  const tag1 = Object.prototype.toString.call(val1);
  const tag2 = Object.prototype.toString.call(val2);
  if (tag1 !== tag2) return false;

  if (Array.isArray(val1)) {
    if (!Array.isArray(val2) || val1.length !== val2.length) return false;
    const keys1 = ownKeys(val1, strict, true);
    const keys2 = ownKeys(val2, strict, true);
    if (keys1.length !== keys2.length) return false;
    return keyCheck(val1, val2, strict, memos, 1, keys1);
  }
  if (tag1 === '[object Object]' && !types.isBoxedPrimitive(val1) &&
      !types.isMap(val1) && !types.isSet(val1) && !types.isPromise(val1) &&
      !types.isNativeError(val1)) {
    return keyCheck(val1, val2, strict, memos, 0);
  }
  if (types.isDate(val1)) {
    if (!types.isDate(val2) || val1.getTime() !== val2.getTime()) return false;
  } else if (types.isRegExp(val1)) {
    if (!types.isRegExp(val2) || val1.source !== val2.source || val1.flags !== val2.flags ||
        val1.lastIndex !== val2.lastIndex) return false;
  } else if (types.isNativeError(val1) || val1 instanceof Error) {
    if ((!types.isNativeError(val2) && !(val2 instanceof Error)) ||
        val1.message !== val2.message || val1.name !== val2.name) return false;
  } else if (ArrayBuffer.isView(val1)) {
    if (!ArrayBuffer.isView(val2)) return false;
    if (!strict && (types.isFloat32Array(val1) || types.isFloat64Array(val1))) {
      if (val1.length !== val2.length) return false;
      for (let i = 0; i < val1.length; i++) if (val1[i] !== val2[i]) return false;
    } else {
      const b1 = new Uint8Array(val1.buffer, val1.byteOffset, val1.byteLength);
      const b2 = new Uint8Array(val2.buffer, val2.byteOffset, val2.byteLength);
      if (b1.length !== b2.length) return false;
      for (let i = 0; i < b1.length; i++) if (b1[i] !== b2[i]) return false;
    }
    const keys1 = ownKeys(val1, strict, true);
    if (keys1.length !== ownKeys(val2, strict, true).length) return false;
    return keyCheck(val1, val2, strict, memos, 0, keys1);
  } else if (types.isSet(val1)) {
    if (!types.isSet(val2) || val1.size !== val2.size) return false;
    return keyCheck(val1, val2, strict, memos, 2);
  } else if (types.isMap(val1)) {
    if (!types.isMap(val2) || val1.size !== val2.size) return false;
    return keyCheck(val1, val2, strict, memos, 3);
  } else if (types.isAnyArrayBuffer(val1)) {
    if (!types.isAnyArrayBuffer(val2) || val1.byteLength !== val2.byteLength) return false;
    const b1 = new Uint8Array(val1);
    const b2 = new Uint8Array(val2);
    for (let i = 0; i < b1.length; i++) if (b1[i] !== b2[i]) return false;
  } else if (types.isBoxedPrimitive(val1)) {
    if (!types.isBoxedPrimitive(val2)) return false;
    if (!Object.is(val1.valueOf(), val2.valueOf())) return false;
  } else if (Array.isArray(val2) || ArrayBuffer.isView(val2) || types.isSet(val2) ||
             types.isMap(val2) || types.isDate(val2) || types.isRegExp(val2) ||
             types.isAnyArrayBuffer(val2) || types.isBoxedPrimitive(val2) ||
             types.isNativeError(val2)) {
    return false;
  }
  return keyCheck(val1, val2, strict, memos, 0);
}

function ownKeys(val, strict, skipIndices) {
  let keys = Object.keys(val);
  if (skipIndices) keys = keys.filter((k) => !/^(0|[1-9][0-9]*)$/.test(k));
  if (strict) {
    for (const sym of Object.getOwnPropertySymbols(val)) {
      if (Object.prototype.propertyIsEnumerable.call(val, sym)) keys.push(sym);
    }
  }
  return keys;
}

function keyCheck(val1, val2, strict, memos, iterationType, aKeys) {
  if (aKeys === undefined) {
    aKeys = ownKeys(val1, strict, false);
    if (aKeys.length !== ownKeys(val2, strict, false).length) return false;
  }
  for (const key of aKeys) {
    if (!Object.prototype.propertyIsEnumerable.call(val2, key)) return false;
  }
  if (aKeys.length === 0 && (iterationType === 0 ||
      (iterationType === 1 && val1.length === 0) || val1.size === 0)) {
    return true;
  }
  if (memos === undefined) {
    memos = { val1: new Map(), val2: new Map(), position: 0 };
  } else {
    const val2MemoA = memos.val1.get(val1);
    if (val2MemoA !== undefined) {
      const val2MemoB = memos.val2.get(val2);
      if (val2MemoB !== undefined) return val2MemoA === val2MemoB;
    }
    memos.position++;
  }
  memos.val1.set(val1, memos.position);
  memos.val2.set(val2, memos.position);
  const areEq = objEquiv(val1, val2, strict, aKeys, memos, iterationType);
  memos.val1.delete(val1);
  memos.val2.delete(val2);
  return areEq;
}

function objEquiv(a, b, strict, keys, memos, iterationType) {
  if (iterationType === 2) {
    const rest = new Set(b);
    for (const v of a) {
      if (rest.has(v)) { rest.delete(v); continue; }
      let found = false;
      for (const w of rest) {
        if (innerDeepEqual(v, w, strict, memos)) { rest.delete(w); found = true; break; }
      }
      if (!found) return false;
    }
  } else if (iterationType === 3) {
    const rest = new Map(b);
    for (const [k, v] of a) {
      if (rest.has(k)) {
        if (!innerDeepEqual(v, rest.get(k), strict, memos)) return false;
        rest.delete(k);
        continue;
      }
      let found = false;
      for (const [k2, v2] of rest) {
        if (innerDeepEqual(k, k2, strict, memos) && innerDeepEqual(v, v2, strict, memos)) {
          rest.delete(k2); found = true; break;
        }
      }
      if (!found) return false;
    }
  } else if (iterationType === 1) {
    for (let i = 0; i < a.length; i++) {
      const has1 = Object.prototype.hasOwnProperty.call(a, i);
      const has2 = Object.prototype.hasOwnProperty.call(b, i);
      if (has1 !== has2) {
        if (strict) return false;
        if (!innerDeepEqual(a[i], b[i], strict, memos)) return false;
      } else if (has1 && !innerDeepEqual(a[i], b[i], strict, memos)) {
        return false;
      }
    }
  }
  for (const key of keys) {
    if (!innerDeepEqual(a[key], b[key], strict, memos)) return false;
  }
  return true;
}

module.exports = { isDeepEqual, isDeepStrictEqual };
