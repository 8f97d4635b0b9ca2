"""The Node host: what the engine's JavaScript can ask of ptview, each answer a call into the model.

Every JS callback (main module, timer, immediate, nextTick, I/O callback,
promise job) is a `Callback` the model's loop runs, so the loop decides what
runs when; this file only enters the engine when the loop says so, and drains
the engine's promise jobs one `execute_pending_job()` at a time as microtasks
of the model (SEMANTICS §3.5).

Promise jobs: QuickJS keeps its own job queue and does not list it; the host
only learns whether a job is waiting (`JS_IsJobPending`). So the model's
microtask queue holds ONE entry, "promise job", standing for the head of the
engine's queue whenever it is not empty; running it runs exactly one job and
puts the entry back if more wait. queueMicrotask is the engine's own (one FIFO
with promise reactions, as V8's), so the order among jobs is the engine's, and
the order of jobs against nextTicks and macrotasks is the model's.

Time: synchronous JS has no model time of its own, so it is charged
deterministically (never wall time): TICK_MS per engine interrupt (QuickJS
calls the handler every ~10,000 interpreter operations: ~5,000 iterations of
an empty loop, ~3,300 calls; node's JIT runs those in ~3 µs), CLOCK_READ_MS
per clock read (node's Date.now() ≈ 70 ns), and the model's "callback" cost
per callback. Charges are flushed to the loop thread (rt.consume) whenever
the script reads the clock or starts an operation, and when it returns.
"""

from __future__ import annotations

import json
import math
import os
import random
import re
import time
from typing import Any, Callable

from tui.core.callbacks import Callback
from tui.core.ops import NodeAPI
from tui.core.pool import threadpool_size_from_env
from tui.core.script import loader
from tui.core.script.engine import Engine
from tui.core.script.errors import NodeJSError, ScriptError, ScriptExit
from tui.core.untrusted import shown_lines

TICK_MS = 0.003             # model ms per engine interrupt (~10,000 QuickJS operations)
CLOCK_READ_MS = 0.0001      # model ms per Date.now()/performance.now()/hrtime
EPOCH_MS = 1_767_225_600_000  # Date.now() at model time 0: 2026-01-01T00:00:00Z, so runs repeat
NODE_VERSION = "v20.20.2"
HEAVY_MODULES = {"crypto", "zlib", "child_process", "net"}  # bench/node_costs.py: ms, not µs, to load
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")  # JSON combines pairs: any left is lone


class Host:
    def __init__(self, rt, engine: Engine, filename: str, write: Callable[[str], None],
                 write_err: Callable[[str], None], pool_env: str | None, *, seed: int = 1,
                 argv: list[str] | None = None, child_of=None, next_pid: int = 4000, sites: bool = False,
                 procs=None, worker=None, new_run: Callable[..., Any] | None = None) -> None:
        self.rt = rt
        # How a forked child or a Worker gets its own run: the ScriptRun class, handed down by the
        # run that builds this host, so that fork.py and worker.py need not import runner.py
        # (which imports this module).
        self.new_run = new_run
        self.seed = seed
        # worker_threads: `worker` is this thread's WorkerThread (None on the main thread); the hub
        # is the run's (tui/core/script/worker.py), shared by every thread of the process
        self.worker = worker
        self.thread = worker.tid if worker is not None else 0
        if worker is not None:
            self.hub = worker.hub
            self.env: dict[str, str] = worker.spec["env_dict"]
        else:
            from tui.core.script.worker import Hub

            self.hub = Hub(self)
            self.env = {"UV_THREADPOOL_SIZE": pool_env} if pool_env is not None else {}
        self.sab_held: list[int] = []
        self.api = NodeAPI(rt, procs)  # procs: the parent's, for a forked child (one bound per run)
        self.engine = engine
        self.filename = os.path.abspath(filename)
        self.write = write
        self.write_err = write_err
        self.pool_env = pool_env
        self.argv = argv or []
        self.child_of = child_of
        self.next_pid = next_pid
        self.rng = random.Random(seed)
        self.js_calls = 0                 # JS entries from the loop: what a UI "step" counts
        self.cpu_s = 0.0                  # real CPU seconds spent in the engine (the app shows long steps)
        self.exit_request: ScriptExit | None = None
        self.final_exit_code: int | None = None
        self._stream_made = [False, False]  # [stderr, stdout]
        self.output_failure: Exception | None = None
        self._inspected = False    # console.log has formatted an object (util.inspect is warm)
        self._used: set[str] = set()  # APIs whose first call was charged (first_use)
        self.fatal_summary: str | None = None  # one line for the app's status bar
        self.refusal: ScriptError | None = None
        self.charged_ticks = 0
        self.pending_ms = 0.0
        self.place: tuple | None = None   # (line, end_line, scheduling line) of what the loop runs now
        self.sites = sites                # the app wants to know which function each step runs
        self._job_queued = False
        self.tasks: dict[int, Any] = {}   # model task id → Task, for clear*/ref
        self.env_pool: str | None = pool_env
        self.pid = child_of.pid if child_of is not None else next_pid
        self.ppid = child_of.host.pid if child_of is not None else 1
        self.connected = child_of is not None   # a forked child's IPC channel
        self.channel_ref = False
        rt.callback_listeners.append(self._on_callback)
        from tui.core.script import host_crypto, host_dns, host_fs, host_proc, host_timers, host_worker

        for mod in (host_timers, host_fs, host_dns, host_crypto, host_proc, host_worker):
            for name, fn in mod.functions(self).items():
                engine.host(f"__h_{name}", fn)
        for name, fn in self._core().items():
            engine.host(f"__h_{name}", fn)
        self.js = engine.call(engine.eval(loader.bootstrap_source()))
        self._fns = {k: _prop(engine, self.js, k) for k in
                     ("enter", "main", "collectRejection", "processRejections", "fnPlace", "emit", "listenerCount")}

    # -- the core host functions ------------------------------------------------------------------

    def _core(self) -> dict[str, Callable]:
        return {
            "take_error": self._take_error,
            "fatal": self._fatal,
            "version": lambda: NODE_VERSION,
            "builtin_source": self._builtin_source,
            "refused_module": lambda name: loader.refused(json.loads(name)),
            "refuse": self._refuse,
            "stop_memory": self._stop_memory,
            "memory_exhausted": self.engine.memory_exhausted,
            "read_module": lambda d, n: json.dumps(loader.read_module(json.loads(d), json.loads(n))),
            "resolve_path": lambda d, n: loader.resolve_path(json.loads(d), json.loads(n)),
            "write": self._write,
            "inspect_cost": self._inspect_cost,
            "random": lambda: self.rng.random(),
            "date_now": lambda: float(EPOCH_MS + math.floor(self.now())),
            "perf_now": self.now,
            "exit": self._exit,
            "connected": lambda: self.connected,
            "set_exit_code": self._set_exit_code,
            "sites_wanted": lambda: self.sites,
            "set_place": self._set_place,
            "promise_state": self.engine.promise_state,
            "proxy_details": self.engine.proxy_details,
        }

    def _builtin_source(self, name_json: str) -> str:
        name = json.loads(name_json)
        src = loader.builtin_source(name)
        if src is not None and self.js_calls > 0 and not name.startswith("internal/"):
            # a builtin's first require after start-up runs its JS (node's start-up ones are in its snapshot)
            heavy = name.removeprefix("node:") in HEAVY_MODULES
            self.pending_ms += self.rt.work.cost("require.heavy" if heavy else "require")
        return json.dumps(src)

    def _take_error(self) -> str:
        e = self.engine.host_error
        self.engine.host_error = None
        if isinstance(e, NodeJSError):
            return json.dumps(e.as_dict())
        if isinstance(e, BrokenPipeError):  # --json's reader went away mid-call: stop quietly
            self.request_exit(ScriptExit(0))
            return json.dumps({"name": "Error", "message": "stdout closed"})
        if isinstance(e, (ScriptError, ScriptExit)):
            return json.dumps({"name": "Error", "message": "ptview stops the script"})
        return json.dumps({"name": "Error", "message": f"internal error in ptview's host "
                                                       f"({type(e).__name__}: {e})"})

    def _fatal(self, text_json: str):
        """An uncaught exception (or rejection) with no handler: node prints it and exits 1."""
        if self.exit_request is not None:
            return  # already on the way out (process.exit, a closed stdout): nothing more to say
        self.flush()
        text = _text(json.loads(text_json))
        # ptview's printout of the error (node's layout) quotes the script's words: it reaches the
        # user's terminal through shown(); what the script itself writes to stderr stays exact.
        self.write_err("\n".join(shown_lines(text)))
        self.fatal_summary = _summary(text, os.path.basename(self.filename))
        self.request_exit(ScriptExit(1))

    def _refuse(self, message: str, line, col, file_json: str | None = None):
        e = ScriptError(json.loads(message), int(line) if line else None, int(col) if col else None)
        file = json.loads(file_json) if file_json else None
        if file is not None and file != self.filename:
            e.file = os.path.basename(file)
        self.refusal = e
        self.engine.stop_reason = "refused"

    def _stop_memory(self):
        self.refusal = ScriptError(f"stopped at the memory limit of {self.engine.memory_limit >> 20} MiB")
        self.engine.stop_reason = "refused"

    def _write(self, fd, text_json: str):
        if self.exit_request is not None:
            return None
        s = _text(json.loads(text_json))
        if not self._stream_made[fd == 1]:
            # node makes process.stdout/stderr lazily, on first use: milliseconds (SEMANTICS §3.9)
            self._stream_made[fd == 1] = True
            self.pending_ms += self.rt.work.cost("console.first")
        else:
            self.pending_ms += self.rt.work.cost("console.log")
        try:
            self.flush()
            (self.write if fd == 1 else self.write_err)(s)
        except BrokenPipeError:
            # `ptview --headless x.js | head`: the reader is gone; stop quietly, as a CLI should
            self.request_exit(ScriptExit(0))
        except Exception as e:  # the stream itself failed (a full disk, a closed fd): not the script's
            self.output_failure = e  # doing: ScriptRun.run() raises it for the caller to report
            self.request_exit(ScriptExit(0))
        return None

    def out(self, fd: int, text: str) -> None:
        """Write to this thread's stdout/stderr what another thread sent (a Worker's output)."""
        if self.exit_request is not None and self.worker is None:
            return
        try:
            (self.write if fd == 1 else self.write_err)(text)
        except BrokenPipeError:
            self.request_exit(ScriptExit(0))
        except Exception as e:  # noqa: BLE001 - as _write
            self.output_failure = e
            self.request_exit(ScriptExit(0))

    def made_stdout(self) -> None:
        """process.stdout is made now if it was not (new Worker pipes the Worker's output into it)."""
        if not self._stream_made[True]:
            self._stream_made[True] = True
            self.pending_ms += self.rt.work.cost("console.first")

    def _inspect_cost(self):
        """console.log formats an object: node's util.inspect, costly the first time (SEMANTICS §3.9)."""
        self.pending_ms += self.rt.work.cost("console.inspect" if self._inspected else "console.inspect.first")
        self._inspected = True

    def first_use(self, what: str) -> None:
        """Node's one-off cost of an API's first call in a process (timers, fs): once per run."""
        if what not in self._used:
            self._used.add(what)
            self.pending_ms += self.rt.work.cost(f"{what}.first")

    def _exit(self, code):
        self.flush()
        self.request_exit(ScriptExit(int(code)))

    def _set_place(self, place_json):
        self.place = self._own_place(json.loads(place_json))

    def _own_place(self, p) -> tuple | None:
        """(first line, last line, scheduling line) in the main script, or None."""
        if p is None:
            return None
        mine = p[0] == self.filename
        site = p[4] if len(p) > 4 and p[3] == self.filename else None
        if not mine and site is None:
            return None
        return (p[1] if mine else None, p[2] if mine else None, site)

    def _set_exit_code(self, code):
        self.final_exit_code = int(code)

    def has_listeners(self, name: str) -> bool:
        try:
            return bool(self._fns["listenerCount"](name))
        except Exception:  # noqa: BLE001
            return False

    def request_exit(self, e: ScriptExit) -> None:
        if self.exit_request is None:
            self.exit_request = e
        self.engine.stop_reason = "exit"  # the next engine interrupt ends the JS, uncatchably

    # -- time -----------------------------------------------------------------------------------------

    def flush(self) -> None:
        """Charge the JS run since the last charge to the loop thread."""
        ticks = self.engine.ticks - self.charged_ticks
        ms = ticks * TICK_MS + self.pending_ms
        self.charged_ticks = self.engine.ticks
        self.pending_ms = 0.0
        if ms > 0:
            self.rt.consume(ms)

    def now(self) -> float:
        self.pending_ms += CLOCK_READ_MS
        self.flush()
        return float(self.rt.clock.now())

    def ensure_pool_size(self) -> None:
        """libuv reads UV_THREADPOOL_SIZE once, when the first request creates the threads."""
        if not self.rt.pool.workers:
            # the process's environment (the main thread's process.env), read once for all threads
            self.rt.pool.set_size(threadpool_size_from_env(self.hub.main.env_pool))

    # -- entering the engine from the loop ------------------------------------------------------------

    def enter(self, js_id: int, payload: Any = None, keep: bool = False) -> None:
        """Run registered JS function `js_id` as a callback from the loop."""
        self.js_calls += 1
        self.place = self._place(js_id)
        text = None if payload is None else json.dumps(payload)
        self._run(lambda: self._fns["enter"](js_id, text, keep))

    def enter_main(self, source: str) -> None:
        self.js_calls += 1
        self.place = None
        w = self.worker
        if w is not None and w.spec.get("eval"):   # node: evalScript('[worker eval]', code)
            main_dir = os.path.dirname(self.hub.main.filename)
            self._run(lambda: self._fns["main"]("[worker eval]", source, main_dir))
        else:
            self._run(lambda: self._fns["main"](self.filename, source, None))

    def emit_process(self, name: str, payload: Any = None) -> None:
        # a step for the app only when a script listener runs ('exit' with no listener is no step)
        if name == "message" or self.has_listeners(name):
            self.js_calls += 1
        self.place = None
        self._run(lambda: self._fns["emit"](name, None if payload is None else json.dumps(payload)))

    def _place(self, js_id: int):
        if not self.sites:
            return None
        try:
            return self._own_place(json.loads(self._fns["fnPlace"](js_id)))
        except Exception:  # noqa: BLE001 - only the code pane's highlight
            return None

    def _run(self, fn: Callable[[], Any]) -> None:
        """Enter the engine; afterwards make its promise jobs and its exit known to the model."""
        if self.exit_request is not None:
            raise self.exit_request
        self.engine.begin_step()
        cpu = time.process_time()
        try:
            fn()
        except Exception as e:  # noqa: BLE001 - JSException/StackOverflow: the engine stopped the JS
            self._stopped(e)
        finally:
            self.cpu_s += time.process_time() - cpu
            self.flush()
        self._collect_rejections()
        self._after_js()

    def _stopped(self, e: Exception) -> None:
        reason = self.engine.stop_reason
        if reason in ("exit", "refused", "quit"):
            return
        if reason == "terminate":   # worker.terminate(): the Worker stops where it is, exit code 1
            raise ScriptExit(1, terminated=True)
        text = str(e)
        name = os.path.basename(self.filename)
        if reason == "cpu":
            raise ScriptError(f"stopped after {self.engine.cpu_limit_s:g} s of CPU "
                              "(an endless loop? ptview's engine has no JIT)")
        if "out of memory" in text or self.engine.memory_exhausted():
            raise ScriptError(f"stopped at the memory limit of {self.engine.memory_limit >> 20} MiB")
        if "stack" in text.lower() and "overflow" in text.lower():
            raise ScriptError("stopped: the script nests too deeply")
        raise ScriptError(f"internal error in ptview's host: {text.splitlines()[0] if text else e!r} ({name})")

    def _after_js(self) -> None:
        if self.refusal is not None:
            raise self.refusal
        if self.exit_request is not None:
            raise self.exit_request
        if self.engine.job_pending() and not self._job_queued:
            self._job_queued = True
            self.rt.loop.queue_microtask(Callback(self._one_job, "promise job", None, "promise job",
                                                  cost=self.rt.work.cost("callback")))

    def _one_job(self) -> None:
        """One engine job (a promise reaction, an await's continuation, a queueMicrotask callback)."""
        self._job_queued = False
        self.js_calls += 1
        self.place = None
        self._run(self.engine.run_job)

    def _collect_rejections(self) -> None:
        seen = self.engine.rejections
        if not seen:
            return
        self.engine.rejections = []
        for n, handled in seen:
            self._fns["collectRejection"](n, handled)

    def _on_callback(self, cb, phase: str) -> None:
        # processTicksAndRejections: an unhandled rejection is dealt with before the next macrotask.
        if self.rt.loop.running_queue is None and cb.op != "main":
            self.check_rejections()

    def check_rejections(self) -> None:
        if self.exit_request is None:
            self._run(self._fns["processRejections"])

    # -- a forked child's IPC channel --------------------------------------------------------------

    def set_channel_ref(self, on: bool) -> None:
        """A 'message' listener refs the IPC channel: the child stays alive while it listens."""
        if on and not self.channel_ref and self.connected:
            self.channel_ref = True
            self.rt.loop.active_handles += 1
        elif not on and self.channel_ref:
            self.channel_ref = False
            self.rt.loop.active_handles -= 1

    def parent_disconnected(self) -> None:
        self.connected = False
        self.set_channel_ref(False)

    # -- process events the host raises ---------------------------------------------------------------

    def run_exit_listeners(self, code: int) -> None:
        self.exit_request = None
        self.engine.stop_reason = None
        self.emit_process("exit", code)

    def before_exit(self) -> bool:
        """'beforeExit' when the loop has run dry; True if a listener scheduled more work."""
        self.emit_process("beforeExit", None)
        return self.rt.loop.alive()


def _prop(engine: Engine, obj, name: str) -> Callable:
    """obj[name] as a Python callable that runs on the engine thread."""
    engine.set("__ptv_tmp", obj)
    f = engine.eval(f"__ptv_tmp.{name}")
    engine.eval("delete globalThis.__ptv_tmp")
    return lambda *args: engine.call(f, *args)


def _text(s: str) -> str:
    """What node writes for a JS string: lone surrogates become U+FFFD."""
    return _LONE_SURROGATE.sub("\ufffd", s)


def _summary(text: str, name: str) -> str:
    """'t.js:2: Uncaught Error: boom' from node's printout of an uncaught exception."""
    lines = text.split("\n")
    where = ""
    m = re.match(r"^(.*):(\d+)$", lines[0])
    if m and not m.group(1).startswith("node:"):
        where = f"{os.path.basename(m.group(1))}:{m.group(2)}: "
        lines = lines[4:]
    head = next((ln for ln in lines if ln.strip()), "")
    return f"{where}Uncaught {head.removeprefix('Uncaught ')}"
