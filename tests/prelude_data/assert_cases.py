"""assert: thrown AssertionErrors (name, code, message, operator,
generatedMessage) and deep-equality verdicts that must match node v20's."""

CALLS = [
    "assert.strictEqual(1, 2)", "assert.strictEqual('a', 'b')", "assert.strictEqual(1, '1')", "assert.strictEqual(0, -0)",
    "assert.strictEqual(NaN, NaN)", "assert.strictEqual(null, undefined)", "assert.strictEqual({}, {})",
    "assert.strictEqual([1, 2], [1, 2])", "assert.strictEqual({ a: 1 }, { a: 2 })", "assert.strictEqual('hello world', 'hello there')",
    "assert.strictEqual('a much longer string value', 'a much longer string valve')", "assert.strictEqual(1, 2, 'custom message')",
    "assert.strictEqual(1, 2, new TypeError('own error'))", "assert.strictEqual(true, false)", "assert.strictEqual(123456789, 1)",
    "assert.strictEqual('x\\ny', 'x\\nz')", "assert.strictEqual(() => {}, () => {})", "assert.strictEqual(Symbol('a'), Symbol('a'))",
    "assert.strictEqual(1)", "assert.notStrictEqual(1, 1)", "assert.notStrictEqual('abcdef', 'abcdef')", "(() => { const o = { a: 1 }; assert.notStrictEqual(o, o); })()",
    "assert.equal(1, 2)", "assert.equal(1, '1')", "assert.equal(NaN, NaN)", "assert.equal(null, undefined)", "assert.equal('a', 'b', 'msg')",
    "assert.notEqual(1, '1')", "assert.notEqual(2, 3)",
    "assert.deepStrictEqual({ a: 1 }, { a: 2 })", "assert.deepStrictEqual([1, 2, 3], [1, 2, 4])", "assert.deepStrictEqual({ a: 1 }, { a: 1 })",
    "assert.deepStrictEqual({ a: [1, 2] }, { a: [1, 2] })", "assert.deepStrictEqual([1, 2, 3], [1, 2])", "assert.deepStrictEqual([1], [1, 2, 3])",
    "assert.deepStrictEqual({ a: 1, b: { c: [1, 2, 3] } }, { a: 1, b: { c: [1, 2, 3, 4] } })",
    "assert.deepStrictEqual(Array.from({ length: 30 }, (_, i) => i), Array.from({ length: 30 }, (_, i) => i === 15 ? -1 : i))",
    "assert.deepStrictEqual({ a: Symbol.for('s') }, { a: Symbol.for('s') })", "assert.deepStrictEqual({ a: Symbol('s') }, { a: Symbol('s') })",
    "assert.deepStrictEqual(new Map([[1, 2]]), new Map([[1, 3]]))", "assert.deepStrictEqual(new Set([1, 2]), new Set([2, 1]))",
    "assert.deepStrictEqual(new Set([1, 2]), new Set([1, 3]))", "assert.deepStrictEqual(new Date(0), new Date(1))", "assert.deepStrictEqual(/a/g, /a/i)",
    "assert.deepStrictEqual(1, '1')", "assert.deepStrictEqual([1, 2], { 0: 1, 1: 2, length: 2 })", "assert.deepStrictEqual(Object.create(null), {})",
    "assert.deepStrictEqual(new Number(1), new Number(2))", "assert.deepStrictEqual(new Error('a'), new Error('b'))",
    "assert.deepStrictEqual(new Uint8Array([1, 2]), new Uint8Array([1, 3]))", "assert.deepStrictEqual(-0, 0)", "assert.deepStrictEqual(NaN, NaN)",
    "assert.deepStrictEqual({ a: undefined }, {})", "assert.deepStrictEqual([1, , 3], [1, undefined, 3])",
    "(() => { const a = { x: 1 }; a.self = a; const b = { x: 1 }; b.self = b; assert.deepStrictEqual(a, b); })()",
    "(() => { const a = { x: 1 }; a.self = a; const b = { x: 2 }; b.self = b; assert.deepStrictEqual(a, b); })()",
    "assert.deepStrictEqual({ a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7, h: 8 }, { a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7, h: 9 })",
    "assert.deepStrictEqual('a'.repeat(10) + 'b', 'a'.repeat(10) + 'c')",
    "assert.deepEqual({ a: 1 }, { a: '1' })", "assert.deepEqual({ a: 1 }, { a: 2 })", "assert.deepEqual([1, 2], ['1', '2'])", "assert.deepEqual(1, true)",
    "assert.deepEqual(new Set([1]), new Set(['1']))", "assert.deepEqual(Object.create(null), {})", "assert.deepEqual({ a: [1, { b: 2 }] }, { a: [1, { b: 3 }] })",
    "assert.notDeepEqual({ a: 1 }, { a: '1' })", "assert.notDeepEqual({ a: 1 }, { a: 2 })",
    "assert.notDeepStrictEqual({ a: 1 }, { a: 1 })", "assert.notDeepStrictEqual([1, 2, 3], [1, 2, 3])", "assert.notDeepStrictEqual(1, 1)",
    "assert.notDeepStrictEqual({ a: 1, b: { c: 'long enough value here' } }, { a: 1, b: { c: 'long enough value here' } })",
    "assert.ok(true)", "assert.ok(0)", "assert.ok(false)", "assert.ok('')", "assert.ok(null, 'was null')", "assert.ok()", "assert(false)", "assert(1)",
    "assert.ok(false, new RangeError('own'))", "assert.strict.ok(0)", "assert.strict.equal(1, '1')", "assert.strict.deepEqual({ a: 1 }, { a: '1' })",
    "assert.fail()", "assert.fail('boom')", "assert.fail(new TypeError('typed'))",
    "assert.throws(() => { throw new Error('x'); })", "assert.throws(() => {})", "assert.throws(() => {}, 'should throw')",
    "assert.throws(() => {}, TypeError)", "assert.throws(() => {}, TypeError, 'with msg')",
    "assert.throws(() => { throw new TypeError('t'); }, TypeError)", "assert.throws(() => { throw new Error('e'); }, TypeError)",
    "assert.throws(() => { throw new RangeError('msg here'); }, TypeError)",
    "assert.throws(() => { throw new Error('abc'); }, /abc/)", "assert.throws(() => { throw new Error('abc'); }, /xyz/)",
    "assert.throws(() => { throw new Error('abc'); }, { message: 'abc' })", "assert.throws(() => { throw new Error('abc'); }, { message: 'abd' })",
    "assert.throws(() => { const e = new Error('m'); e.code = 'E1'; throw e; }, { code: 'E2', message: 'm' })",
    "assert.throws(() => { throw new Error('abc'); }, { message: /b/ })", "assert.throws(() => { throw new Error('abc'); }, {})",
    "assert.throws(() => { throw new Error('abc'); }, (e) => e.message === 'abc')", "assert.throws(() => { throw new Error('abc'); }, function check(e) { return false; })",
    "assert.throws(() => { throw 'str'; }, { message: 'x' })", "assert.throws(() => { throw new Error('same'); }, 'same')",
    "assert.throws('notfn')", "assert.throws(() => { throw new Error('x'); }, 5)",
    "assert.doesNotThrow(() => {})", "assert.doesNotThrow(() => { throw new Error('oops'); })", "assert.doesNotThrow(() => { throw new Error('oops'); }, 'why')",
    "assert.doesNotThrow(() => { throw new Error('oops'); }, TypeError)", "assert.doesNotThrow(() => { throw new TypeError('oops'); }, TypeError)",
    "assert.match('abc', /b/)", "assert.match('abc', /x/)", "assert.match(123, /x/)", "assert.match('abc', 'b')", "assert.doesNotMatch('abc', /b/)",
    "assert.ifError(null)", "assert.ifError(new Error('if'))", "assert.ifError('str')",
]

ASYNC = [
    "await assert.rejects(Promise.reject(new Error('r')))", "await assert.rejects(Promise.resolve(1))",
    "await assert.rejects(async () => { throw new TypeError('t'); }, TypeError)", "await assert.rejects(async () => {}, 'no')",
    "await assert.rejects(() => 5)", "await assert.doesNotReject(Promise.resolve(1))", "await assert.doesNotReject(Promise.reject(new Error('dr')))",
    "await assert.rejects(async () => { throw new Error('x'); }, { message: 'y' })",
]

INSPECT = [
    "(() => { try { assert.strictEqual(1, 2); } catch (e) { e.stack = e.stack.split('\\n')[0] + '\\n    at t (/x.js:1:1)'; return util.inspect(e); } })()",
    "(() => { try { assert.deepStrictEqual({ a: 1 }, { a: 2 }); } catch (e) { return [String(e), Object.keys(e), e instanceof Error, e instanceof assert.AssertionError]; } })()",
    "(() => { const e = new assert.AssertionError({ actual: 1, expected: 2, operator: 'strictEqual' }); return [e.message, e.name, e.code, e.generatedMessage]; })()",
    "(() => { const e = new assert.AssertionError({ message: 'given', actual: 1, expected: 2, operator: 'x' }); return [e.message, e.generatedMessage, e.operator]; })()",
    "[typeof assert, typeof assert.strict, assert.strict.strict === assert.strict, assert.strict.equal === assert.strictEqual, typeof assert.strict.AssertionError]",
    "(() => { const u = require('util'); return [u.isDeepStrictEqual({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] }), u.isDeepStrictEqual([1], ['1']), u.isDeepStrictEqual(new Map([[{ k: 1 }, 1]]), new Map([[{ k: 1 }, 1]])), u.isDeepStrictEqual(new Set([{ a: 1 }]), new Set([{ a: 1 }]))]; })()",
]

# [a, b] pairs: util.isDeepStrictEqual and assert.deepEqual (loose) verdicts.
PAIRS = [
    "[{ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] }]", "[[1, 2], [2, 1]]", "[[1, , 3], [1, undefined, 3]]", "[[1, , 3], [1, , 3]]",
    "[new Set([{ a: 1 }, { b: 2 }]), new Set([{ b: 2 }, { a: 1 }])]", "[new Set([1, '1']), new Set(['1', 1])]", "[new Set([NaN]), new Set([NaN])]",
    "[new Map([[{ k: 1 }, 'v']]), new Map([[{ k: 1 }, 'v']])]", "[new Map([[1, { x: 1 }]]), new Map([[1, { x: 2 }]])]", "[new Map([[-0, 1]]), new Map([[0, 1]])]",
    "[{ [Symbol.for('s')]: 1 }, { [Symbol.for('s')]: 1 }]", "[{ [Symbol.for('s')]: 1 }, { [Symbol.for('s')]: 2 }]", "[{ [Symbol('s')]: 1 }, {}]",
    "[Object.defineProperty({}, 'h', { value: 1 }), {}]", "[Object.create(null), Object.create(null)]", "[Object.create({ p: 1 }), Object.create({ p: 2 })]",
    "[new Date(0), new Date(0)]", "[Object.assign(new Date(0), { x: 1 }), new Date(0)]", "[/a/g, /a/g]", "[Object.assign(/a/, { x: 1 }), /a/]",
    "[new Error('a'), new Error('a')]", "[new Error('a'), new TypeError('a')]", "[Object.assign(new Error('a'), { code: 1 }), new Error('a')]",
    "[new Uint8Array([1, 2]), new Uint8Array([1, 2])]", "[new Uint8Array([1, 2]), new Int8Array([1, 2])]", "[new Float64Array([0]), new Float64Array([-0])]",
    "[new Float64Array([NaN]), new Float64Array([NaN])]", "[Buffer.from('ab'), new Uint8Array([97, 98])]", "[new ArrayBuffer(2), new ArrayBuffer(2)]",
    "[new Number(1), new Number(1)]", "[new String('a'), 'a']", "[new Boolean(false), new Boolean(false)]", "[Object(1n), Object(1n)]",
    "[(() => { const a = { x: 1 }; a.self = a; return a; })(), (() => { const b = { x: 1 }; b.self = { x: 1, self: b }; return b; })()]",
    "[(() => { const a = [1]; a.push(a); return a; })(), (() => { const b = [1]; b.push(b); return b; })()]",
    "[[1, 2, 3], { 0: 1, 1: 2, 2: 3, length: 3 }]", "[(function () { return arguments; })(1), (function () { return arguments; })(1)]",
    "[(function () { return arguments; })(1), [1]]", "[{ a: undefined }, { b: undefined }]", "[{ a: 1, b: 2 }, { b: 2, a: 1 }]",
    "[1, true]", "['1', 1]", "[null, undefined]", "[0, -0]", "[NaN, NaN]", "[[0], [-0]]", "[{ a: NaN }, { a: NaN }]",
    "[() => {}, () => {}]", "[Promise.resolve(1), Promise.resolve(1)]", "[new WeakMap(), new WeakMap()]",
    "[Object.assign([1, 2], { x: 1 }), [1, 2]]", "[new Set([[1]]), new Set([[1]])]", "[new Map([[[1], [2]]]), new Map([[[1], [2]]])]",
    "[new Set([1, 2]), new Set([1, 2, 3])]", "[{ a: [new Map([[1, new Set([2])]])] }, { a: [new Map([[1, new Set([2])]])] }]",
]

PRE = "const assert = require('assert'); const util = require('util');"
REPORT = "(e) => [e.name, e.code, e.message, e.generatedMessage, e.operator]"


def cases():
    out = []
    for c in CALLS:
        out.append({"kind": "json", "src": f"(() => {{ {PRE} try {{ {c}; return 'no throw'; }} catch (e) {{ return ({REPORT})(e); }} }})()"})
    for c in ASYNC:
        out.append({"kind": "json", "src": f"(async () => {{ {PRE} try {{ {c}; return 'no throw'; }} catch (e) {{ return ({REPORT})(e); }} }})()"})
    for pair in PAIRS:
        out.append({"kind": "json", "src": f"(() => {{ {PRE} const [a, b] = {pair}; "
                    "let loose; try { assert.deepEqual(a, b); loose = true; } catch (e) { loose = e.code === 'ERR_ASSERTION' ? false : 'threw ' + e.message; } "
                    "return [util.isDeepStrictEqual(a, b), loose]; })()"})
    for c in INSPECT:
        out.append({"kind": "json", "src": f"(() => {{ {PRE} return {c}; }})()"})
    return out
