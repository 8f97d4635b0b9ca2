"""events: scripts whose logs (JSON) must match node v20's."""

PRE = "const EventEmitter = require('events'); const util = require('util'); const log = [];"


def js(body: str) -> str:
    return f"(() => {{ {PRE} {body}; return log; }})()"


def jsp(body: str) -> str:
    """An async script: returns a promise of the log (settled before output)."""
    return f"(async () => {{ {PRE} {body}; return log; }})()"


SCRIPTS = [
    # registration order, prepend, once
    "const e = new EventEmitter(); e.on('x', () => log.push('a')); e.prependListener('x', () => log.push('b')); e.once('x', () => log.push('c')); e.prependOnceListener('x', () => log.push('d')); log.push(e.emit('x')); e.emit('x'); log.push(e.listenerCount('x'))",
    "const e = new EventEmitter(); log.push(e.emit('nothing'))",
    "const e = new EventEmitter(); e.on('x', function (...a) { log.push([this === e, a]); }); e.emit('x', 1, 'two', [3])",
    # newListener / removeListener events
    "const e = new EventEmitter(); e.on('newListener', (n, l) => log.push(['new', String(n), l.name])); e.on('removeListener', (n, l) => log.push(['rm', String(n), l.name])); function f() {} function g() {} e.on('a', f); e.once('a', g); e.emit('a'); e.off('a', f); e.on(Symbol('s'), f); e.removeAllListeners(); log.push(e.eventNames().length)",
    "const e = new EventEmitter(); e.on('newListener', (n) => { if (n === 'x') e.on('x', () => log.push('added-in-newListener')); }); e.on('x', () => log.push('orig')); e.emit('x')",
    "const e = new EventEmitter(); function f() { log.push('f'); e.removeListener('x', g); } function g() { log.push('g'); } e.on('x', f); e.on('x', g); e.emit('x'); e.emit('x')",
    "const e = new EventEmitter(); const f = () => log.push('f'); e.on('x', f); e.on('x', f); e.removeListener('x', f); log.push(e.listenerCount('x')); e.emit('x')",
    "const e = new EventEmitter(); e.on('removeListener', (n) => log.push('rm ' + n)); e.on('a', () => {}); e.on('a', () => {}); e.on('b', () => {}); e.removeAllListeners('a'); log.push(e.eventNames()); e.removeAllListeners(); log.push(e.eventNames())",
    # listeners / rawListeners / eventNames
    "const e = new EventEmitter(); function f() {} e.once('x', f); e.on('y', f); const raw = e.rawListeners('x'); log.push(e.listeners('x')[0] === f, raw[0] === f, raw[0].listener === f, e.eventNames()); raw[0](); log.push(e.listenerCount('x'))",
    "const e = new EventEmitter(); const s = Symbol('sym'); e.on(s, () => {}); e.on('str', () => {}); log.push(e.eventNames().map(String))",
    "const e = new EventEmitter(); function f() {} e.on('x', f); e.on('x', () => {}); log.push(e.listenerCount('x'), e.listenerCount('x', f), EventEmitter.listenerCount(e, 'x'))",
    # max listeners
    "const e = new EventEmitter(); log.push(e.getMaxListeners(), EventEmitter.defaultMaxListeners); e.setMaxListeners(1); log.push(e.getMaxListeners())",
    "const e = new EventEmitter(); try { e.setMaxListeners(-1); } catch (err) { log.push(err.name, err.code, err.message); }",
    "try { EventEmitter.defaultMaxListeners = 'x'; } catch (err) { log.push(err.name, err.code, err.message); }",
    "const w = []; const orig = process.emitWarning; process.emitWarning = (x) => w.push(x); const e = new EventEmitter(); e.setMaxListeners(2); for (let i = 0; i < 4; i++) e.on('evt', () => {}); process.emitWarning = orig; log.push(w.length, w[0].name, w[0].message, w[0].count, w[0].type, w[0].emitter === e)",
    "const w = []; const orig = process.emitWarning; process.emitWarning = (x) => w.push(x); class Server extends EventEmitter {} const e = new Server(); e.setMaxListeners(1); e.on(Symbol('conn'), () => {}); e.on(Symbol('conn'), () => {}); const s = Symbol('data'); e.on(s, () => {}); e.on(s, () => {}); process.emitWarning = orig; log.push(w.length, w[0] && w[0].message)",
    # errors
    "const e = new EventEmitter(); try { e.emit('error', new Error('boom')); } catch (err) { log.push(err.message); }",
    "const e = new EventEmitter(); try { e.emit('error', 'just a string'); } catch (err) { log.push(err.name, err.code, err.message, err.context); }",
    "const e = new EventEmitter(); try { e.emit('error', { code: 42 }); } catch (err) { log.push(err.message); }",
    "const e = new EventEmitter(); try { e.emit('error'); } catch (err) { log.push(err.message); }",
    "const e = new EventEmitter(); e.on(EventEmitter.errorMonitor, (er) => log.push('monitor ' + er.message)); e.on('error', (er) => log.push('handler ' + er.message)); e.emit('error', new Error('x'))",
    "const e = new EventEmitter(); e.on(EventEmitter.errorMonitor, (er) => log.push('monitor ' + er.message)); try { e.emit('error', new Error('y')); } catch (err) { log.push('thrown ' + err.message); }",
    "const e = new EventEmitter(); try { e.on('x', 'notfn'); } catch (err) { log.push(err.name, err.code, err.message); }",
    "const e = new EventEmitter(); try { e.once('x'); } catch (err) { log.push(err.message); }",
    "const e = new EventEmitter(); try { e.removeListener('x', null); } catch (err) { log.push(err.message); }",
    "const e = new EventEmitter(); e.on('x', () => { throw new Error('in listener'); }); try { e.emit('x'); } catch (err) { log.push(err.message); }",
    # subclassing
    "class Ticker extends EventEmitter { constructor() { super(); this.n = 0; } tick() { this.emit('tick', ++this.n); } } const t = new Ticker(); t.on('tick', (n) => log.push(n)); t.tick(); t.tick(); log.push(t instanceof EventEmitter, util.inspect(t))",
    "function Old() { EventEmitter.call(this); this.k = 1; } util.inherits(Old, EventEmitter); const o = new Old(); o.on('hi', (v) => log.push('hi ' + v)); o.emit('hi', 5); log.push(o instanceof EventEmitter, Old.super_ === EventEmitter, util.inspect(o))",
    "log.push(util.inspect(new EventEmitter()))",
    "const e = new EventEmitter(); e.on('a', () => {}); e.on('a', function named() {}); e.once('b', () => {}); log.push(util.inspect(e))",
    "log.push(typeof EventEmitter, EventEmitter.EventEmitter === EventEmitter, typeof EventEmitter.once, typeof EventEmitter.on, String(EventEmitter.errorMonitor), String(EventEmitter.captureRejectionSymbol), EventEmitter.captureRejections)",
    "const e = new EventEmitter(); log.push(e.on('x', () => {}) === e, e.once('y', () => {}) === e, e.off('x', () => {}) === e, e.removeAllListeners() === e, e.setMaxListeners(3) === e)",
    "const e = new EventEmitter(); log.push(EventEmitter.getEventListeners(e, 'x').length); e.on('x', () => {}); log.push(EventEmitter.getEventListeners(e, 'x').length)",
    "const e = new EventEmitter(); const e2 = new EventEmitter(); EventEmitter.setMaxListeners(5, e, e2); log.push(e.getMaxListeners(), e2.getMaxListeners())",
    "const e = new EventEmitter(); e.on('x', () => log.push(1)); e.on('x', () => { log.push(2); e.on('x', () => log.push('late')); }); e.emit('x'); log.push('--'); e.emit('x')",
]

ASYNC_SCRIPTS = [
    "const e = new EventEmitter(); setTimeout(() => e.emit('ready', 1, 2), 1); const v = await EventEmitter.once(e, 'ready'); log.push(v, e.listenerCount('ready'), e.listenerCount('error'))",
    "const e = new EventEmitter(); setTimeout(() => e.emit('error', new Error('bad')), 1); try { await EventEmitter.once(e, 'ready'); } catch (err) { log.push('rejected ' + err.message, e.listenerCount('ready')); }",
    "const e = new EventEmitter(); const ac = new AbortController(); setTimeout(() => ac.abort(), 1); try { await EventEmitter.once(e, 'ready', { signal: ac.signal }); } catch (err) { log.push(err.name, err.code, err.message, e.listenerCount('ready')); }",
    "const e = new EventEmitter(); setTimeout(() => { e.emit('d', 1); e.emit('d', 2); e.emit('d', 3); }, 1); for await (const [v] of EventEmitter.on(e, 'd')) { log.push(v); if (v === 3) break; } log.push(e.listenerCount('d'))",
    "const e = new EventEmitter(); setTimeout(() => { e.emit('d', 1); e.emit('d', 2); e.emit('end'); e.emit('d', 3); }, 1); for await (const [v] of EventEmitter.on(e, 'd', { close: ['end'] })) log.push(v); log.push('closed', e.listenerCount('d'), e.listenerCount('end'), e.listenerCount('error'))",
    "const e = new EventEmitter(); setTimeout(() => { e.emit('d', 1); e.emit('error', new Error('it')); }, 1); try { for await (const [v] of EventEmitter.on(e, 'd')) log.push(v); } catch (err) { log.push('caught ' + err.message, e.listenerCount('d')); }",
    "const e = new EventEmitter(); e.pause = () => log.push('pause'); e.resume = () => log.push('resume'); const it = EventEmitter.on(e, 'd', { highWaterMark: 2, lowWaterMark: 1 }); e.emit('d', 1); e.emit('d', 2); e.emit('d', 3); log.push((await it.next()).value[0]); log.push((await it.next()).value[0]); log.push((await it.next()).value[0]); await it.return(); log.push(e.listenerCount('d'))",
    "try { EventEmitter.on(new EventEmitter(), 'x', { highWaterMark: 0 }); } catch (err) { log.push(err.code, err.message); }",
    "const ac = new AbortController(); const e = new EventEmitter(); const it = EventEmitter.on(e, 'x', { signal: ac.signal }); const p = it.next(); ac.abort(); try { await p; } catch (err) { log.push(err.name, err.message); }",
    "const e = new EventEmitter({ captureRejections: true }); e.on('x', async () => { throw new Error('async boom'); }); e.on('error', (err) => log.push('captured ' + err.message)); e.emit('x'); await new Promise((r) => setTimeout(r, 5))",
]


def cases():
    return ([{"kind": "json", "src": js(s)} for s in SCRIPTS] +
            [{"kind": "json", "src": jsp(s)} for s in ASYNC_SCRIPTS])
