// ptview's plumbing inside the engine: evaluated once per context, before any module.
// It takes the host functions (globals named __h_*, defined by engine.Engine.host) into
// a closure and deletes the globals, then defines: the callback registry the model enters
// through (`enter`), the compiler that gives every module its own range of line numbers
// (QuickJS names every eval "<input>", so a line number is what tells files apart),
// stack traces and error messages as node prints them, and `require`.
// It returns the functions Python calls; nothing here is visible to a script except
// through the modules and globals it installs.
(function bootstrap() {
  'use strict';
  const G = globalThis;
  const H = {};
  for (const k of Object.getOwnPropertyNames(G)) {
    if (k.startsWith('__h_')) { H[k.slice(4)] = G[k]; delete G[k]; }
  }
  const HOST_ERROR = '\u0000ptview-host-error';
  // JSON carries every string across the host boundary: ptview's own copies, so a script that
  // replaces JSON.parse/stringify changes its own results, not ptview's plumbing
  const JSON = Object.freeze({ parse: G.JSON.parse.bind(G.JSON), stringify: G.JSON.stringify.bind(G.JSON) });

  // -- host calls: strings cross as JSON (the binding's C strings cannot hold NUL or lone surrogates)
  function call(name, ...args) {
    const r = H[name](...args);
    if (r === HOST_ERROR) throw hostError();
    return r;
  }
  function hostError() {
    const d = JSON.parse(H.take_error());
    return makeError(d);
  }
  function makeError(d) {
    const C = { TypeError, RangeError, SyntaxError, ReferenceError }[d.name] || Error;
    const e = new C(d.message);
    if (d.bare) Object.defineProperty(e, 'stack', { value: `${d.name}: ${d.message}`, writable: true, configurable: true });
    for (const k of Object.keys(d.props || {})) e[k] = d.props[k];
    if (d.code !== undefined) {
      // node's internal errors: `TypeError [ERR_X]: msg` in the stack, `code` an own property
      e.code = d.code;
      if (!d.bare && d.name !== 'Error') {
        const s = e.stack;
        e.stack = `${d.name} [${d.code}]: ${d.message}` + s.slice(s.indexOf('\n') === -1 ? s.length : s.indexOf('\n'));
      }
    }
    return e;
  }

  // -- modules and their line ranges -----------------------------------------------------------
  const files = [];          // {file, base, end, user}: lines [base, end) of the one "<input>"
  let nextLine = 1;
  function compile(file, source, params, user) {
    let src = String(source);
    if (src.startsWith('#!')) src = '//' + src.slice(2);
    const n = src.split('\n').length;
    const header = nextLine;           // the wrapper's own line
    const base = header + 1;           // the module's line 1
    nextLine = base + n + 1;
    files.push({ file, base, end: base + n, user });
    const text = '\n'.repeat(header - 1) + `(function (${params}) {\n` + src + '\n})';
    return (0, eval)(text);
  }
  function place(line) {
    for (let i = files.length - 1; i >= 0; i--) {
      const f = files[i];
      if (line >= f.base && line < f.end) return { file: f.file, line: line - f.base + 1, user: f.user };
    }
    return null;
  }
  function fnPlace(fn) {
    // where a function's source starts and ends, for the code pane: [file, line, endLine] or null
    if (typeof fn !== 'function' || typeof fn.lineNumber !== 'number') return null;
    const p = place(fn.lineNumber);
    if (p === null || !p.user) return null;
    let lines = 1;
    try { lines = Function.prototype.toString.call(fn).split('\n').length; } catch { /* native */ }
    return [p.file, p.line, p.line + lines - 1];
  }

  // -- errors as node shows them ---------------------------------------------------------------
  const sourceOf = new Map();   // user file → its lines, for messages that name an expression
  let siteWanted = false;
  let site = null;
  function calleeText(file, line, col) {
    const lines = sourceOf.get(file);
    if (!lines) return null;
    const text = lines[line - 1] || '';
    let end = col - 1;
    while (end < text.length && /[\w$]/.test(text[end])) end++;
    let start = col - 1;
    while (start > 0 && /[\w$.\]\[)]/.test(text[start - 1])) {
      if (text[start - 1] === ')' || text[start - 1] === ']') break;
      start--;
    }
    const s = text.slice(start, end).replace(/^\.+/, '');
    return s || null;
  }
  // QuickJS's wording → V8's, where node's is well defined. Small on purpose; each row is tested.
  const MESSAGES = [
    [/^cannot read property '(.*)' of (null|undefined)$/, (m) => `Cannot read properties of ${m[2]} (reading '${m[1]}')`],
    [/^cannot set property '(.*)' of (null|undefined)$/, (m) => `Cannot set properties of ${m[2]} (setting '${m[1]}')`],
    [/^invalid string length$/, () => 'Invalid string length'],
    [/^invalid array length$/, () => 'Invalid array length'],
    [/^'.*' is read-only$/, () => 'Assignment to constant variable.'],
    [/^unexpected token in expression: '(.*)'$/, (m) => `Unexpected token '${m[1]}'`],
    [/^(.+) is not initialized$/, (m) => `Cannot access '${m[1]}' before initialization`],
    [/^private class field '(#.+)' does not exist$/, (m) => `Cannot read private member ${m[1]} from an object whose class did not declare it`],
  ];
  function normalise(err, top) {
    const msg = err.message;
    if (typeof msg !== 'string') return;
    if (msg === 'string too long' && err instanceof InternalError) {
      // QuickJS's string limit is 2^30-1, V8's 2^29-24: past either, node throws this RangeError
      Object.setPrototypeOf(err, RangeError.prototype);
      err.message = 'Invalid string length';
      return;
    }
    for (const [re, f] of MESSAGES) {
      const m = re.exec(msg);
      if (m) { err.message = f(m); return; }
    }
    if ((msg === 'not a function' || msg === 'not a constructor') && top) {
      const name = calleeText(top.file, top.line, top.col);
      if (name) err.message = `${name} is ${msg}`;
    }
  }
  const moduleFns = new WeakSet();   // the module wrappers: node names their frames Object.<anonymous>
  function frames(callsites) {
    const out = [];
    for (const c of callsites) {
      const line = c.getLineNumber();
      const p = line ? place(line) : null;
      if (p === null || !p.user) continue;
      let col = c.getColumnNumber();
      // QuickJS points `new X()` at X, V8 at `new`
      const text = (sourceOf.get(p.file) || [])[p.line - 1] || '';
      if (col > 4 && text.slice(col - 5, col - 1) === 'new ') col -= 4;
      let fn = c.getFunctionName();
      let f;
      try { f = c.getFunction(); } catch { f = undefined; }
      if (f !== undefined && moduleFns.has(f)) fn = 'Object.<anonymous>';
      out.push({ file: p.file, line: p.line, col, fn });
    }
    return out;
  }
  function frameText(f) {
    const where = `${f.file}:${f.line}:${f.col}`;
    const name = f.fn && f.fn !== '<eval>' && f.fn !== '<anonymous>' ? f.fn : null;
    return name ? `    at ${name} (${where})` : `    at ${where}`;
  }
  const errorFrames = new WeakMap();
  Error.prepareStackTrace = function prepareStackTrace(err, callsites) {
    const fr = frames(callsites);
    if (siteWanted) { site = fr[0] || null; return ''; }
    if (err !== null && typeof err === 'object') {
      normalise(err, fr[0]);
      // QuickJS may call this again for the same error (a syntax error crossing eval) with fewer frames
      const had = errorFrames.get(err);
      if (!(had && had.length && !fr.length)) { try { errorFrames.set(err, fr); } catch { /* frozen */ } }
    }
    return stackText(err, fr);
  };
  const ourPrepare = Error.prepareStackTrace;
  function stackText(err, fr) {
    let head;
    try {
      // V8's ErrorUtils::ToString: name defaults to 'Error', message to ''
      const name = err.name === undefined ? 'Error' : String(err.name);
      const msg = err.message === undefined ? '' : String(err.message);
      head = name === '' ? msg : (msg === '' ? name : `${name}: ${msg}`);
    } catch { head = 'Error'; }
    return [head, ...fr.map(frameText)].join('\n');
  }
  Error.stackTraceLimit = 10;
  {
    // V8's `stack` is an own data property a script may overwrite with anything (even
    // undefined); QuickJS's prototype setter insists on a string
    const d = Object.getOwnPropertyDescriptor(Error.prototype, 'stack');
    if (d && d.set) {
      const replaced = new WeakSet();   // once assigned, `stack` is the own property only (delete removes it)
      const formatted = new WeakMap();  // V8 formats the stack on first read: a subclass's name is in it
      Object.defineProperty(Error.prototype, 'stack', {
        get() {
          if (replaced.has(this)) return undefined;
          if (formatted.has(this)) return formatted.get(this);
          const fr = errorFrames.get(this);
          const text = fr !== undefined && Error.prepareStackTrace === ourPrepare ? stackText(this, fr) : d.get.call(this);
          try { formatted.set(this, text); } catch { /* not an object we can key */ }
          return text;
        },
        set(v) {
          replaced.add(this);
          Object.defineProperty(this, 'stack', { value: v, writable: true, configurable: true, enumerable: false });
        },
        configurable: true, enumerable: false,
      });
    }
  }
  function refuse(message) {
    // ptview does not model this: one line with the script's place, exit 2 (never a fake answer)
    const s = callerSite();
    H.refuse(JSON.stringify(message), s ? s.line : 0, s ? s.col : 0);
    for (;;) { /* the engine's interrupt handler ends the script here, uncatchably */ }
  }
  function callerSite() {
    // the first script frame that called into a host module: where a callback was scheduled
    siteWanted = true;
    site = null;
    try { new Error(); } finally { siteWanted = false; }
    return site;
  }

  // -- the callback registry the model enters through ---------------------------------------------
  const fns = new Map();
  let nextId = 1;
  // the app's code pane marks the line that scheduled the running callback: kept per id when asked
  const sitesOn = !!H.sites_wanted();
  const scheduledAt = new Map();
  function register(fn) {
    const id = nextId++;
    fns.set(id, fn);
    if (sitesOn) {
      const s = callerSite();
      if (s !== null) scheduledAt.set(id, [s.file, s.line]);
    }
    return id;
  }
  function unregister(id) { fns.delete(id); scheduledAt.delete(id); }
  function placeWithSite(fn, site) {
    const p = fnPlace(fn);
    return p === null ? (site ? [null, null, null, ...site] : null) : [...p, ...(site || [null, null])];
  }
  let onFatal = null;        // process's handler: 'uncaughtException' or the exit
  function fatal(e, kind) {
    if ((e instanceof InternalError && e.message === 'out of memory') || (e === null && H.memory_exhausted())) {
      // (when even the error object could not be allocated, QuickJS throws null)
      // the context's memory limit, not a JS error node would have: ptview's one line, exit 2
      H.stop_memory();
      for (;;) { /* the interrupt handler ends the script here */ }
    }
    if (onFatal !== null) return onFatal(e, kind || 'uncaughtException');
    call('fatal', JSON.stringify(fatalText(e, kind)));
  }
  // node's printout of an uncaught exception: the script's line, a caret, the stack
  function fatalText(e, kind) {
    let text;
    let where = '';
    if (e !== null && (typeof e === 'object' || typeof e === 'function')) {
      try { void e.stack; } catch { /* a throwing getter */ }   // QuickJS may build it lazily
      const fr = errorFrames.get(e);
      if (fr && fr.length) {
        const f = fr[0];
        const lines = sourceOf.get(f.file);
        const src = lines ? (lines[f.line - 1] || '') : '';
        // node's caret: at the throw statement for an uncaught exception (V8's message
        // location), at the error's own frame for a rejection (node reads it off the stack)
        const t = kind === 'unhandledRejection' ? -1 : src.lastIndexOf('throw', f.col - 1);
        const col = t >= 0 ? t + 1 : f.col;
        where = `${f.file}:${f.line}\n${src}\n${' '.repeat(Math.max(0, col - 1))}^\n\n`;
      }
      let stack;
      try { stack = e.stack; } catch { stack = undefined; }
      text = typeof stack === 'string' && stack ? stack : inspectValue(e);
      if (e instanceof Error) {
        const extra = Object.keys(e).filter((k) => k !== 'stack' && k !== 'message');
        if (extra.length) text = inspectValue(e);
      }
    } else {
      text = `Uncaught ${inspectValue(e)}`;
      where = '';
    }
    return `${where}${text}\n\nNode.js ${call('version')}\n`;
  }
  function inspectValue(v) {
    try { return requireBuiltin('util').inspect(v); } catch { try { return String(v); } catch { return '[value]'; } }
  }
  // async ids as node's async_hooks number its resources (1: the main module's execution), for
  // the [Symbol(asyncId)]/[Symbol(triggerId)] a Timeout prints; only timers, immediates, ticks
  // and the stdout stream take one here
  let lastAsyncId = 1;
  let currentAsyncId = 1;
  function enter(id, payload, keep) {
    const f = fns.get(id);
    if (f === undefined) return 0;
    if (!keep) { fns.delete(id); scheduledAt.delete(id); }
    const outer = currentAsyncId;
    if (f.asyncId !== undefined) currentAsyncId = f.asyncId;
    try {
      f(payload === null ? undefined : JSON.parse(payload));
    } catch (e) {
      fatal(e);
    } finally {
      currentAsyncId = outer;
    }
    return 0;
  }
  function guard(fn) {
    // a job QuickJS runs itself (queueMicrotask): its exception is uncaught, as in node
    return function guarded() {
      try { fn(); } catch (e) { fatal(e); }
    };
  }

  // unhandled rejections: the engine's tracker parks (promise, reason) in two globals
  const rejected = new Map();    // promise → reason, in rejection order
  function collectRejection(n, handled) {
    const p = G[`__ptv_rej_p${n}`];
    const r = G[`__ptv_rej_r${n}`];
    delete G[`__ptv_rej_p${n}`];
    delete G[`__ptv_rej_r${n}`];
    if (handled) {
      if (rejected.has(p)) rejected.delete(p);
      else if (reported.has(p)) { reported.delete(p); handledLate.push(p); }
    } else {
      rejected.set(p, r);
    }
  }
  let onUnhandled = null;
  let onRejectionHandled = null;
  const reported = new WeakSet();   // rejections 'unhandledRejection' was emitted for
  const handledLate = [];           // ...that got a handler since: 'rejectionHandled' next time
  function processRejections() {
    // processPromiseRejections (lib/internal/process/promises.js), mode 'throw'
    while (handledLate.length) {
      const p = handledLate.shift();
      if (onRejectionHandled) onRejectionHandled(p);
    }
    while (rejected.size) {
      const [p, r] = rejected.entries().next().value;
      rejected.delete(p);
      reported.add(p);
      try {
        if (onUnhandled === null || !onUnhandled(r, p)) return fatal(r, 'unhandledRejection');
      } catch (e) {
        fatal(e);
      }
    }
    return 0;
  }

  // -- require ----------------------------------------------------------------------------------
  const builtins = new Map();   // name → module
  const userModules = new Map();
  function internalBinding(name) {
    if (name === 'ptview') return binding;
    if (name === 'util') return utilBinding;
    return {};
  }
  const utilBinding = {
    // [state, result] (0 pending, 1 fulfilled, 2 rejected) read from the engine by the host
    getPromiseState(p) {
      const s = H.promise_state(p);
      if (typeof s !== 'number' || s < 0) return undefined;
      const v = G.__ptv_promise_result;
      delete G.__ptv_promise_result;
      return [s, v];
    },
    // [target, handler] of a Proxy, undefined for anything else
    getProxyDetails(v, full = true) {
      if ((typeof v !== 'object' && typeof v !== 'function') || v === null || !H.proxy_details(v)) return undefined;
      const t = G.__ptv_proxy_target;
      const h = G.__ptv_proxy_handler;
      delete G.__ptv_proxy_target;
      delete G.__ptv_proxy_handler;
      return full ? [t, h] : t;
    },
  };
  function loadBuiltin(name) {
    const id = name.startsWith('node:') ? name.slice(5) : name;
    if (builtins.has(id)) return builtins.get(id).exports;
    const found = JSON.parse(call('builtin_source', JSON.stringify(id)));
    if (found === null) return undefined;
    const module = { exports: {}, id, loaded: false };
    builtins.set(id, module);
    const fn = compile(`node:${id}`, found, 'exports, require, module, internalBinding', false);
    fn.call(module.exports, module.exports, requireBuiltin, module, internalBinding);
    module.loaded = true;
    return module.exports;
  }
  function requireBuiltin(name) {
    if (typeof name !== 'string') {
      throw makeError({ name: 'TypeError', code: 'ERR_INVALID_ARG_TYPE', message: `The "id" argument must be of type string. Received ${typeof name}` });
    }
    const m = loadBuiltin(name);
    if (m !== undefined) return m;
    throw makeError({ name: 'Error', code: 'MODULE_NOT_FOUND', message: `Cannot find module '${name}'` });
  }
  function makeRequire(dir) {
    const req = function require(name) {
      if (typeof name === 'string' && (name.startsWith('./') || name.startsWith('../') || name.startsWith('/'))) {
        return requireFile(dir, name);
      }
      // node's internals (and ptview's) are not for scripts: `require('internal/errors')` is not found
      const id = typeof name === 'string' ? name.replace(/^node:/, '') : '';
      const hidden = id.startsWith('internal/') || id.startsWith('ptview_');
      const m = hidden ? undefined : loadBuiltin(id);
      if (m !== undefined) return m;
      if (typeof name === 'string' && !hidden) {
        const refused = call('refused_module', JSON.stringify(name));
        if (refused) refuse(JSON.parse(refused).message);
      }
      if (typeof name === 'string' && name.startsWith('node:')) {
        throw makeError({ name: 'Error', code: 'ERR_UNKNOWN_BUILTIN_MODULE', message: `No such built-in module: ${name}` });
      }
      if (hidden) throw makeError({ name: 'Error', code: 'MODULE_NOT_FOUND', message: `Cannot find module '${name}'` });
      return requireBuiltin(name);
    };
    req.resolve = (name) => call('resolve_path', JSON.stringify(dir), JSON.stringify(name));
    req.cache = {};
    return req;
  }
  function requireFile(dir, name) {
    const got = JSON.parse(call('read_module', JSON.stringify(dir), JSON.stringify(name)));
    if (got.error) throw makeError(got.error);
    if (userModules.has(got.path)) return userModules.get(got.path).exports;
    if (got.json) {
      const m = { exports: JSON.parse(got.source) };
      userModules.set(got.path, m);
      return m.exports;
    }
    return runModule(got.path, got.source).exports;
  }
  function runModule(path, source, dirOverride) {
    // dirOverride: where a Worker's eval code resolves its requires (node: the process's cwd;
    // its __dirname is '.', its __filename '[worker eval]')
    const dir = dirOverride !== undefined ? dirOverride : (path.slice(0, path.lastIndexOf('/')) || '/');
    const module = { id: path, path: dirOverride !== undefined ? '.' : dir, exports: {}, filename: path, loaded: false, children: [], paths: [] };
    userModules.set(path, module);
    const lines = String(source).split('\n');
    sourceOf.set(path, lines);
    let fn;
    try {
      fn = compile(path, source, 'exports, require, module, __filename, __dirname', true);
    } catch (e) {
      // an ES module does not compile as CommonJS: say so, with the place of its first import/export
      const re = /^(\s*)(import\s*[\w{*'"]|export\s+(default|const|let|var|function|class|async)\b|export\s*[{*])/;
      const at = e instanceof SyntaxError ? lines.findIndex((l) => re.test(l)) : -1;
      if (at >= 0) {
        const col = re.exec(lines[at])[1].length + 1;
        H.refuse(JSON.stringify('ES modules (import/export) are not supported: use require()'), at + 1, col,
          JSON.stringify(path));
        for (;;) { /* stopped by the interrupt handler */ }
      }
      throw e;
    }
    moduleFns.add(fn);
    fn.call(module.exports, module.exports, makeRequire(dir), module, path, dirOverride !== undefined ? '.' : dir);
    module.loaded = true;
    return module;
  }

  // -- what host modules use (internalBinding('ptview')) --------------------------------------
  const binding = {
    JSON,
    newAsyncId() { return ++lastAsyncId; },
    executionAsyncId() { return currentAsyncId; },
    call, register, unregister, makeError, refuse, fnPlace, placeWithSite, callerSite, guard, fatalText,
    setFatalHandler(f) { onFatal = f; },
    setRejectionHandlers(unhandled, handled) { onUnhandled = unhandled; onRejectionHandled = handled; },
    nativeQueueMicrotask: G.queueMicrotask,
    require: requireBuiltin,
  };

  // before any script makes a Map/Set iterator: util.inspect's view of what one has left
  utilBinding.previewEntries = loadBuiltin('ptview_iter_preview').previewEntries;
  // the globals node has: installed by the `globals` host module
  loadBuiltin('ptview_globals');

  return {
    enter,
    main(path, source, dir) {
      try {
        const m = runModule(path, source, dir === null ? undefined : dir);
        G.module = undefined;
        return m ? 0 : 0;
      } catch (e) {
        fatal(e);
        return 0;
      }
    },
    collectRejection,
    processRejections() {
      try { return processRejections(); } catch (e) { fatal(e); return 0; }
    },
    fnPlace(id) {
      // [file, line, endLine, siteFile, siteLine] of registered callback `id` (before it runs)
      const f = fns.get(id);
      return JSON.stringify(placeWithSite(f && f.target, scheduledAt.get(id)));
    },
    listenerCount(name) {
      try { return G.process.listenerCount(name); } catch { return 0; }
    },
    emit(name, payload) {
      // process events the host raises ('exit', 'beforeExit'): run by process.js
      try { G.process._ptvHostEvent(name, payload === null ? undefined : JSON.parse(payload)); } catch (e) { fatal(e); }
      return 0;
    },
  };
})
