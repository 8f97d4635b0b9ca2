'use strict';
// util.types: brand checks done in plain JavaScript. Where ECMAScript offers
// a side-effect-free brand check (a built-in method that throws on the wrong
// receiver) it is used; otherwise Object.prototype.toString's tag is used.
// Host helper used when present: internalBinding('util').getPromiseState.

const binding = (typeof internalBinding === 'function' && internalBinding('util')) || {};
const toStr = Object.prototype.toString;
const getProto = Object.getPrototypeOf;

function brand(fn) {
  return (v) => {
    if (v === null || (typeof v !== 'object' && typeof v !== 'function')) return false;
    try { fn(v); return true; } catch { return false; }
  };
}
const getter = (proto, name) => Object.getOwnPropertyDescriptor(proto, name).get;

const TypedArray = getProto(Uint8Array);
const taTag = getter(TypedArray.prototype, Symbol.toStringTag);
const abLen = getter(ArrayBuffer.prototype, 'byteLength');
const sabLen = typeof SharedArrayBuffer === 'function'
  ? getter(SharedArrayBuffer.prototype, 'byteLength') : null;
const dvLen = getter(DataView.prototype, 'byteLength');
const reSource = getter(RegExp.prototype, 'source');
const AsyncFunction = getProto(async function () {});
const GeneratorFunction = getProto(function* () {});
const AsyncGeneratorFunction = getProto(async function* () {});
const mapIterProto = getProto(new Map().entries());
const setIterProto = getProto(new Set().values());

const isMap = brand((v) => Map.prototype.has.call(v));
const isSet = brand((v) => Set.prototype.has.call(v));
const isWeakMap = brand((v) => WeakMap.prototype.has.call(v, {}));
const isWeakSet = brand((v) => WeakSet.prototype.has.call(v, {}));
const isDate = brand((v) => Date.prototype.getTime.call(v));
const isRegExp = (v) => v !== RegExp.prototype && brand((x) => reSource.call(x))(v);
const isArrayBuffer = brand((v) => abLen.call(v));
const isSharedArrayBuffer = sabLen ? brand((v) => sabLen.call(v)) : () => false;
const isAnyArrayBuffer = (v) => isArrayBuffer(v) || isSharedArrayBuffer(v);
const isDataView = brand((v) => dvLen.call(v));
const isNumberObject = (v) => typeof v === 'object' && brand((x) => Number.prototype.valueOf.call(x))(v);
const isStringObject = (v) => typeof v === 'object' && brand((x) => String.prototype.valueOf.call(x))(v);
const isBooleanObject = (v) => typeof v === 'object' && brand((x) => Boolean.prototype.valueOf.call(x))(v);
const isBigIntObject = (v) => typeof v === 'object' && brand((x) => BigInt.prototype.valueOf.call(x))(v);
const isSymbolObject = (v) => typeof v === 'object' && brand((x) => Symbol.prototype.valueOf.call(x))(v);
const isBoxedPrimitive = (v) => isNumberObject(v) || isStringObject(v) ||
  isBooleanObject(v) || isBigIntObject(v) || isSymbolObject(v);
const typedArrayName = (v) => (ArrayBuffer.isView(v) ? taTag.call(v) : undefined);
const isTypedArray = (v) => typedArrayName(v) !== undefined;
const isArrayBufferView = (v) => ArrayBuffer.isView(v);

function tagOf(v) {
  // The tag without a user-defined Symbol.toStringTag on the object itself.
  return toStr.call(v).slice(8, -1);
}
function isPromise(v) {
  if (v === null || typeof v !== 'object') return false;
  if (typeof binding.getPromiseState === 'function') {
    try { return binding.getPromiseState(v) !== undefined; } catch { return false; }
  }
  return v instanceof Promise || (tagOf(v) === 'Promise' && typeof v.then === 'function');
}
function isNativeError(v) {
  if (v === null || typeof v !== 'object') return false;
  if (v instanceof Error) return true;
  // Errors from another realm or with a changed prototype.
  const desc = Object.getOwnPropertyDescriptor(Object.prototype, 'toString');
  return desc && desc.value.call(v) === '[object Error]' && !(Symbol.toStringTag in v);
}
const protoIs = (proto) => (v) => typeof v === 'function' && getProto(v) === proto;
const isAsyncFunction = (v) => protoIs(AsyncFunction)(v) || protoIs(AsyncGeneratorFunction)(v);
const isGeneratorFunction = (v) => protoIs(GeneratorFunction)(v) || protoIs(AsyncGeneratorFunction)(v);
const isGeneratorObject = (v) => v !== null && typeof v === 'object' &&
  tagOf(v) === 'Generator';
const isMapIterator = (v) => v !== null && typeof v === 'object' && getProto(v) === mapIterProto;
const isSetIterator = (v) => v !== null && typeof v === 'object' && getProto(v) === setIterProto;
const isArgumentsObject = (v) => v !== null && typeof v === 'object' && tagOf(v) === 'Arguments';
const isProxy = (v) => typeof binding.getProxyDetails === 'function' &&
  binding.getProxyDetails(v) !== undefined;

const types = {
  isAnyArrayBuffer, isArrayBuffer, isArrayBufferView, isArgumentsObject,
  isAsyncFunction, isBigIntObject, isBooleanObject, isBoxedPrimitive,
  isDataView, isDate, isGeneratorFunction, isGeneratorObject, isMap,
  isMapIterator, isNativeError, isNumberObject, isPromise, isProxy, isRegExp,
  isSet, isSetIterator, isSharedArrayBuffer, isStringObject, isSymbolObject,
  isTypedArray, isWeakMap, isWeakSet,
  isExternal: () => false,
  isModuleNamespaceObject: (v) => v !== null && typeof v === 'object' && tagOf(v) === 'Module',
};
for (const name of ['Uint8Array', 'Uint8ClampedArray', 'Uint16Array', 'Uint32Array',
  'Int8Array', 'Int16Array', 'Int32Array', 'Float32Array', 'Float64Array',
  'BigInt64Array', 'BigUint64Array']) {
  types[`is${name}`] = (v) => typedArrayName(v) === name;
}
types.isKeyObject = () => false;
types.isCryptoKey = () => false;

module.exports = types;
Object.defineProperty(types, 'typedArrayName', { value: typedArrayName });
