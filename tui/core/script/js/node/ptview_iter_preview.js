'use strict';
// previewEntries(iterator, isKeyValue) for util.inspect (node's internalBinding('util') helper):
// the entries a Map/Set iterator has still to give, without consuming it. QuickJS has no API to
// read an iterator's position, so it is kept here: the bootstrap loads this before any script,
// and it wraps the methods that make the iterators (Map/Set entries, keys, values, and
// @@iterator, which are the same functions) to pair each iterator with a SHADOW, a second native
// iterator of the same collection, and the iterators' `next` to step the shadow with it. The
// shadow is always exactly where the iterator is (same engine, same steps, no script code runs
// between the two steps), deletions and clear() included. To preview, the shadow is drained (its
// remaining entries, a suffix of the collection's live entries) and replaced by a fresh one
// stepped size - remaining times, i.e. to the same place.
// The wrappers keep the originals' name and length, are non-enumerable, and the iterators are
// the native ones: their prototype, toStringTag and Object.prototype.toString are unchanged.

const { apply, defineProperty, getOwnPropertyDescriptor, getPrototypeOf } = Reflect;
const NO_ARGS = Object.freeze([]);
// iterator -> { source (its Map/Set), kind, shadowOf (the native that made the shadow),
//              shadow (null once the iterator is done) }
const shadows = new WeakMap();
const KEY_VALUE = 0;             // Map entries(): [k, v] pairs
const FIRST = 1;                 // Map keys(): the key of each shadow [k, v]
const SECOND = 2;                // Map values(); Set values()/keys(): the value
const PAIR = 3;                  // Set entries(): [v, v]

function wrapMaker(proto, name, kind, shadowOf) {
  const native = proto[name];
  const wrapper = {
    [name]() {   // the natives take no arguments
      const it = apply(native, this, NO_ARGS);  // throws as the native does on a wrong receiver
      shadows.set(it, { source: this, kind, shadowOf, shadow: apply(shadowOf, this, NO_ARGS) });
      return it;
    },
  }[name];
  defineProperty(wrapper, 'length', { value: native.length, configurable: true });
  return wrapper;
}

function wrapNext(iterProto) {
  const native = iterProto.next;   // also the shadows' next: they are iterators of the same kind
  const next = {
    next() {   // the native next takes no arguments; this runs on every step of a for-of
      const r = apply(native, this, NO_ARGS);
      const rec = shadows.get(this);
      if (rec !== undefined && rec.shadow !== null) {
        if (r.done) rec.shadow = null;
        else apply(native, rec.shadow, NO_ARGS);
      }
      return r;
    },
  }.next;
  defineProperty(next, 'length', { value: native.length, configurable: true });
  defineProperty(iterProto, 'next', { ...getOwnPropertyDescriptor(iterProto, 'next'), value: next });
}

function install(proto, names, kinds, shadowOfName) {
  const shadowOf = proto[shadowOfName];
  const done = new Map();   // native function -> wrapper: aliases (@@iterator, Set keys) stay aliases
  for (let i = 0; i < names.length; i++) {
    const desc = getOwnPropertyDescriptor(proto, names[i]);
    if (!done.has(desc.value)) done.set(desc.value, wrapMaker(proto, names[i], kinds[i], shadowOf));
    defineProperty(proto, names[i], { ...desc, value: done.get(desc.value) });
  }
  return shadowOf;
}

const mapNext = getPrototypeOf(new Map().entries()).next;
const setNext = getPrototypeOf(new Set().values()).next;
const mapSize = getOwnPropertyDescriptor(Map.prototype, 'size').get;
const setSize = getOwnPropertyDescriptor(Set.prototype, 'size').get;
// every Map iterator's shadow is an entries() one (keys and values both readable from it)
const mapEntries = install(Map.prototype, ['entries', 'keys', 'values', Symbol.iterator],
  [KEY_VALUE, FIRST, SECOND, KEY_VALUE], 'entries');
install(Set.prototype, ['values', 'entries', 'keys', Symbol.iterator],
  [SECOND, PAIR, SECOND, SECOND], 'values');
wrapNext(getPrototypeOf(new Map().entries()));
wrapNext(getPrototypeOf(new Set().values()));

function remaining(rec) {
  // drain the shadow, then put a fresh one where it was
  const isMap = rec.shadowOf === mapEntries;
  const next = isMap ? mapNext : setNext;
  const out = [];
  for (let r = apply(next, rec.shadow, []); !r.done; r = apply(next, rec.shadow, [])) out.push(r.value);
  const fresh = apply(rec.shadowOf, rec.source, []);
  const skip = apply(isMap ? mapSize : setSize, rec.source, []) - out.length;
  for (let i = 0; i < skip; i++) apply(next, fresh, []);
  rec.shadow = fresh;
  return out;
}

function previewEntries(value, isKeyValue) {
  // V8's shape: flat [k, v, k, v, ...] for Map entries() and Set entries(), else one per entry
  const rec = (typeof value === 'object' && value !== null) ? shadows.get(value) : undefined;
  if (rec === undefined) return undefined;   // not a Map/Set iterator: nothing known
  const items = rec.shadow === null ? [] : remaining(rec);
  const entries = [];
  const { kind } = rec;
  const isMap = rec.shadowOf === mapEntries;
  for (let i = 0; i < items.length; i++) {
    const v = items[i];
    if (kind === KEY_VALUE) { entries[entries.length] = v[0]; entries[entries.length] = v[1]; }
    else if (kind === FIRST) entries[entries.length] = v[0];
    else if (kind === SECOND) entries[entries.length] = isMap ? v[1] : v;
    else { entries[entries.length] = v; entries[entries.length] = v; }
  }
  const keyValue = kind === KEY_VALUE || kind === PAIR;
  return isKeyValue === true ? [entries, keyValue] : entries;
}

module.exports = { previewEntries };
