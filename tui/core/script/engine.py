"""The JavaScript engine: one QuickJS-ng context, its limits, and the hooks the host needs.

What the `quickjs-ng` binding (PyPI quickjs-ng 0.17, imports as `quickjs`) gives, as
found by probing it (`help(quickjs.Context)`, its module.c):

- `Context()` is one JSRuntime with one JSContext. It must only ever be used from
  the thread that made it (QuickJS is thread-hostile, and its stack limit is
  measured from that thread's stack): every context lives on ptview's one engine
  thread (`on_engine_thread`).
- `eval(src)` compiles with the file name `<input>` (fixed) and returns Python
  values for primitives (int/float/str/bool, None for null AND undefined, int for
  BigInt) and `quickjs.Object` for objects and functions (callable with primitive
  or Object arguments). An uncaught JS exception becomes `quickjs.JSException`
  carrying only the text `"Name: message\\n<stack>"`, never the value, and a stack
  overflow `quickjs.StackOverflow`. So the host never lets an exception reach the
  binding: every entry goes through a JS trampoline that catches.
- `add_callable(name, fn)` defines a global JS function that calls `fn`
  synchronously, converting arguments as eval's results are (so strings cross as C
  strings: the host passes text as JSON, which survives NUL and lone surrogates).
  If `fn` raises, JS sees "InternalError: Python call failed." and
  a Python exception is LEFT SET: the next eval then fails with SystemError. So
  every host function is wrapped by `Engine.host()`, which never raises.
- `execute_pending_job()` runs exactly one promise job (True) or returns False
  when there is none; a job that throws raises JSException.
- `set_time_limit(s)` uses C `clock()` (process CPU time) reset at each eval/call,
  through QuickJS's interrupt handler; `set_memory_limit(bytes)`;
  `set_max_stack_size(bytes)` (default 256 KiB).
- Functions have `lineNumber`/`columnNumber`; `Error.prepareStackTrace(err,
  callsites)` is called (V8-style) when an error is made, also for the engine's own
  errors, so the host can word messages as V8 does there.
- Not exposed: `JS_IsJobPending` (is a job waiting?), the promise rejection
  tracker (for unhandled rejections), promise state and proxy target (for
  util.inspect), the runtime's malloc size, a file name for eval (every file is
  "<input>": js/bootstrap.js gives each module its own range of line numbers). The
  others are reached through ctypes on the same shared object: the Context's C
  struct starts, after PyObject_HEAD, with its `JSRuntime *` (checked at start-up
  against `JS_GetRuntime(JSContext *)`; without the check passing there is no
  engine), a `quickjs.Object` holds its JSValue after its context pointer, and
  JSRuntime starts with its malloc state (checked against the limit just set).
  ptview installs its own interrupt handler the same way (never calling the
  binding's `set_time_limit`, which would replace it): the handler counts work for
  the model clock and enforces the CPU limit and `process.exit()`.
"""

from __future__ import annotations

import concurrent.futures
import ctypes
import threading
import time
from typing import Any, Callable

import _quickjs
import quickjs

MEMORY_LIMIT = 256 * 1024 * 1024   # bytes of JS heap per script (a process's context)
# QuickJS's interpreter takes ~1.7 KiB of C stack per JS call; node's ~1 MiB V8 stack holds
# ~13,900 calls of `function d() { d() }`. 24 MiB gives QuickJS about as many (measured:
# tests/test_script_limits.py), so a recursion node survives also survives here, and one it
# does not ends in the same catchable RangeError.
STACK_LIMIT = 24 * 1024 * 1024
THREAD_STACK = 64 * 1024 * 1024    # the engine thread's own stack: JS frames + host calls + headroom
CPU_LIMIT_S = 10.0                 # CPU seconds one step (one callback) may take
HOST_ERROR = "\x00ptview-host-error"  # what a failed host function returns; the JS side throws


class _JSValue(ctypes.Structure):
    # quickjs-ng on 64-bit: struct JSValue { JSValueUnion u; int64_t tag; } (no NaN boxing)
    _fields_ = [("u", ctypes.c_uint64), ("tag", ctypes.c_int64)]


_INTERRUPT = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p)
_TRACKER = ctypes.CFUNCTYPE(None, ctypes.c_void_p, _JSValue, _JSValue, ctypes.c_bool, ctypes.c_void_p)
_lib = ctypes.CDLL(_quickjs.__file__)
_lib.JS_GetRuntime.restype = ctypes.c_void_p
_lib.JS_GetRuntime.argtypes = [ctypes.c_void_p]
_lib.JS_IsJobPending.restype = ctypes.c_bool
_lib.JS_IsJobPending.argtypes = [ctypes.c_void_p]
_lib.JS_SetInterruptHandler.argtypes = [ctypes.c_void_p, _INTERRUPT, ctypes.c_void_p]
_lib.JS_SetHostPromiseRejectionTracker.argtypes = [ctypes.c_void_p, _TRACKER, ctypes.c_void_p]
_lib.JS_DupValue.restype = _JSValue
_lib.JS_DupValue.argtypes = [ctypes.c_void_p, _JSValue]
_lib.JS_GetGlobalObject.restype = _JSValue
_lib.JS_GetGlobalObject.argtypes = [ctypes.c_void_p]
_lib.JS_SetPropertyStr.argtypes = [ctypes.c_void_p, _JSValue, ctypes.c_char_p, _JSValue]
_lib.JS_FreeValue.argtypes = [ctypes.c_void_p, _JSValue]
_lib.JS_IsProxy.restype = ctypes.c_bool
_lib.JS_IsProxy.argtypes = [_JSValue]
_lib.JS_GetProxyTarget.restype = _JSValue
_lib.JS_GetProxyTarget.argtypes = [ctypes.c_void_p, _JSValue]
_lib.JS_GetProxyHandler.restype = _JSValue
_lib.JS_GetProxyHandler.argtypes = [ctypes.c_void_p, _JSValue]
_lib.JS_PromiseState.restype = ctypes.c_int
_lib.JS_PromiseState.argtypes = [ctypes.c_void_p, _JSValue]
_lib.JS_PromiseResult.restype = _JSValue
_lib.JS_PromiseResult.argtypes = [ctypes.c_void_p, _JSValue]


_lib.JS_GetArrayBuffer.restype = ctypes.c_void_p
_lib.JS_GetArrayBuffer.argtypes = [ctypes.c_void_p, ctypes.POINTER(ctypes.c_size_t), _JSValue]
# quickjs-ng 0.17 (the binding's): JS_NewArrayBuffer(ctx, buf, len, max_len, free_func, opaque, is_shared);
# max_len 0 = not resizable (checked by disassembly: a non-zero max_len without a free function
# is "resizable ArrayBuffers require a realloc function")
_lib.JS_NewArrayBuffer.restype = _JSValue
_lib.JS_NewArrayBuffer.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_size_t, ctypes.c_size_t,
                                   ctypes.c_void_p, ctypes.c_void_p, ctypes.c_bool]


# -- SharedArrayBuffer memory, shared by every context of the process ---------------------------
# Each context is a JSRuntime of its own, so a SharedArrayBuffer that crosses to a Worker must
# not live in one runtime's heap: every runtime gets these allocator hooks
# (JS_SetSharedArrayBufferFunctions), so `new SharedArrayBuffer(n)` takes memory from here,
# with a count of the runtimes' buffers on it; another context wraps the same memory with
# JS_NewArrayBuffer(is_shared) (sab_dup), and the memory goes when the last buffer is finalized.
_SAB_ALLOC = ctypes.CFUNCTYPE(ctypes.c_void_p, ctypes.c_void_p, ctypes.c_size_t)
_SAB_FREE = ctypes.CFUNCTYPE(None, ctypes.c_void_p, ctypes.c_void_p)


class _SabFunctions(ctypes.Structure):
    _fields_ = [("sab_alloc", _SAB_ALLOC), ("sab_free", _SAB_FREE), ("sab_dup", _SAB_FREE),
                ("sab_opaque", ctypes.c_void_p)]


_sab_memory: dict[int, list] = {}   # address → [ctypes buffer, size, count]
_sab_lock = threading.Lock()


def _sab_alloc(_opaque, size):
    try:
        buf = ctypes.create_string_buffer(max(int(size), 1))
        addr = ctypes.addressof(buf)
        with _sab_lock:
            _sab_memory[addr] = [buf, int(size), 1]
        return addr
    except BaseException:  # noqa: BLE001 - a ctypes callback must not raise (NULL: out of memory)
        return None


def _sab_free(_opaque, addr):
    try:
        with _sab_lock:
            e = _sab_memory.get(addr)
            if e is not None:
                e[2] -= 1
                if e[2] <= 0:
                    del _sab_memory[addr]
    except BaseException:  # noqa: BLE001
        pass


def _sab_dup(_opaque, addr):
    try:
        with _sab_lock:
            e = _sab_memory.get(addr)
            if e is not None:
                e[2] += 1
    except BaseException:  # noqa: BLE001
        pass


_SAB_FUNCS = _SabFunctions(_SAB_ALLOC(_sab_alloc), _SAB_FREE(_sab_free), _SAB_FREE(_sab_dup), None)
# Immortal: a runtime freed late in the interpreter's shutdown (a Worker's) still calls sab_free,
# and a freed ctypes thunk there would crash the process on its way out.
for _o in (_SAB_FUNCS, _SAB_FUNCS.sab_alloc, _SAB_FUNCS.sab_free, _SAB_FUNCS.sab_dup):
    ctypes.pythonapi.Py_IncRef(ctypes.py_object(_o))
_lib.JS_SetSharedArrayBufferFunctions.argtypes = [ctypes.c_void_p, ctypes.POINTER(_SabFunctions)]


def sab_hold(addr: int) -> None:
    """Keep shared memory alive while a message carrying it is on its way (sab_release after)."""
    _sab_dup(None, addr)


def sab_release(addr: int) -> None:
    _sab_free(None, addr)


class EngineUnavailable(RuntimeError):
    pass


# Every context lives on ONE engine thread: QuickJS computes its stack limit from the stack of
# the thread that created the runtime, so a context must be created and used on the same
# thread (the binding's own Function class does the same), and that thread needs a stack
# bigger than the main thread's 8 MiB to hold node-like recursion depths. Calls from other
# threads are handed over and waited for; calls already on it (a host function forking a
# child script, which makes a second context) run directly.
_executor: concurrent.futures.ThreadPoolExecutor | None = None
_engine_thread: threading.Thread | None = None
_executor_lock = threading.Lock()


def _start_engine_thread() -> concurrent.futures.ThreadPoolExecutor:
    global _executor, _engine_thread
    with _executor_lock:
        if _executor is None:
            old = threading.stack_size()
            try:
                threading.stack_size(THREAD_STACK)
                ex = concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="ptview-js")
                _engine_thread = ex.submit(threading.current_thread).result()
            finally:
                threading.stack_size(old)
            _executor = ex
    return _executor


def on_engine_thread(fn: Callable[..., Any], *args) -> Any:
    """Run fn(*args) on the engine thread and return (or raise) what it does."""
    if threading.current_thread() is _engine_thread:
        return fn(*args)
    return _start_engine_thread().submit(fn, *args).result()


class Engine:
    """A context with ptview's limits. `host(name, fn)` defines a never-raising host function."""

    def __init__(self, *, memory_limit: int = MEMORY_LIMIT, stack_limit: int | None = None,
                 cpu_limit_s: float | None = None, own_thread: bool = False) -> None:
        # own_thread: the context lives on the calling thread (a Worker's thread, made with
        # THREAD_STACK by tui/core/script/worker.py) instead of the shared engine thread.
        self._owner = threading.current_thread() if own_thread else None
        self._on(self._init, memory_limit, STACK_LIMIT if stack_limit is None else stack_limit,
                 CPU_LIMIT_S if cpu_limit_s is None else cpu_limit_s)

    def _on(self, fn: Callable[..., Any], *args) -> Any:
        """Run fn(*args) on this context's thread."""
        if self._owner is None:
            return on_engine_thread(fn, *args)
        if threading.current_thread() is not self._owner:
            raise RuntimeError("a Worker's engine context used from another thread")
        return fn(*args)

    def _init(self, memory_limit: int, stack_limit: int, cpu_limit_s: float) -> None:
        self.ctx = quickjs.Context()
        words = (ctypes.c_void_p * 4).from_address(id(self.ctx))
        self._rt, self._cx = words[2], words[3]
        if not self._rt or _lib.JS_GetRuntime(self._cx) != self._rt:
            raise EngineUnavailable("this quickjs-ng build's Context layout is not the one ptview knows")
        self.memory_limit = memory_limit
        self.ctx.set_memory_limit(memory_limit)
        # JSRuntime starts with JSMallocFunctions (5 pointers) then JSMallocState {count, size,
        # limit, opaque}: malloc_size is read there, cheaply, by the interrupt handler (checked
        # against the limit just set; without the match, memory is read the slow way).
        state = (ctypes.c_size_t * 8).from_address(self._rt)
        self._malloc_size = ctypes.c_size_t.from_address(self._rt + 48) if state[7] == memory_limit else None
        self.memory_peak = 0           # highest malloc_size seen this step
        self.ctx.set_max_stack_size(stack_limit)
        self.cpu_limit_s = cpu_limit_s
        self.ticks = 0                  # interrupt-handler calls: ~10,000 QuickJS "operations" each
        self.stop_reason: str | None = None   # set ⇒ the next interrupt ends the running JS, uncatchably
        self._cpu_start = time.process_time()  # start-up (bootstrap, prelude) gets a budget too
        self.host_error: BaseException | None = None
        self.on_tick: Callable[[], None] | None = None  # called at each interrupt (Workers: a yield point)
        self.rejections: list[tuple[int, bool]] = []  # the tracker's calls since the host looked: (n, handled)
        self._rejection_seq = 0
        # Keep the ctypes callbacks alive as long as the runtime may call them.
        self._interrupt_cb = _INTERRUPT(self._on_interrupt)
        self._tracker_cb = _TRACKER(self._on_rejection)
        _lib.JS_SetInterruptHandler(self._rt, self._interrupt_cb, None)
        _lib.JS_SetSharedArrayBufferFunctions(self._rt, ctypes.byref(_SAB_FUNCS))
        _lib.JS_SetHostPromiseRejectionTracker(self._rt, self._tracker_cb, None)

    # -- hooks called by QuickJS (through ctypes): must never raise --------------------------------

    def _on_interrupt(self, _rt, _opaque) -> int:
        try:
            self.ticks += 1
            if self._malloc_size is not None:
                size = self._malloc_size.value
                if size > self.memory_peak:
                    self.memory_peak = size
            if self.stop_reason is not None:
                return 1
            if self.on_tick is not None:
                self.on_tick()   # may block this thread (a Worker waiting for the others' time)
                if self.stop_reason is not None:
                    return 1
            if time.process_time() - self._cpu_start > self.cpu_limit_s:
                self.stop_reason = "cpu"
                return 1
            return 0
        except BaseException:  # noqa: BLE001 - a ctypes callback must not raise
            return 1

    def _on_rejection(self, cx, promise, reason, handled, _opaque) -> None:
        # QuickJS calls this when a promise is rejected with no handler (handled=False) and
        # when a handler is later added to such a promise (handled=True): node's
        # kPromiseRejectWithNoHandler / kPromiseHandlerAddedAfterReject. The promise and
        # reason are parked in two numbered globals that the JS side collects after the job.
        try:
            n = self._rejection_seq
            self._rejection_seq += 1
            g = _lib.JS_GetGlobalObject(cx)
            _lib.JS_SetPropertyStr(cx, g, b"__ptv_rej_p%d" % n, _lib.JS_DupValue(cx, promise))
            _lib.JS_SetPropertyStr(cx, g, b"__ptv_rej_r%d" % n, _lib.JS_DupValue(cx, reason))
            _lib.JS_FreeValue(cx, g)
            self.rejections.append((n, bool(handled)))
        except BaseException:  # noqa: BLE001
            pass

    # -- the host's side ---------------------------------------------------------------------------

    def job_pending(self) -> bool:
        return bool(_lib.JS_IsJobPending(self._rt))

    def begin_step(self) -> None:
        """A new budget of CPU time: the limit is per step (one callback and its drain)."""
        self._cpu_start = time.process_time()
        self.memory_peak = 0

    def host(self, name: str, fn: Callable[..., Any]) -> None:
        """Define global `name` calling `fn`. An exception in `fn` is kept in `host_error` and
        HOST_ERROR returned: the JS wrapper (host.js) then throws it on the JS side."""

        def safe(*args):
            try:
                return fn(*args)
            except BaseException as e:  # noqa: BLE001 - never into the engine (see module doc)
                self.host_error = e
                return HOST_ERROR

        self._on(self.ctx.add_callable, name, safe)

    def call(self, fn: Callable[..., Any], *args) -> Any:
        """Call a JS function (a quickjs.Object) or any engine operation on the engine thread."""
        return self._on(fn, *args)

    def eval(self, src: str):
        return self._on(self.ctx.eval, src)

    def set(self, name: str, value) -> None:
        self._on(self.ctx.set, name, value)

    def run_job(self) -> bool:
        """One promise job. Jobs are wrapped on the JS side so that they do not throw here;
        an interrupt (CPU limit, process.exit) still surfaces as JSException."""
        return self._on(self.ctx.execute_pending_job)

    def promise_state(self, obj) -> int:
        """JS_PromiseState of a promise (0 pending, 1 fulfilled, 2 rejected, -1 not a promise); its
        result is parked in the global __ptv_promise_result for the JS side to take. `obj` is the
        binding's quickjs.Object: {PyObject_HEAD; ContextData *; JSValue} (module.c ObjectData)."""
        if not isinstance(obj, quickjs.Object):
            return -1
        val = _JSValue.from_address(id(obj) + 24)
        state = _lib.JS_PromiseState(self._cx, val)
        if state >= 0:
            g = _lib.JS_GetGlobalObject(self._cx)
            _lib.JS_SetPropertyStr(self._cx, g, b"__ptv_promise_result", _lib.JS_PromiseResult(self._cx, val))
            _lib.JS_FreeValue(self._cx, g)
        return state

    def proxy_details(self, obj) -> bool:
        """For util.inspect's showProxy and types.isProxy: is `obj` a Proxy? If so its target and
        handler are parked in globals __ptv_proxy_target/__ptv_proxy_handler."""
        if not isinstance(obj, quickjs.Object):
            return False
        val = _JSValue.from_address(id(obj) + 24)
        if not _lib.JS_IsProxy(val):
            return False
        g = _lib.JS_GetGlobalObject(self._cx)
        _lib.JS_SetPropertyStr(self._cx, g, b"__ptv_proxy_target", _lib.JS_GetProxyTarget(self._cx, val))
        _lib.JS_SetPropertyStr(self._cx, g, b"__ptv_proxy_handler", _lib.JS_GetProxyHandler(self._cx, val))
        _lib.JS_FreeValue(self._cx, g)
        return True

    def sab_address(self, obj) -> int:
        """The memory of a SharedArrayBuffer (its address, the key of its shared memory), or 0."""
        if not isinstance(obj, quickjs.Object):
            return 0
        val = _JSValue.from_address(id(obj) + 24)
        size = ctypes.c_size_t()
        addr = _lib.JS_GetArrayBuffer(self._cx, ctypes.byref(size), val)
        if not addr:
            return 0
        with _sab_lock:
            return addr if addr in _sab_memory else 0

    def sab_wrap(self, addr: int) -> bool:
        """A SharedArrayBuffer of this context over shared memory `addr`, parked in the global
        __ptv_sab for the JS side to take. False if that memory is gone."""
        with _sab_lock:
            e = _sab_memory.get(addr)
            size = e[1] if e is not None else 0
        if e is None:
            return False
        val = _lib.JS_NewArrayBuffer(self._cx, addr, size, 0, None, None, True)
        g = _lib.JS_GetGlobalObject(self._cx)
        _lib.JS_SetPropertyStr(self._cx, g, b"__ptv_sab", val)
        _lib.JS_FreeValue(self._cx, g)
        return True

    def memory_exhausted(self) -> bool:
        """Near the context's limit: QuickJS then throws null when it cannot even make an Error."""
        if self._malloc_size is not None:
            size = max(self.memory_peak, self._malloc_size.value)
        else:
            size = int(self._on(self.ctx.memory).get("malloc_size", 0))
        return size > 0.9 * self.memory_limit

    def memory_used(self) -> int:
        return int(self._on(self.ctx.memory).get("memory_used_size", 0))
