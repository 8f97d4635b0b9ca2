"""util helpers, types, errors, AbortController / EventTarget: results that
must match node v20's (JSON of values, or inspect strings)."""

SYNC = [
    # promisify / callbackify / inherits / deprecate
    "(() => { const f = (a, cb) => cb(null, a * 2); const p = util.promisify(f); return [typeof p, p.name, util.promisify(p) === p, p.length]; })()",
    "(() => { function custom() {} const c = () => 'x'; custom[util.promisify.custom] = c; return [util.promisify(custom) === c, String(util.promisify.custom)]; })()",
    "(() => { try { util.promisify(5); } catch (e) { return [e.name, e.code, e.message]; } })()",
    "(() => { try { util.callbackify('x'); } catch (e) { return [e.name, e.code, e.message]; } })()",
    "(() => { async function fn(a) { return a; } const cb = util.callbackify(fn); return [cb.name, cb.length, typeof cb]; })()",
    "(() => { try { util.callbackify(async () => {})(1); } catch (e) { return [e.name, e.code, e.message]; } })()",
    "(() => { function A() {} function B() {} util.inherits(A, B); return [Object.getPrototypeOf(A.prototype) === B.prototype, A.super_ === B, Object.keys(A)]; })()",
    "(() => { try { util.inherits(function () {}, null); } catch (e) { return [e.name, e.code, e.message]; } })()",
    "(() => { try { util.inherits(function () {}, {}); } catch (e) { return [e.name, e.code, e.message]; } })()",
    "(() => { const d = util.deprecate(function old(a) { return a + 1; }, 'old() is deprecated', 'DEP0999'); return [d(1), typeof d, d.name]; })()",
    # format helpers
    "util.inspect.defaultOptions", "[util.inspect.custom === Symbol.for('nodejs.util.inspect.custom'), typeof util.inspect.colors.red, util.inspect.styles.number]",
    "util.stripVTControlCharacters('\\u001b[31mred\\u001b[39m and \\u001b[1mbold\\u001b[22m')",
    "util.toUSVString('a\\ud800b')", "util.format('%s', 'x') + util.format('%d%%', 50)",
    "(() => { const prev = util.inspect.defaultOptions.depth; util.inspect.defaultOptions.depth = 0; const s = util.inspect({ a: { b: 1 } }); util.inspect.defaultOptions.depth = prev; return s; })()",
    "(() => { try { util.inspect.defaultOptions = null; } catch (e) { return [e.name, e.code, e.message]; } })()",
    "(() => { try { util.formatWithOptions(null, 'x'); } catch (e) { return [e.name, e.code, e.message]; } })()",
    "[util.isDeepStrictEqual(1, 1), util.isDeepStrictEqual({ a: 1 }, { a: '1' }), util.isDeepStrictEqual([0], [-0]), util.isDeepStrictEqual(NaN, NaN)]",
    "[util.isArray([]), util.isError(new Error()), util.isError({}), util.isPrimitive(null), util.isPrimitive({}), util.isFunction(() => {}), util.isRegExp(/x/), util.isDate(new Date())]",
    # types
    "[util.types.isPromise(Promise.resolve()), util.types.isPromise({ then() {} }), util.types.isDate(new Date()), util.types.isDate({}), util.types.isRegExp(/x/), util.types.isRegExp({})]",
    "[util.types.isMap(new Map()), util.types.isSet(new Set()), util.types.isWeakMap(new WeakMap()), util.types.isWeakSet(new WeakSet()), util.types.isMap(new Set())]",
    "[util.types.isAsyncFunction(async () => {}), util.types.isAsyncFunction(() => {}), util.types.isGeneratorFunction(function* () {}), util.types.isGeneratorFunction(async function* () {}), util.types.isGeneratorObject((function* () {})())]",
    "[util.types.isTypedArray(new Uint8Array()), util.types.isTypedArray([]), util.types.isUint8Array(Buffer.alloc(1)), util.types.isFloat64Array(new Float64Array()), util.types.isArrayBuffer(new ArrayBuffer(1)), util.types.isAnyArrayBuffer(new SharedArrayBuffer(1)), util.types.isDataView(new DataView(new ArrayBuffer(1))), util.types.isArrayBufferView(Buffer.alloc(1))]",
    "[util.types.isNativeError(new TypeError()), util.types.isNativeError({ name: 'Error', message: '' }), util.types.isBoxedPrimitive(Object(1)), util.types.isBoxedPrimitive(1), util.types.isNumberObject(new Number(1)), util.types.isStringObject(new String('')), util.types.isSymbolObject(Object(Symbol())), util.types.isBigIntObject(Object(1n))]",
    "[util.types.isMapIterator(new Map().keys()), util.types.isSetIterator(new Set().values()), util.types.isMapIterator([].values()), util.types.isArgumentsObject((function () { return arguments; })()), util.types.isArgumentsObject([])]",
    # errors
    "(() => { try { require('events').prototype.on.call(new (require('events'))(), 'x', 1); } catch (e) { return [e.name, e.code, e.message, String(e), Object.keys(e)]; } })()",
    "(() => { const E = require('events'); try { new E().on('x', null); } catch (e) { return util.inspect(e).split('\\n')[0]; } })()",
    "(() => { try { require('path').join(Symbol('s')); } catch (e) { return e.message; } })()",
    "(() => { try { require('path').join({}); } catch (e) { return e.message; } })()",
    "(() => { try { require('path').join([]); } catch (e) { return e.message; } })()",
    "(() => { try { require('path').join(function named() {}); } catch (e) { return e.message; } })()",
    "(() => { try { require('path').join(Object.create(null)); } catch (e) { return e.message; } })()",
    "(() => { try { require('path').join('x'.repeat(40) + \"'\"); } catch (e) { return e.message; } })()",
    "(() => { try { require('path').join(-0); } catch (e) { return e.message; } })()",
    "(() => { try { require('path').join(12345678901234567890n); } catch (e) { return e.message; } })()",
    "(() => { try { Buffer.concat([1]); } catch (e) { return e.message; } })()",
    # AbortController / AbortSignal / EventTarget / Event
    "(() => { const ac = new AbortController(); return [util.inspect(ac), util.inspect(ac.signal), ac.signal.aborted, ac.signal.reason]; })()",
    "(() => { const ac = new AbortController(); const log = []; ac.signal.addEventListener('abort', (e) => log.push(['listener', e.type, e.target === ac.signal, e.isTrusted])); ac.signal.onabort = (e) => log.push(['onabort', e.type]); ac.abort(); ac.abort(); return [log, ac.signal.aborted, util.inspect(ac.signal), ac.signal.reason.name, ac.signal.reason.message, ac.signal.reason.code, ac.signal.reason instanceof Error]; })()",
    "(() => { const ac = new AbortController(); ac.abort('why'); try { ac.signal.throwIfAborted(); } catch (e) { return [e, ac.signal.reason]; } })()",
    "(() => { const ac = new AbortController(); ac.abort(); try { ac.signal.throwIfAborted(); } catch (e) { return [e.name, e.message, e.code, Object.prototype.toString.call(e)]; } })()",
    "(() => { const s = AbortSignal.abort(); return [s.aborted, s.reason.name, s.reason.message]; })()",
    "(() => { const s = AbortSignal.abort(new Error('custom')); return [s.aborted, s.reason.message]; })()",
    "(() => { try { new AbortSignal(); } catch (e) { return [e.name, e.code, e.message]; } })()",
    "(() => { const a = new AbortController(); const b = new AbortController(); const any = AbortSignal.any([a.signal, b.signal]); b.abort('second'); return [any.aborted, any.reason]; })()",
    "(() => { const t = new EventTarget(); const log = []; const f = (e) => log.push('f ' + e.type); t.addEventListener('x', f); t.addEventListener('x', f); t.addEventListener('x', { handleEvent(e) { log.push('obj ' + e.type); } }); t.addEventListener('x', () => log.push('once'), { once: true }); t.dispatchEvent(new Event('x')); t.dispatchEvent(new Event('x')); t.removeEventListener('x', f); t.dispatchEvent(new Event('x')); return log; })()",
    "(() => { const t = new EventTarget(); const log = []; t.addEventListener('x', (e) => { log.push(1); e.stopImmediatePropagation(); }); t.addEventListener('x', () => log.push(2)); const ev = new Event('x', { cancelable: true }); ev.preventDefault(); return [t.dispatchEvent(ev), log, ev.defaultPrevented, ev.cancelable]; })()",
    "(() => { const ac = new AbortController(); const t = new EventTarget(); const log = []; t.addEventListener('x', () => log.push('x'), { signal: ac.signal }); t.dispatchEvent(new Event('x')); ac.abort(); t.dispatchEvent(new Event('x')); return log; })()",
    "(() => { const e = new Event('foo', { bubbles: true }); return [e.type, e.bubbles, e.cancelable, e.composed, e.defaultPrevented, e.eventPhase, e.target, e.currentTarget, e.isTrusted, e.returnValue, Event.AT_TARGET, typeof e.timeStamp]; })()",
    "(() => { try { new Event(); } catch (e) { return [e.name, e.code, e.message]; } })()",
    "[util.inspect(new EventTarget()), Object.prototype.toString.call(new AbortController()), Object.prototype.toString.call(new AbortController().signal), Object.prototype.toString.call(new EventTarget()), Object.prototype.toString.call(new Event('x'))]",
    "(() => { const E = require('events'); const t = new EventTarget(); const f = () => {}; t.addEventListener('x', f); return [E.getEventListeners(t, 'x').length, E.getEventListeners(t, 'x')[0] === f]; })()",
    "(() => { const d = new DOMException('msg', 'NotFoundError'); return [d.name, d.message, d.code, d instanceof Error]; })()",
    "[util.styleText('red', 'x'), util.styleText(['bold', 'underline'], 'y'), util.styleText('red', 'z', { validateStream: false })]",
    "(() => { try { util.styleText('nocolor', 'x'); } catch (e) { return [e.name, e.code, e.message.slice(0, 90)]; } })()",
    "(() => { try { util.styleText('red', 5); } catch (e) { return [e.name, e.code, e.message]; } })()",
    "util._extend({ a: 1 }, { b: 2, a: 3 })",
    "[util.getSystemErrorName(-2), util.getSystemErrorName(-111), util.getSystemErrorName(-4095), util.getSystemErrorName(-99999), util.getSystemErrorMap().size, util.getSystemErrorMap().get(-13)]",
    "(() => { try { util.getSystemErrorName(5); } catch (e) { return [e.name, e.code, e.message]; } })()",
    "(() => { try { util.getSystemErrorName('x'); } catch (e) { return [e.name, e.code, e.message]; } })()",
    "(() => { const E = require('events'); const e = new E(); e.setMaxListeners(4); const t = new EventTarget(); return [E.getMaxListeners(e), typeof E.addAbortListener]; })()",
    "(() => { const E = require('events'); try { E.getMaxListeners({}); } catch (e) { return [e.name, e.code, e.message]; } })()",
    "Object.keys(util).filter((k) => !['parseEnv', 'parseArgs', 'MIMEType', 'MIMEParams', '_errnoException', '_exceptionWithHostPort'].includes(k)).sort()",
    "Object.keys(require('events')).filter((k) => k !== 'EventEmitterAsyncResource').sort()",
]

ASYNC = [
    "const f = (a, b, cb) => setTimeout(() => cb(null, a + b), 1); log.push(await util.promisify(f)(2, 3))",
    "const f = (cb) => cb(new Error('fail')); try { await util.promisify(f)(); } catch (e) { log.push(e.message); }",
    "const f = function (cb) { cb(null, this.v); }; const o = { v: 7, p: util.promisify(f) }; log.push(await o.p())",
    "const cb = util.callbackify(async (x) => x * 3); await new Promise((r) => cb(4, (err, v) => { log.push([err, v]); r(); }))",
    "const cb = util.callbackify(async () => { throw new Error('bad'); }); await new Promise((r) => cb((err, v) => { log.push([err.message, v]); r(); }))",
    "const cb = util.callbackify(() => Promise.reject(null)); await new Promise((r) => cb((err) => { log.push([err.message, err.code, err.reason]); r(); }))",
    "const s = AbortSignal.timeout(5); await new Promise((r) => s.addEventListener('abort', r)); log.push(s.aborted, s.reason.name, s.reason.message, s.reason.code)",
    "const ac = new AbortController(); const E = require('events'); const e = new E(); const p = E.once(e, 'never', { signal: ac.signal }); ac.abort(); try { await p; } catch (err) { log.push(err.name, err.code, err.message, util.inspect(err.cause).split('\\n')[0]); }",
    "const E = require('events'); const t = new EventTarget(); setTimeout(() => t.dispatchEvent(new Event('go')), 1); const [ev] = await E.once(t, 'go'); log.push(ev.type)",
    "const t = new EventTarget(); let n = 0; t.addEventListener('x', () => n++); t.dispatchEvent(new Event('x')); await null; log.push(n)",
    "const ac = new AbortController(); const p = util.aborted(ac.signal, {}); ac.abort(); log.push(await p)",
    "const E = require('events'); const ac = new AbortController(); const d = E.addAbortListener(ac.signal, () => log.push('aborted')); log.push(typeof d[Symbol.dispose]); ac.abort(); await null; const ac2 = new AbortController(); ac2.abort(); E.addAbortListener(ac2.signal, () => log.push('already')); await null",
]

PRE = "const util = require('util'); const { Buffer } = require('buffer');"


def cases():
    return ([{"kind": "json", "src": f"(() => {{ {PRE} return {e}; }})()"} for e in SYNC] +
            [{"kind": "json", "src": f"(async () => {{ {PRE} const log = []; {e}; return log; }})()"} for e in ASYNC])
