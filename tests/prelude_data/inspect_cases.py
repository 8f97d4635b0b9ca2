"""util.inspect / util.format cases: JavaScript source evaluated in node v20
and in QuickJS with ptview's prelude; outputs must be byte-identical.
Expected outputs live in inspect_expected.json (regenerate: python -m
tests.prelude_data.gen inspect)."""

E = "(() => { const e = new Error('boom'); e.stack = 'Error: boom\\n    at f (/app/main.js:3:9)\\n    at Object.<anonymous> (/app/main.js:7:1)'; return e; })()"
ENOENT = ("(() => { const e = new Error(\"ENOENT: no such file or directory, open 'nope.txt'\"); "
          "e.stack = \"Error: ENOENT: no such file or directory, open 'nope.txt'\\n    at Object.openSync (node:fs:601:3)\"; "
          "e.errno = -2; e.code = 'ENOENT'; e.syscall = 'open'; e.path = 'nope.txt'; return e; })()")

CASES = [
    # primitives
    "1", "-1", "0", "-0", "1.5", "1e21", "1e-7", "NaN", "Infinity", "-Infinity",
    "123n", "-5n", "true", "false", "null", "undefined",
    "Symbol('s')", "Symbol()", "Symbol.iterator", "Symbol.for('nodejs.x')",
    # strings and quoting
    "''", "'abc'", "\"it's\"", "'say \"hi\"'", "'it\\'s \"x\"'", "'it\\'s \"x\" `y`'",
    "'a\\nb'", "'tab\\there'", "'\\x00\\x1f\\x7f'", "'back\\\\slash'", "'\\u00e9\\u4e2d\\ud83d\\ude00'",
    "'\\ud800 lone'", "'x'.repeat(100)", "'line one\\nline two is longer than the rest of it\\nthree\\n' + 'y'.repeat(60)",
    "['it\\'s']", "{ 'key-with-dash': 1, valid_id: 2, '0': 3, 'a b': 4, \"it's\": 5 }",
    # arrays
    "[]", "[1, 2, 3]", "[1, 'a', null, undefined, true]", "[[1, [2, [3, [4]]]]]",
    "[,]", "[1, , 3]", "[, , 1, , , ]", "new Array(5)", "(() => { const a = [1, 2]; a[10] = 3; return a; })()",
    "Array.from({ length: 7 }, (_, i) => i)", "Array.from({ length: 26 }, (_, i) => i * 3)",
    "Array.from({ length: 101 }, (_, i) => i)", "Array.from({ length: 150 }, (_, i) => i % 7)",
    "Array.from({ length: 10 }, (_, i) => 'item' + i)", "Array.from({ length: 30 }, (_, i) => 'w'.repeat(i % 5 + 1))",
    "Array.from({ length: 12 }, (_, i) => i * 1000000)", "Array.from({ length: 8 }, (_, i) => ({ id: i }))",
    "Array.from({ length: 20 }, (_, i) => -i * 1.5)", "Array.from({ length: 9 }, (_, i) => BigInt(i) * 100n)",
    "Array.from({ length: 16 }, (_, i) => i % 2 ? 'odd' : i)",
    "(() => { const a = [1, 2, 3]; a.extra = 'x'; return a; })()",
    "[{ a: 1, b: { c: { d: { e: 1 } } } }]", "[[[[[1]]]]]",
    "['aaaaaaaaaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbbbbbbbbbbb', 'cccccccccccccccccccccc', 'ddddddddddd']",
    # objects
    "{}", "{ a: 1 }", "{ a: 1, b: 'two', c: [3], d: { e: null } }",
    "{ a: { b: { c: { d: 1 } } } }", "{ a: { b: { c: {} } } }", "{ a: { b: { c: [] } } }", "{ a: { b: { c: [1] } } }",
    "{ a: [ { b: { c: 1 } } ] }",
    "{ name: 'ptview', version: '0.1.0', description: 'Watch how Node.js uses processes and threads', tags: ['tui'] }",
    "{ id: 1, name: 'alpha', ok: true, score: 99.5, tags: ['x', 'y'] }",
    "{ a: 'x'.repeat(30), b: 'y'.repeat(30), c: 'z'.repeat(10) }",
    "{ a: 'x'.repeat(20), b: 'y'.repeat(20), c: 'z'.repeat(20) }",
    "{ long: 'word '.repeat(30) }",
    "{ nested: { long: 'word '.repeat(30) } }",
    "Object.create(null)", "Object.assign(Object.create(null), { a: 1 })",
    "{ [Symbol('sym')]: 1, regular: 2 }", "{ [Symbol.iterator]: 1 }",
    "{ __proto__: { inherited: 1 }, own: 2 }", "{ ['__proto__']: 1 }",
    "{ get a() { return 1; } }", "{ set a(v) {} }", "{ get a() { return 1; }, set a(v) {} }",
    "Object.defineProperty({}, 'hidden', { value: 1, enumerable: false })",
    "{ f() {}, g: function () {}, h: () => {}, i: async () => {}, j: function* () {} }",
    "{ undef: undefined, nul: null, nan: NaN }",
    "Array.from({ length: 30 }).reduce((o, _, i) => (o['k' + i] = i, o), {})",
    "{ a: { b: { c: { d: { e: 1 } } } } }",
    # class instances
    "new (class Foo { constructor() { this.x = 1; } })()",
    "new (class Foo {})()", "new (class Bar extends Array {})()",
    "(() => { class Point { constructor(x, y) { this.x = x; this.y = y; } } return [new Point(1, 2), new Point(3, 4)]; })()",
    "(() => { class Base {} class Derived extends Base { constructor() { super(); this.v = 1; } } return new Derived(); })()",
    "(() => { function Legacy() { this.a = 1; } return new Legacy(); })()",
    "(() => { class M extends Map {} return new M([[1, 2]]); })()",
    "(() => { class S extends Set {} return new S([1]); })()",
    "(() => { class E extends Error {} const e = new E('sub'); e.stack = 'Error: sub\\n    at x (/a.js:1:1)'; return e; })()",
    "{ [Symbol.toStringTag]: 'Custom' }",
    "(() => { class T { get [Symbol.toStringTag]() { return 'Tagged'; } } return new T(); })()",
    # Map / Set / Weak
    "new Map()", "new Map([['a', 1], ['b', { c: 2 }]])", "new Map([[{ k: 1 }, [1, 2]]])",
    "new Set()", "new Set([1, 'two', [3]])", "new Set(Array.from({ length: 30 }, (_, i) => i))",
    "new WeakMap()", "new WeakSet()", "{ m: new Map([[1, new Map([[2, new Map([[3, 4]])]])]]) }",
    "new Map([['config', { retries: 3, timeout: 1000, hosts: ['a.example.com', 'b.example.com'] }]])",
    # functions
    "function f() {}", "function () {}", "() => {}", "class A {}", "class extends Array {}",
    "(() => { class A {} class B extends A {} return B; })()",
    "async function af() {}", "function* g() {}", "async function* ag() {}",
    "Object.assign(function withProps() {}, { a: 1 })", "Math.max", "Array.prototype.push",
    "(() => { const f = () => {}; return f; })()", "Object.setPrototypeOf(function np() {}, null)",
    # circular
    "(() => { const o = { name: 'loop' }; o.self = o; return o; })()",
    "(() => { const a = [1]; a.push(a); return a; })()",
    "(() => { const a = { x: {} }; a.x.parent = a; a.x.me = a.x; return a; })()",
    "(() => { const m = new Map(); m.set('m', m); return m; })()",
    # errors
    E, ENOENT, "[" + E + "]", "{ err: " + E + " }",
    "(() => { const e = new Error('no stack'); e.stack = ''; return e; })()",
    "(() => { const e = new TypeError('bad'); e.stack = 'TypeError: bad\\n    at g (/b.js:2:2)'; return e; })()",
    "(() => { const e = new RangeError('r'); e.stack = ''; return e; })()",
    "(() => { const e = new Error('with cause', { cause: 'why' }); e.stack = 'Error: with cause\\n    at h (/c.js:1:1)'; return e; })()",
    "(() => { const e = new Error('named'); e.name = 'CustomError'; e.stack = 'CustomError: named\\n    at i (/d.js:1:1)'; return e; })()",
    "(() => { const e = new Error('m'); e.stack = 'Error: m\\n    at j (/e.js:1:1)'; e.extra = { deep: [1, 2] }; return { wrapped: e }; })()",
    # dates, regexps, boxed
    "new Date(0)", "new Date('2024-02-29T12:34:56.789Z')", "new Date(NaN)", "{ when: new Date(86400000) }",
    "/ab+c/gi", "new RegExp('a/b')", "Object.assign(/x/, { extra: 1 })",
    "new Number(3)", "new Number(-0)", "new String('str')", "new Boolean(false)", "Object(1n)", "Object(Symbol('boxed'))",
    "Object.assign(new String('ab'), { k: 1 })",
    # typed arrays and buffers
    "new Uint8Array([1, 2, 3])", "new Uint8Array(0)", "new Float64Array([1.5, -0, NaN])", "new BigInt64Array([1n, -1n])",
    "new Int16Array(120)", "new ArrayBuffer(4)", "new Uint8Array([104, 105]).buffer", "new DataView(new ArrayBuffer(2))",
    "new Uint32Array(10)",
    # promises
    "Promise.resolve(1)", "new Promise(() => {})", "Promise.resolve({ a: [1, 2] })",
    "(() => { const e = new Error('rej'); e.stack = 'Error: rej\\n    at k (/f.js:1:1)'; return Promise.reject(e); })()",
    "Promise.reject(42)", "{ p: Promise.resolve('inner') }",
    # proxies
    "new Proxy({ a: 1 }, {})", "new Proxy([1, 2], {})", "new Proxy({ a: 1 }, { get() { return 5; } })",
    "new Proxy(function target() {}, {})", "{ p: new Proxy(new Map([[1, 2]]), {}) }",
    "new Proxy({ [Symbol.for('nodejs.util.inspect.custom')]() { return 'custom via proxy'; } }, {})",
    # custom inspect
    "{ [Symbol.for('nodejs.util.inspect.custom')]() { return 'CUSTOM'; } }",
    "{ [Symbol.for('nodejs.util.inspect.custom')]() { return { replaced: true }; } }",
    "{ inner: { [Symbol.for('nodejs.util.inspect.custom')](depth, opts) { return 'multi\\nline'; } } }",
    "{ [Symbol.for('nodejs.util.inspect.custom')](depth, opts, inspect) { return 'depth=' + depth + ' ' + typeof inspect; } }",
    # arguments, iterators, misc
    "(function () { return arguments; })(1, 2)", "globalThis.Math", "JSON", "(function* () {})()",
    "[function f() {}, class K {}, Symbol('x')]",
    "[new Map([[1, 2]]), new Set([3]), [4], { five: 5 }]",
    "{ timers: [{ id: 1, delay: 100, repeat: false }, { id: 2, delay: 0, repeat: true }], ticks: 3 }",
    "{ phase: 'poll', queue: ['fs.readFile', 'dns.lookup', 'crypto.pbkdf2'], counters: { submitted: 10, done: 8 } }",
]

MORE = [
    "(() => { const e = new Error('outer', { cause: new TypeError('inner') }); e.stack = 'Error: outer\\n    at a (/x.js:1:1)'; e.cause.stack = 'TypeError: inner\\n    at b (/x.js:2:2)'; return e; })()",
    "(() => { const e = new AggregateError([new Error('one'), 'two'], 'many'); e.stack = 'AggregateError: many\\n    at c (/x.js:1:1)'; e.errors[0].stack = 'Error: one\\n    at d (/x.js:3:3)'; return e; })()",
    "(() => { const e = new Error('multi\\nline message'); e.stack = 'Error: multi\\nline message\\n    at e (/x.js:1:1)'; return e; })()",
    "(() => { const e = new Error('renamed'); e.stack = 'Error: renamed\\n    at f (/x.js:1:1)'; e.name = 'MyError'; return e; })()",
    "(() => { class HttpError extends Error { constructor(m, status) { super(m); this.name = 'HttpError'; this.status = status; } } const e = new HttpError('not found', 404); e.stack = 'HttpError: not found\\n    at g (/x.js:1:1)'; return e; })()",
    "(() => { class ValidationError extends Error {} const e = new ValidationError('bad'); e.stack = 'Error: bad\\n    at h (/x.js:1:1)'; return e; })()",
    "(() => { const e = new Error('no frames'); e.stack = 'Error: no frames'; e.code = 'E_X'; return e; })()",
    "(() => { const e = new Error('x'); e.stack = 'Error: x\\n    at i (/x.js:1:1)'; return [[e]]; })()",
    "(() => { const e = Object.create(Error.prototype); return e; })()",
    "(() => { const e = new Error('deep'); e.stack = 'Error: deep\\n    at j (/x.js:1:1)'; return { a: { b: { c: e } } }; })()",
    "(() => { const e = new Error('msg'); e.stack = 'Error: msg\\n    at k (/x.js:1:1)'; e.message = 'changed'; return e; })()",
    "(() => { class A { static x = 1; } return A; })()", "Object.assign(() => {}, { a: 1, b: 'two' })",
    "(() => { class T { get [Symbol.toStringTag]() { return 'T2'; } constructor() { this.v = 1; } } return new T(); })()",
    "{ rss: 30932992, heapTotal: 6438912, heapUsed: 5404264, external: 445813, arrayBuffers: 17606 }",
    "{ pid: 12345, ppid: 1, platform: 'linux', arch: 'x64', versions: { node: '20.20.2', v8: '11.3.244.8-node.33', uv: '1.46.0' } }",
    "[{ id: 1, name: 'timers' }, { id: 2, name: 'pending callbacks' }, { id: 3, name: 'idle, prepare' }, { id: 4, name: 'poll' }, { id: 5, name: 'check' }, { id: 6, name: 'close callbacks' }]",
    "['timers', 'pending', 'idle', 'prepare', 'poll', 'check', 'close', 'nextTick', 'microtask']",
    "Array.from({ length: 12 }, (_, i) => 'phase-' + i)", "Array.from({ length: 7 }, (_, i) => i % 2 ? null : undefined)",
    "Array.from({ length: 40 }, (_, i) => i % 3 === 0 ? 'x' : i)", "Array.from({ length: 9 }, (_, i) => [i, i * i])",
    "[true, false, true, false, true, false, true, false]", "Array.from({ length: 8 }, (_, i) => Symbol('s' + i))",
    "{ a: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27] }",
    "{ list: Array.from({ length: 10 }, (_, i) => ({ i })) }", "{ matrix: [[1, 2, 3], [4, 5, 6], [7, 8, 9]] }",
    "new Map([['timeout', { ms: 100 }], ['immediate', { ms: 0 }], ['nextTick', null], ['promise', undefined]])",
    "new Set(['a', 'b', { c: [1, 2, { d: 3 }] }])", "new Map([[NaN, 'nan'], [-0, 'zero'], [undefined, 'u']])",
    "{ 1: 'one', 2: 'two', b: 'b', a: 'a' }", "{ 'a-b': 1, 'c d': 2, e_f: 3, $g: 4, 'ü': 5, '': 6 }",
    "{ [Symbol()]: 1, [Symbol('with space')]: 2, [Symbol.for('reg')]: 3 }",
    "(() => { const a = [1, 2, 3]; a[-1] = 'neg'; a['1.5'] = 'frac'; return a; })()",
    "(() => { const o = {}; Object.defineProperty(o, 'ro', { value: 1, enumerable: true, writable: false }); return o; })()",
    "new Array(3).fill({ same: 'ref' })", "(() => { const shared = { s: 1 }; return { x: shared, y: shared }; })()",
    "(() => { const a = { name: 'a' }; const b = { name: 'b', a }; a.b = b; return [a, b]; })()",
    "(() => { const a = {}; const b = {}; a.self = a; b.self = b; return { a, b }; })()",
    "'a'.repeat(77)", "'a'.repeat(200) + '\\n' + 'b'.repeat(10)", "{ s: 'x'.repeat(80) }", "['y'.repeat(80)]",
    "{ key: 'line1\\nline2\\nline3 is a much longer line that makes this string long enough to be split' }",
    "[1.0, 2.5, -3.25, 1e100, 5e-324, 0.1 + 0.2]", "[0, -0, +0, 0n, -0n]", "[Number.MAX_SAFE_INTEGER, 2n ** 64n, -(2n ** 70n)]",
    "new Date(2024, 0, 1, 12, 30)", "[new Date(8.64e15), new Date(-1)]", "Object.assign(new Date(0), { tag: 'x' })",
    "[/a/, /[\\]\\/]/gimsuy, new RegExp('')]", "Object.setPrototypeOf(new Map([[1, 2]]), null)", "Object.setPrototypeOf([1, 2], null)",
    "Object.setPrototypeOf(new Set([1]), null)", "Object.setPrototypeOf(new Date(0), null)", "Object.setPrototypeOf(/x/, null)",
    "Object.setPrototypeOf(function nf() {}, null)", "Object.setPrototypeOf({ a: 1 }, Object.create(null))",
    "(() => { function Foo() {} Foo.prototype = Object.create(null); return new Foo(); })()",
    "(() => { const proto = { constructor: { name: '' } }; return Object.create(proto); })()",
    "new Float32Array([0.1, 1 / 3])", "new Uint8ClampedArray([300, -5])", "Object.assign(new Uint8Array(2), { x: 1 })",
    "new Uint8Array(new ArrayBuffer(8), 2, 3)", "{ buf: new ArrayBuffer(3), view: new DataView(new ArrayBuffer(2), 1) }",
    "[Promise.resolve([1, 2]), Promise.resolve(Promise.resolve(3))]",
    "(() => { const p = Promise.resolve(1); p.extra = 'prop'; return p; })()",
    "{ fn: function () {}, arrow: () => {}, method() {}, async am() {}, *gm() {}, async *agm() {}, ['computed' + 1]() {} }",
    "(() => { const f = function () {}; Object.defineProperty(f, 'name', { value: '' }); return f; })()",
    "(() => { const f = function () {}; Object.defineProperty(f, 'name', { value: 'renamed' }); return f; })()",
    "Object.defineProperty(class {}, 'name', { value: 'Named' })", "Function.prototype", "Object.prototype", "Array.prototype",
    "(() => { class A {} return A.prototype; })()", "Symbol.prototype", "Map.prototype",
    "(() => { const frames = ['    at inner (/srv/app/lib.js:1:1)', '    at middle (/srv/app/lib.js:2:2)', '    at outer (/srv/app/main.js:3:3)', '    at Module._compile (node:internal/modules/cjs/loader:1:1)', '    at run (/srv/app/main.js:9:9)']; const cause = new Error('low'); cause.stack = ['Error: low', '    at deepest (/srv/app/db.js:7:7)', ...frames].join('\\n'); const e = new Error('high', { cause }); e.stack = ['Error: high', '    at handler (/srv/app/api.js:5:5)', ...frames].join('\\n'); return e; })()",
    "Symbol('a\\nb')", "{ [Symbol('k\\ney')]: 1 }", "'\\u2028\\u2029'", "'a\\'b\"c`d'", "'a\\'b\"c${d}'", "'a\\'b\"c`d${e}'",
    "{ 'new\\nline': 1, 'tab\\tkey': 2, \"q'uote\": 3 }", "[-0, [-0], { z: -0 }]", "[1, 2, , ]", "[, 'a', , 'b', , ]",
    "{ ['x'.repeat(90)]: 1 }", "{ a: 'x'.repeat(72) }", "{ a: 'x'.repeat(73) }", "['x'.repeat(74)]", "[['x'.repeat(72)]]",
    "'\\x1b[31mred\\x1b[0m'", "'\\x7f\\x9f\\xa0'", "'\\ud83d'", "{ e: '' }", "[''] ",
    "Array.from({ length: 6 }, (_, i) => i)", "Array.from({ length: 7 }, (_, i) => 'a'.repeat(i))",
    "Array.from({ length: 27 }, (_, i) => 'x'.repeat(i % 4))", "Array.from({ length: 16 }, (_, i) => (i % 2 ? -i : i * 1000))",
    "Array.from({ length: 10 }, (_, i) => [i])", "[[1, 2, 3, 4, 5, 6, 7, 8], [9, 10, 11, 12, 13, 14, 15, 16]]",
    "{ nums: Array.from({ length: 101 }, (_, i) => i) }", "new Set(Array.from({ length: 101 }, (_, i) => i))",
    "new Map(Array.from({ length: 5 }, (_, i) => [i, 'v'.repeat(20)]))",
]

# Known differences from node, with the reason (the test expects them to differ);
# a key is the case's source, or (source, options).
KNOWN = {
    ("function f() {}", "{ showHidden: true }"):
        "V8's sloppy functions have own `arguments` and `caller` properties, QuickJS's do not",
    ("(() => { const e = new Error('hidden'); e.stack = 'Error: hidden\\n    at x (/a.js:1:1)'; return e; })()",
     "{ showHidden: true }"):
        "QuickJS's error `stack` is an accessor: assigned, it becomes an enumerable own property after "
        "`message` (V8: own, non-enumerable, first) unless the host makes it V8-like",
    "(() => { function Foo() {} Foo.prototype = Object.create(null); return new Foo(); })()":
        "V8 names the object's class after the function that constructed it; plain JavaScript cannot "
        "(host helper internalBinding('util').getConstructorName would)",
}

OPTION_CASES = [
    ("{ a: { b: { c: { d: { e: 1 } } } } }", "{ depth: 0 }"),
    ("{ a: { b: { c: { d: { e: 1 } } } } }", "{ depth: Infinity }"),
    ("{ a: { b: { c: { d: { e: 1 } } } } }", "{ depth: null }"),
    ("[[[[[1]]]]]", "{ depth: 1 }"),
    ("{ a: 1, b: [1, 2, 3], c: { d: 'x' } }", "{ compact: false }"),
    ("{ a: 1, b: [1, 2, 3], c: { d: 'x' } }", "{ compact: true }"),
    ("{ a: 1, b: [1, 2, 3], c: { d: 'x' } }", "{ compact: 1 }"),
    ("{ a: 1, b: [1, 2, 3], c: { d: 'x' } }", "{ breakLength: 20 }"),
    ("{ a: 1, b: [1, 2, 3], c: { d: 'x' } }", "{ breakLength: Infinity }"),
    ("Array.from({ length: 30 }, (_, i) => i)", "{ breakLength: 40 }"),
    ("Array.from({ length: 30 }, (_, i) => i)", "{ maxArrayLength: 5 }"),
    ("Array.from({ length: 30 }, (_, i) => i)", "{ maxArrayLength: 0 }"),
    ("new Set([1, 2, 3, 4])", "{ maxArrayLength: 2 }"),
    ("'x'.repeat(50)", "{ maxStringLength: 10 }"),
    ("{ c: 3, a: 1, b: 2 }", "{ sorted: true }"),
    ("new Map([['b', 1], ['a', 2]])", "{ sorted: true }"),
    ("{ get a() { return 1; }, get b() { return { x: 1 }; }, get c() { return null; }, set c(v) {} }", "{ getters: true }"),
    ("{ get a() { return 1; }, set b(v) {}, get c() { return 2; }, set c(v) {} }", "{ getters: 'get' }"),
    ("{ get a() { throw new Error('nope'); } }", "{ getters: true }"),
    ("[1, 2, 3]", "{ showHidden: true }"),
    ("Object.defineProperty({ v: 1 }, 'hidden', { value: 2, enumerable: false })", "{ showHidden: true }"),
    ("1234567.891", "{ numericSeparator: true }"),
    ("{ a: 1, s: 'str' }", "{ colors: true }"),
    ("new Proxy({ a: 1 }, { get() { return 5; } })", "{ showProxy: true }"),
    ("(() => { const e = new Error('colored'); e.stack = ['Error: colored', '    at f (/srv/x/node_modules/pkg/index.js:1:1)', '    at g (/srv/x/node_modules/@scope/pkg/a.js:2:2)', '    at Module._compile (node:internal/modules/cjs/loader:1:1)', '    at node:internal/main/run_main_module:28:49', '    at h (/srv/x/app.js:3:3)'].join('\\n'); return e; })()", "{ colors: true }"),
    ("new Proxy([1], new Proxy({}, {}))", "{ showProxy: true }"),
    ("{ deep: { deeper: new Proxy({ x: 1 }, {}) } }", "{ showProxy: true, depth: 0 }"),
    ("[1, null, undefined, 'x', Symbol('y'), true, 10n]", "{ colors: true }"),
    ("{ [Symbol.for('nodejs.util.inspect.custom')]() { return 'c'; } }", "{ customInspect: false }"),
    ("{ a: [{ b: 1 }] }", "{ depth: 0, compact: false }"),
    ("function f() {}", "{ showHidden: true }"),
    ("(() => { const e = new Error('hidden'); e.stack = 'Error: hidden\\n    at x (/a.js:1:1)'; return e; })()", "{ showHidden: true }"),
    ("new Map([[1, 2]])", "{ showHidden: true }"),
    ("new Uint8Array([1, 2])", "{ showHidden: true }"),
    ("Buffer.from('ab')", "{ showHidden: true }"),
    ("{ a: 1, [Symbol('s')]: 2 }", "{ showHidden: true }"),
    ("Object.defineProperty([1], 'x', { value: 'hid' })", "{ showHidden: true }"),
    ("new (class K { #p = 1; q = 2; })()", "{ showHidden: true }"),
    ("'x'.repeat(20)", "{ breakLength: 10 }"),
    ("(() => { class P { constructor() { this.own = 1; } get area() { return 6; } set area(v) {} method() {} static s() {} } return new P(); })()", "{ showHidden: true }"),
    ("(() => { class A { get a() { return 1; } } class B extends A { get b() { return 2; } } return [new B()]; })()", "{ showHidden: true, getters: true }"),
    ("(() => { class E {} return new E(); })()", "{ showHidden: true }"),
    ("(() => { class Q extends Map { get extra() { return 1; } } return new Q([[1, 2]]); })()", "{ showHidden: true }"),
    ("{ a: 'x'.repeat(100) }", "{ compact: true }"),
    ("[[1, 2, [3, 4, [5, [6]]]]]", "{ compact: true, depth: 10 }"),
    ("{ a: { b: { c: { d: { e: { f: 1 } } } } } }", "{ compact: 1, depth: 10 }"),
    ("Array.from({ length: 30 }, (_, i) => 'item ' + i)", "{ compact: 1 }"),
]

FORMAT_CASES = [
    "['hello']", "['%s world', 'hello']", "['%s', 42]", "['%s', -0]", "['%s', 10n]", "['%s', null]", "['%s', undefined]",
    "['%s', { a: { b: { c: 1 } } }]", "['%s', [1, [2, [3]]]]", "['%s', Symbol('q')]", "['%s', new Date(0)]",
    "['%s', { toString() { return 'custom!'; } }]", "['%s', new (class X { toString() { return 'X!'; } })()]",
    "['%d', '42']", "['%d', 1.5]", "['%d', 10n]", "['%d', {}]", "['%i', '42.9']", "['%i', -3.7]", "['%f', '1.25']",
    "['%j', { a: [1, 'x'] }]", "['%j', (() => { const o = {}; o.o = o; return o; })()]",
    "['%o', { a: 1 }]", "['%O', { a: { b: { c: { d: 1 } } } }]", "['%O', [1, 2]]",
    "['%c styled', 'color: red']", "['100%%']", "['%% %s', 'x']", "['%s %s', 'only one']", "['%x', 1]",
    "['a', 'b', 'c']", "[1, 2, 3]", "['%s', 'a', 'b', { c: 1 }]", "[{ a: 1 }, 'str', [2]]",
    "['count: %d, name: %s, obj: %O', 3, 'n', { k: 'v' }]", "['%s:%s', 'host']",
    "['err %s', " + E + "]", "[" + E + "]", "['%s']", "[]", "['%', 1]", "['trailing %', 1]",
]

FORMAT_OPTION_CASES = [
    ("['%O', { a: { b: { c: 1 } } }]", "{ depth: 0 }"),
    ("[{ a: 1 }, 'x']", "{ colors: true }"),
    ("['%s', 5]", "{ colors: true }"),
]


def cases():
    out = [{"kind": "inspect", "src": s} for s in CASES + MORE]
    out += [{"kind": "inspect", "src": s, "opts": o} for s, o in OPTION_CASES]
    out += [{"kind": "format", "src": s} for s in FORMAT_CASES]
    out += [{"kind": "formatWithOptions", "src": s, "opts": o} for s, o in FORMAT_OPTION_CASES]
    return out
