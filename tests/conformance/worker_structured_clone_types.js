// From doc/api/worker_threads.md "port.postMessage(value[, transferList])" ("value may contain circular references and
// instances of builtin JS types such as RegExps, BigInts, Maps, Sets, etc.") and MDN "The structured clone algorithm"
// (https://developer.mozilla.org/en-US/docs/Web/API/Web_Workers_API/Structured_clone_algorithm): a Worker echoes back
// what it gets; Map, Set, Date, RegExp, BigInt, typed arrays and a cycle survive; an Error keeps its class, name and
// message but not an extra own property (code); a class instance comes back a plain object; a getter is read once into
// a data property; property order is kept.
const { Worker, isMainThread, parentPort } = require('node:worker_threads');

if (isMainThread) {
  class Point { constructor(x, y) { this.x = x; this.y = y; } norm() { return Math.hypot(this.x, this.y); } }
  const cyclic = { name: 'root', list: [1, 2] };
  cyclic.self = cyclic;
  cyclic.list.push(cyclic);
  const err = new RangeError('out of range');
  err.code = 'E_RANGE';
  const value = {
    map: new Map([['a', 1], [{ k: 2 }, 'obj key']]),
    set: new Set([1, 'two', 3n]),
    date: new Date(Date.UTC(2020, 0, 2, 3, 4, 5)),
    re: /ab+c/gi,
    big: 2n ** 70n,
    bytes: new Uint8Array([1, 2, 255]),
    floats: new Float32Array([0.5, -1]),
    nested: { arr: [undefined, null, NaN, -0, Infinity], s: 'text' },
    point: new Point(3, 4),
    get computed() { return 'read once'; },
    cyclic,
    err,
  };
  const w = new Worker(__filename);
  w.once('message', (back) => {
    console.log(back.map, back.set);
    console.log(back.date.toISOString(), back.date instanceof Date, back.re, back.re.flags, back.big);
    console.log(back.bytes, back.floats);
    console.log(back.nested, Object.is(back.nested.arr[3], -0));
    console.log(back.point, back.point instanceof Point, typeof back.point.norm);
    console.log(Object.getOwnPropertyDescriptor(back, 'computed'));
    console.log(back.cyclic.self === back.cyclic, back.cyclic.list[2] === back.cyclic, back.cyclic !== cyclic);
    console.log(back.err instanceof RangeError, back.err.name, back.err.message, back.err.code);
    console.log(Object.keys(back).join(','));
  });
  w.postMessage(value);
} else {
  parentPort.once('message', (v) => parentPort.postMessage(v));
}
