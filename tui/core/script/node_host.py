"""Node's globals and modules for scripts, each one a call into the model.

Timers, immediates and nextTicks go through tui.core.ops.NodeAPI; promise
reactions and queueMicrotask go on the loop's microtask queue; fs, dns,
crypto and zlib are NodeAPI operations whose user callbacks call back into
the interpreter. So every JS callback runs when the model says it runs.

Synchronous JS costs STEP_COST_MS of model time per interpreter step; the
steps taken so far are charged to the loop thread (rt.consume) whenever
the script can observe time or starts an operation, and when a callback
returns.
"""

from __future__ import annotations

import hashlib
import math
import os
import zlib
from typing import Any, Callable

from tui.core.callbacks import Callback
from tui.core.errors import NodeError
from tui.core.ops import is_ip
from tui.core.pool import threadpool_size_from_env
from tui.core.script import builtins as B
from tui.core.script.errors import JSThrow, ScriptExit
from tui.core.script.inspect import format_log
from tui.core.script.promise import Promises
from tui.core.script.values import (UNDEFINED, Buffer, Closure, js_str, py_str, utf8, JSError, JSFunction, JSObject, Native, to_number,
                                    to_str)

STEP_COST_MS = 0.001       # 1 µs of loop-thread time per interpreter step (a node evaluated)
EPOCH_MS = 1_767_225_600_000  # Date.now() at model time 0: 2026-01-01T00:00:00Z, fixed so runs repeat
READ_LIMIT = 64 * 1024 * 1024

B.HOST_PROPS |= {
    # console, process, timers
    "log", "info", "warn", "error", "debug", "nextTick", "env", "exit", "argv", "platform", "exitCode",
    "ref", "unref", "hasRef", "now", "cwd", "on",
    # Promise.allSettled results
    "status", "value", "reason",
    # errors from Node APIs
    "errno", "syscall", "path", "hostname", "address", "family",
    # fs.Stats, Buffer, module
    "size", "isFile", "isDirectory", "from", "isBuffer", "byteLength", "exports", "filename",
    # promise APIs of modules
    "promises", "readFile", "stat", "lookup", "resolve", "resolve4", "pbkdf2", "gzip",
    # net sockets
    "once", "connect", "createConnection", "port",
    # child_process.fork
    "fork", "send", "disconnect", "connected",
}


class Host:
    def __init__(self, rt, api, interp, filename: str, write: Callable[[str], None],
                 write_err: Callable[[str], None], pool_env: str | None, *, children: dict | None = None,
                 child_of=None, argv: list[str] | None = None, next_pid: int = 4000) -> None:
        self.rt = rt
        self.children = children or {}   # modules fork() may start: path → (source, tree), all checked
        self.child_of = child_of         # the ForkedChild this process is, when it was forked
        self.argv = argv or []
        self.next_pid = next_pid
        self.message_listeners: list = []
        self.channel_ref = False
        self.api = api
        self.I = interp
        self.filename = os.path.abspath(filename)
        self.write = write
        self.write_err = write_err
        self.charged = 0
        self.current_line: int | None = None   # the source line of the JS function the loop runs now
        self.js_calls = 0                        # JS entries from the loop: what a UI "step" counts
        interp.promises = Promises(interp, self.enqueue_microtask)
        self.P = interp.promises
        self.realm = interp.realm
        self.env_obj = self.realm.obj({"UV_THREADPOOL_SIZE": pool_env} if pool_env is not None else {})
        self.exit_listeners: list = []
        rt.callback_listeners.append(self._on_callback)
        self.timer_proto = self.realm.obj({n: self.native(n, self._ref_stub) for n in ("ref", "unref", "hasRef")})
        g = interp.globals
        self.realm.install(g)
        self.install(g.vars)

    # -- time -------------------------------------------------------------------------------------

    def flush(self) -> None:
        """Charge the steps run since the last charge to the loop thread."""
        n = self.I.steps - self.charged
        if n > 0:
            self.charged = self.I.steps
            self.rt.consume(n * STEP_COST_MS)

    def now_ms(self) -> float:
        self.flush()
        return float(EPOCH_MS + math.floor(self.rt.clock.now()))

    # -- entering JS from the loop ------------------------------------------------------------------------

    def enter(self, fn, args: list, line: int | None = None) -> None:
        """Run a JS function as a callback from the loop: uncaught exceptions end the process, as in Node."""
        self.js_calls += 1
        self.current_line = line if line is not None else (fn.line if isinstance(fn, Closure) else None)
        self.I.top_fn = None  # a native callback (a promise's resolve) runs no script function
        try:
            self.I.call(fn, UNDEFINED, args)
        except JSThrow as e:
            self.uncaught(e.value)
        finally:
            self.flush()

    def thunk(self, fn, args: list) -> Callable:
        return lambda *_: self.enter(fn, args)

    def uncaught(self, value, what: str = "Uncaught") -> None:
        node = self.I.current
        where = f"{os.path.basename(self.filename)}:{node.loc.start.line}" if node is not None else ""
        msg = to_str(value) if isinstance(value, JSError) else format_log([value])
        raise ScriptExit(1, f"{where}: {what} {msg}" if where else f"{what} {msg}")

    def enqueue_microtask(self, thunk: Callable[[], None], label: str, handler) -> None:
        line = handler.line if isinstance(handler, Closure) else None

        def run():
            self.js_calls += 1
            if line is not None:
                self.current_line = line
            self.I.top_fn = None
            try:
                thunk()
            except JSThrow as e:
                self.uncaught(e.value)
            finally:
                self.flush()

        op = "await" if label.startswith("await") else ("queueMicrotask" if label.startswith("queueMicrotask")
                                                         else "Promise.then")
        self.rt.loop.queue_microtask(Callback(run, label, None, op, cost=self.rt.work.cost("callback")))

    def _on_callback(self, cb, phase: str) -> None:
        # processTicksAndRejections: an unhandled rejection ends the process before the next macrotask.
        if self.rt.loop.running_queue is None and cb.op != "main":
            self.check_rejections()

    def check_rejections(self) -> None:
        if self.P.unhandled:
            p = self.P.unhandled[0]
            self.uncaught(p.value, "unhandled promise rejection:")

    # -- helpers --------------------------------------------------------------------------------------------

    def native(self, name: str, fn: Callable) -> Native:
        return self.realm.native(name, fn)

    def obj(self, **props) -> JSObject:
        return self.realm.obj(props)

    def callback_arg(self, args: list, what: str) -> JSFunction:
        cb = args[-1] if args else UNDEFINED
        if not isinstance(cb, JSFunction):
            e = self.I.make_error("TypeError", f'The "cb" argument must be of type function. Received {_received(cb)}',
                                  code="ERR_INVALID_ARG_TYPE")
            raise JSThrow(e)
        return cb

    def string_arg(self, v, name: str) -> str:
        if not isinstance(v, str):
            e = self.I.make_error("TypeError", f'The "{name}" argument must be of type string. Received {_received(v)}',
                                  code="ERR_INVALID_ARG_TYPE")
            raise JSThrow(e)
        return v

    def node_error(self, err: NodeError) -> JSError:
        e = self.I.make_error("Error", err.message)
        e.props["stack"] = f"Error: {err.message}"  # made in C++: no JS frames, as Node's
        code = err.code
        import errno as _errno

        num = getattr(_errno, code, None)
        msg = err.message
        if code in ("ENOTFOUND",):
            syscall, _, host = msg.partition(" ENOTFOUND ")
            e.props.update({"errno": -3008.0, "code": code, "syscall": syscall, "hostname": host})
            return e
        if num is not None:
            e.props["errno"] = float(-num)
        e.props["code"] = code
        if ", " in msg:
            tail = msg.split(", ", 1)[1]
            syscall, _, path = tail.partition(" ")
            e.props["syscall"] = syscall
            if path.startswith("'") and path.endswith("'"):
                e.props["path"] = path[1:-1]
        return e

    def ensure_pool_size(self) -> None:
        """libuv reads UV_THREADPOOL_SIZE once, when the first request creates the threads."""
        if not self.rt.pool.workers:
            v = self.env_obj.get("UV_THREADPOOL_SIZE")
            self.rt.pool.set_size(threadpool_size_from_env(None if v is UNDEFINED else to_str(v)))

    def buffer(self, data: bytes | None = None, length: int | None = None, load=None) -> Buffer:
        return Buffer(self.realm.buffer_proto, data, length, load)

    # -- globals ---------------------------------------------------------------------------------------------

    def install(self, g: dict) -> None:
        I = self.I
        log = self.native("log", lambda this, args: self._log(args, self.write))
        err = self.native("error", lambda this, args: self._log(args, self.write_err))
        g["console"] = self.obj(log=log, info=log, debug=log, error=err, warn=err)
        g["setTimeout"] = self.native("setTimeout", lambda this, a: self._timer(a, False))
        g["setInterval"] = self.native("setInterval", lambda this, a: self._timer(a, True))
        g["setImmediate"] = self.native("setImmediate", self._set_immediate)
        g["clearTimeout"] = g["clearInterval"] = self.native("clearTimeout", self._clear_timer)
        g["clearImmediate"] = self.native("clearImmediate", self._clear_immediate)
        g["queueMicrotask"] = self.native("queueMicrotask", self._queue_microtask)
        date = self.native("Date", lambda this, a: I.unsupported("Date() is not supported: use Date.now()"))
        date.props["now"] = self.native("now", lambda this, a: self.now_ms())
        g["Date"] = date
        g["performance"] = self.obj(now=self.native("now", lambda this, a: (self.flush(), self.rt.clock.now())[1]))
        exports = self.realm.obj()
        module = self.obj(exports=exports, filename=self.filename)
        g["module"] = module
        g["exports"] = exports
        g["__filename"] = js_str(self.filename)
        g["__dirname"] = js_str(os.path.dirname(self.filename))
        g["require"] = self.native("require", self._require)
        g["process"] = self.process = self.obj(
            nextTick=self.native("nextTick", self._next_tick), env=self.env_obj,
            exit=self.native("exit", self._exit),
            argv=self.realm.array(["/usr/bin/node", js_str(self.filename)] + [js_str(a) for a in self.argv]),
            platform="linux", cwd=self.native("cwd", lambda this, a: os.getcwd()),
            on=self.native("on", self._process_on))
        if self.child_of is not None:  # a forked child has the IPC channel: send, disconnect, 'message'
            self.process.props["send"] = self.native("send", self._process_send)
            self.process.props["disconnect"] = self.native("disconnect", self._process_disconnect)
            self.process.props["connected"] = True
        buf = self.native("Buffer", lambda this, a: I.unsupported("Buffer() is not supported: use Buffer.from"))
        buf.props["from"] = self.native("from", self._buffer_from)
        buf.props["isBuffer"] = self.native("isBuffer", lambda this, a: isinstance(B.arg(a, 0), Buffer))
        buf.props["byteLength"] = self.native("byteLength", lambda this, a: float(len(utf8(to_str(B.arg(a, 0))))))
        buf.props["prototype"] = self.realm.buffer_proto
        g["Buffer"] = buf
        g["globalThis"] = self.obj()
        self.modules = {
            "fs": self.obj(readFile=self.native("readFile", self._read_file), stat=self.native("stat", self._stat)),
            "dns": self.obj(lookup=self.native("lookup", self._lookup),
                            resolve=self.native("resolve", self._resolve),
                            resolve4=self.native("resolve4", self._resolve)),
            "crypto": self.obj(pbkdf2=self.native("pbkdf2", self._pbkdf2)),
            "zlib": self.obj(gzip=self.native("gzip", self._gzip)),
        }
        from tui.core.script import fork, net_refused

        self.modules["net"] = net_refused.install(self)
        self.modules["child_process"] = fork.install(self)
        self.modules["fs"].props["promises"] = self.obj(
            readFile=self.native("readFile", lambda this, a: self._promisified(self._read_file, a)),
            stat=self.native("stat", lambda this, a: self._promisified(self._stat, a)))
        self.modules["dns"].props["promises"] = self.obj(
            lookup=self.native("lookup", lambda this, a: self._promisified(self._lookup, a, lookup=True)))

    def _log(self, args, sink) -> Any:
        sink(py_str(format_log(args)) + "\n")
        return UNDEFINED

    def _require(self, this, args):
        name = to_str(B.arg(args, 0)).removeprefix("node:")
        mod = self.modules.get(name)
        if mod is None:
            self.I.unsupported(f"require('{name}') is not supported")
        return mod

    def _exit(self, this, args):
        code = B.arg(args, 0)
        self.flush()
        raise ScriptExit(0 if code is UNDEFINED else int(to_number(code)))

    def _process_on(self, this, args):
        ev = to_str(B.arg(args, 0))
        fn = B.arg(args, 1)
        if ev == "message" and self.child_of is not None and isinstance(fn, JSFunction):
            self.message_listeners.append(fn)
            if not self.channel_ref and self.process.get("connected") is True:
                self.channel_ref = True  # a 'message' listener refs the IPC channel: the child stays alive
                self.rt.loop.active_handles += 1
            return this
        if ev != "exit" or not isinstance(fn, JSFunction):
            self.I.unsupported(f"process.on('{ev}') is not supported (only 'exit', and 'message' in a child)")
        self.exit_listeners.append(fn)
        return this

    # -- the IPC channel of a forked child ----------------------------------------------------------------

    def copy_message(self, v):
        """Node's default 'json' serialization: the other side gets JSON.parse(JSON.stringify(v))."""
        from tui.core.script.jsjson import parse, stringify

        if v is UNDEFINED:
            self.I.unsupported("sending undefined over IPC is not supported")
        try:
            text = stringify(v)
        except ValueError as e:
            raise JSThrow(self.I.make_error("TypeError", str(e))) from None
        return parse(py_str(text), self.realm) if text is not UNDEFINED else None

    def _process_send(self, this, args):
        if self.process.get("connected") is not True:
            raise JSThrow(self.I.make_error("Error", "Channel closed", code="ERR_IPC_CHANNEL_CLOSED"))
        self.flush()
        self.child_of.to_parent(self.copy_message(B.arg(args, 0)))
        return True

    def _process_disconnect(self, this, args):
        if self.process.get("connected") is True:
            self.process.props["connected"] = False
            if self.channel_ref:
                self.channel_ref = False
                self.rt.loop.active_handles -= 1
            self.child_of.child_disconnected()
        return UNDEFINED

    def emit_process_message(self, message) -> None:
        for fn in list(self.message_listeners):
            self.enter(fn, [message])

    def run_exit_listeners(self, code: int) -> None:
        for fn in self.exit_listeners:
            self.enter(fn, [float(code)])

    def _buffer_from(self, this, args):
        v = B.arg(args, 0)
        if isinstance(v, str):
            enc = to_str(B.arg(args, 1)) if B.arg(args, 1) is not UNDEFINED else "utf8"
            if enc == "hex":
                return self.buffer(bytes.fromhex(v))
            return self.buffer(utf8(v))
        if isinstance(v, Buffer):
            return self.buffer(bytes(v.data))
        from tui.core.script.values import JSArray

        if isinstance(v, JSArray):
            return self.buffer(bytes(int(to_number(x)) & 255 for x in v.items))
        self.I.unsupported("Buffer.from accepts a string, an array or a Buffer here")

    # -- timers and queues --------------------------------------------------------------------------------

    def _timer(self, a: list, repeat: bool):
        fn = self._callback_arg(a)
        delay = B.arg(a, 1)
        d = to_number(delay) if not isinstance(delay, str) else delay
        if isinstance(d, float) and math.isfinite(d) and d == int(d):
            d = int(d)
        extra = list(a[2:])
        self.flush()
        if repeat:
            task = self.api.set_interval(d, lambda e, n: self.enter(fn, extra), times=math.inf)
        else:
            task = self.api.set_timeout(d, lambda e, r: self.enter(fn, extra))
        return self._handle("Timeout", task)

    def _handle(self, cls: str, task) -> "Handle":
        return Handle(self.timer_proto, cls, task)

    def _ref_stub(self, this, args):
        self.I.unsupported("ref()/unref() on timers is not supported")

    def _clear_timer(self, this, args):
        h = B.arg(args, 0)
        if isinstance(h, Handle) and h.cls == "Timeout" and not h.task.finished:
            self.rt.loop.timers.clear(h.task.arg)
            self.rt.finish_task(h.task, "cleared", None, None, cancelled=True, nested=False)
        return UNDEFINED

    def _callback_arg(self, a):
        """The first argument, which Node requires to be a function (ERR_INVALID_ARG_TYPE)."""
        fn = B.arg(a, 0)
        if not isinstance(fn, JSFunction):
            raise JSThrow(self.I.make_error(
                "TypeError", f'The "callback" argument must be of type function. Received {_received(fn)}',
                code="ERR_INVALID_ARG_TYPE"))
        return fn

    def _set_immediate(self, this, a):
        fn = self._callback_arg(a)
        extra = list(a[1:])
        self.flush()
        return self._handle("Immediate", self.api.set_immediate(lambda e, r: self.enter(fn, extra)))

    def _clear_immediate(self, this, args):
        h = B.arg(args, 0)
        if isinstance(h, Handle) and h.cls == "Immediate" and not h.task.finished:
            self.rt.loop.clear_immediate(h.task.arg)
            self.rt.finish_task(h.task, "cleared", None, None, cancelled=True, nested=False)
        return UNDEFINED

    def _next_tick(self, this, a):
        fn = self._callback_arg(a)
        extra = list(a[1:])
        self.api.next_tick(lambda e, r: self.enter(fn, extra))
        return UNDEFINED

    def _queue_microtask(self, this, a):
        fn = self._callback_arg(a)
        label = "queueMicrotask" + (f" (line {fn.line})" if isinstance(fn, Closure) else "")
        self.enqueue_microtask(lambda: self.I.call(fn, UNDEFINED, []), label, fn)
        return UNDEFINED

    # -- fs ------------------------------------------------------------------------------------------------

    def _path(self, v) -> str:
        p = self.string_arg(v, "path")
        if "\0" in p:
            raise JSThrow(self.I.make_error("TypeError", "The argument 'path' must be a string without null bytes",
                                            code="ERR_INVALID_ARG_VALUE"))
        return py_str(p)

    def _read_file(self, this, a):
        path = self._path(B.arg(a, 0))
        cb = self.callback_arg(a, "cb")
        opts = a[1] if len(a) > 2 else UNDEFINED
        enc = opts if isinstance(opts, str) else (to_str(opts.get("encoding")) if isinstance(opts, JSObject)
                                                  and opts.get("encoding") not in (UNDEFINED, None) else None)
        self.flush()
        self.ensure_pool_size()
        full = os.path.abspath(path)

        def done(err, _shown):
            if err is not None:
                return self.enter(cb, [self.node_error(err)])
            nbytes = sum(_size(r) for r in _results(cell["task"], "fs.read"))
            buf = self.buffer(length=nbytes, load=lambda: _read_prefix(full, nbytes))
            self.enter(cb, [None, buf if enc is None else _decode(self.I, buf, enc)])

        cell = {"task": self.api.read_file(path, done)}
        return UNDEFINED

    def _stat(self, this, a):
        path = self._path(B.arg(a, 0))
        cb = self.callback_arg(a, "cb")
        if len(a) > 2 and isinstance(a[1], JSObject) and B.truthy(a[1].get("bigint")):
            self.I.unsupported("fs.stat with { bigint: true } is not supported")
        self.flush()
        self.ensure_pool_size()

        def done(err, _shown):
            if err is not None:
                return self.enter(cb, [self.node_error(err)])
            self.enter(cb, [None, self._stats(path, _results(cell["task"], "fs.stat")[0])])

        cell = {"task": self.api.stat(path, done)}
        return UNDEFINED

    def _stats(self, path: str, size: int) -> JSObject:
        import stat as st

        try:
            mode = os.stat(path).st_mode
        except OSError:
            mode = 0
        s = JSObject(self.realm.object_proto, None, "Stats")
        s.props["size"] = float(size)
        s.props["isFile"] = self.native("isFile", lambda this, a: st.S_ISREG(mode))
        s.props["isDirectory"] = self.native("isDirectory", lambda this, a: st.S_ISDIR(mode))
        return s

    # -- dns -----------------------------------------------------------------------------------------------

    def _host(self, v) -> str:
        h = self.string_arg(v, "hostname")
        return h

    def _lookup(self, this, a):
        host = self._host(B.arg(a, 0))
        cb = self.callback_arg(a, "cb")
        opts = a[1] if len(a) > 2 else UNDEFINED
        if isinstance(opts, JSObject) and (B.truthy(opts.get("all")) or to_number(opts.get("family")) == 6) \
                or opts == 6.0:
            self.I.unsupported("dns.lookup with { all: true } or family 6 is not supported")
        self.flush()
        if host == "":
            self.I.unsupported("dns.lookup('') is not supported")
        self.ensure_pool_size()

        def done(err, _shown):
            if err is not None:
                return self.enter(cb, [self.node_error(err)])
            literal = is_ip(host)
            addr = host if literal else _results(cell["task"], "dns.lookup")[0]
            self.enter(cb, [None, addr, float(literal or is_ip(addr) or 4)])

        cell = {"task": self.api.lookup(host, done)}
        return UNDEFINED

    def _resolve(self, this, a):
        host = self._host(B.arg(a, 0))
        cb = self.callback_arg(a, "cb")
        if len(a) > 2 and to_str(a[1]) != "A":
            self.I.unsupported("dns.resolve with an rrtype other than 'A' is not supported")
        self.flush()

        def done(err, shown):
            if err is not None:
                return self.enter(cb, [self.node_error(err)])
            addrs = [x.strip() for x in str(shown).strip("[]").split(",") if x.strip()]
            self.enter(cb, [None, self.realm.array(addrs)])

        self.api.resolve(host, done)
        return UNDEFINED

    # -- crypto, zlib ------------------------------------------------------------------------------------

    def _pbkdf2(self, this, a):
        if len(a) < 6:
            self.I.unsupported("crypto.pbkdf2 needs (password, salt, iterations, keylen, digest, callback)")
        cb = self.callback_arg(a, "cb")
        pw, salt = _bytes(a[0]), _bytes(a[1])
        it, keylen = to_number(a[2]), to_number(a[3])
        digest = to_str(a[4]).lower()
        if digest not in hashlib.algorithms_available or not (it >= 1 and it == int(it)) or not keylen >= 0:
            self.I.unsupported("crypto.pbkdf2: a known digest, iterations ≥ 1 and keylen ≥ 0 are required")
        if it > 100_000_000:
            self.I.unsupported("crypto.pbkdf2 with more than 100,000,000 iterations is not supported")
        n, k = int(it), int(keylen)
        self.flush()
        self.ensure_pool_size()

        def done(err, r):
            if err is not None:
                return self.enter(cb, [self.node_error(err)])
            key = self.buffer(length=k, load=lambda: hashlib.pbkdf2_hmac(digest, pw, salt, n, k))
            self.enter(cb, [None, key])

        # The model's pbkdf2 cost is per sha512 iteration; other digests are charged the same.
        self.api.pbkdf2(n, done)
        return UNDEFINED

    def _gzip(self, this, a):
        cb = self.callback_arg(a, "cb")
        data = _bytes(B.arg(a, 0))
        self.flush()
        self.ensure_pool_size()
        c = zlib.compressobj(-1, zlib.DEFLATED, 31)
        out = c.compress(data) + c.flush()

        def done(err, r):
            if err is not None:
                return self.enter(cb, [self.node_error(err)])
            self.enter(cb, [None, self.buffer(out)])

        self.api.gzip_bytes(len(data), len(out), done)
        return UNDEFINED

    # -- promise forms -----------------------------------------------------------------------------------

    def _promisified(self, fn, a: list, lookup: bool = False):
        p = self.P.new()

        def settle(this, args):
            err = B.arg(args, 0)
            if err is not None and err is not UNDEFINED:
                self.P.reject(p, err)
            elif lookup:
                self.P.resolve(p, self.obj(address=B.arg(args, 1), family=B.arg(args, 2)))
            else:
                self.P.resolve(p, B.arg(args, 1))
            return UNDEFINED

        fn(UNDEFINED, list(a) + [self.native("", settle)])
        return p


class Handle(JSObject):
    """What setTimeout/setInterval/setImmediate return: the model's task, for clear*()."""

    __slots__ = ("task",)

    def __init__(self, proto, cls: str, task) -> None:
        super().__init__(proto, None, cls)
        self.task = task


def _results(task, op: str) -> list:
    """What the task's pool jobs of kind `op` returned: the structured values behind its display string."""
    return [j.result for j in task.jobs if j.op == op and j.error is None]


def _size(r) -> int:
    return r if isinstance(r, int) else len(r)


def _received(v) -> str:
    if v is UNDEFINED:
        return "undefined"
    if v is None:
        return "null"
    if isinstance(v, str):
        return f"type string ('{v}')"
    if isinstance(v, float):
        from tui.core.script.values import num_to_str

        return f"type number ({num_to_str(v)})"
    if isinstance(v, bool):
        return f"type boolean ({'true' if v else 'false'})"
    return "an instance of Object"


def _bytes(v) -> bytes:
    if isinstance(v, Buffer):
        return v.data
    return utf8(to_str(v))


def _read_prefix(path: str, n: int) -> bytes:
    # Reading is the one file access scripts have; never more than the model said was read.
    try:
        with open(path, "rb") as f:
            return f.read(min(n, READ_LIMIT))
    except OSError:
        return b""


def _decode(I, buf: Buffer, enc: str) -> str:
    e = enc.lower()
    if e in ("utf8", "utf-8"):
        return js_str(buf.data.decode("utf-8", "replace"))
    if e in ("latin1", "binary", "ascii"):
        return buf.data.decode("latin-1")
    if e == "hex":
        return buf.data.hex()
    I.unsupported(f"encoding '{enc}' is not supported")

