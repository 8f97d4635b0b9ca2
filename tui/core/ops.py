"""Node's operations as the model runs them: pool jobs, loop I/O, queue entries.

Each public method is what a JS call does (SEMANTICS.md §3.1-3.7) and returns
its Task. `cb(err, result)` is the user's callback, run on the loop thread;
multi-step operations (fs.readFile) submit each step from the previous step's
completion callback, so every step re-queues at the tail of the pool's FIFO.
"""

from __future__ import annotations

from functools import lru_cache, partial
import ipaddress
from collections import deque
import math
import os
from typing import Any, Callable

from tui.core.callbacks import Callback
from tui.core.errors import NodeError, dns_error, too_large
from tui.core.model_procs import ModelProcesses
from tui.core.pool import CPU, FAST_IO, SLOW_IO
from tui.core.sim_work import UNKNOWN_SIZE_LIMIT
from tui.core.tasks import Task, cancel as cancel_task

KIB = 1024
READ_FILE_CHUNK = 512 * KIB          # kReadFileBufferLength
READ_FILE_UNKNOWN_CHUNK = 64 * KIB   # kReadFileUnknownBufferLength (fstat said size 0)
K_IO_MAX_LENGTH = 2**31 - 1          # kIoMaxLength: readFile's ERR_FS_FILE_TOO_LARGE bound
ZLIB_CHUNK = 16 * KIB                # Z_DEFAULT_CHUNK: one pool job per output chunk

UserCb = Callable[[Any, Any], Any] | None


def human_bytes(n: int) -> str:
    if n >= 1048576 and n % 1048576 == 0:
        return f"{n // 1048576} MiB"
    if n >= 1024 and n % 1024 == 0:
        return f"{n // 1024} KiB"
    return f"{n} B"


@lru_cache(maxsize=1024)  # ipaddress raises for every host name: ~10 µs per lookup
def is_ip(host: str) -> int:
    try:
        return ipaddress.ip_address(host).version
    except ValueError:
        return 0


# The continuations of one-job tasks, bound with partial rather than written as lambdas:
# a lambda's captured variables are cells, and with the function and its closure that is
# five objects per task that the cyclic GC walks while the task waits for a worker.

def _pbkdf2_done(rt, task: Task, cb: UserCb, job) -> None:
    error = job.error
    rt.finish_task(task, job.result, error, cb, error is not None and error.code == "ECANCELED")


def _lookup_done(rt, task: Task, cb: UserCb, job) -> None:
    error = job.error
    rt.finish_task(task, _lookup_text(job.result) if error is None else None, error, cb,
                   error is not None and error.code == "ECANCELED")


def _stat_done(rt, task: Task, cb: UserCb, job) -> None:
    error = job.error
    rt.finish_task(task, f"size {job.result}" if error is None else None, error, cb,
                   error is not None and error.code == "ECANCELED")


def _lookup_text(result) -> str:
    if isinstance(result, tuple):  # live: (address, family) from getaddrinfo
        return f"{result[0]} (family {result[1]})"
    return f"{result} (family 4)"


class _FileLabels:
    """What the UI calls fs.readFile's jobs on one path, made once per path: a readFile
    formats five labels, a server reads the same files again and again."""

    __slots__ = ("name", "open", "fstat", "close", "_reads")

    def __init__(self, path: str) -> None:
        name = self.name = os.path.basename(path.rstrip("/")) or path
        self.open = f"fs.open {name}"
        self.fstat = f"fs.fstat {name}"
        self.close = f"fs.close {name}"
        self._reads: dict[int, str] = {}  # a few lengths per file: 512 KiB, the last chunk

    def read(self, length: int) -> str:
        label = self._reads.get(length)
        if label is None:
            if len(self._reads) >= 16:
                self._reads.clear()
            label = self._reads[length] = f"fs.read {human_bytes(length)} of {self.name}"
        return label


class _ReadFile:
    """fs.readFile's steps after open, as methods of one object.

    (Closures that call one another — read ↔ after_read — would make a
    reference cycle per call, garbage only the cyclic GC can free.)
    """

    __slots__ = ("api", "task", "labels", "cb", "then", "file", "size", "pos", "err")

    def __init__(self, api: "NodeAPI", task: Task, labels: "_FileLabels", cb: UserCb, then) -> None:
        self.api = api
        self.task = task
        self.labels = labels
        self.cb = cb
        self.then = then
        self.file = None
        self.size = 0
        self.pos = 0
        self.err = None

    def _step(self, op: str, args: dict, label: str, on_done) -> None:
        self.api.rt.submit_job(self.task, op, FAST_IO, args, label, on_done)

    def after_open(self, job) -> None:
        if job.error is not None:
            return self.api._done_read(self.task, self.cb, self.then, None, job.error)
        self.file = job.result
        self._step("fs.fstat", {"file": job.result}, self.labels.fstat, self.after_stat)

    def after_stat(self, job) -> None:
        if job.error is not None:
            return self.close(job.error)
        size = job.result
        if size > K_IO_MAX_LENGTH:
            return self.close(too_large(size))
        self.size = size
        self.read()

    def read(self) -> None:
        size, pos = self.size, self.pos
        length = READ_FILE_UNKNOWN_CHUNK if size == 0 else min(READ_FILE_CHUNK, size - pos)
        self._step("fs.read", {"file": self.file, "pos": pos, "length": length},
                   self.labels.read(length), self.after_read)

    def after_read(self, job) -> None:
        if job.error is not None:
            return self.close(job.error)
        n = job.result
        self.pos += n
        if n == 0 or self.pos == self.size:
            return self.close(None)
        if self.size == 0 and self.pos >= UNKNOWN_SIZE_LIMIT:
            return self.close(too_large(self.pos))  # /dev/zero & co: bounded, not endless
        self.read()

    def close(self, err) -> None:
        self.err = err
        self._step("fs.close", {"file": self.file}, self.labels.close, self.after_close)

    def after_close(self, job) -> None:
        err = self.err or job.error
        self.api._done_read(self.task, self.cb, self.then, None if err else self.pos, err, self.file)


class NodeAPI:
    def __init__(self, rt, procs: ModelProcesses | None = None) -> None:
        self.rt = rt
        # Model processes of this run (a script's forks share their parent's): bounded, see model_procs.
        self.procs = procs if procs is not None else ModelProcesses()
        # Child processes (fork), modelled in sim, real in live: the latest ones only, since a long
        # session may fork without end (the live ones are tracked, and reaped, by loop_io).
        self.children: deque[dict] = deque(maxlen=256)
        self._file_labels: dict[str, _FileLabels] = {}
        self._pbkdf2_labels: dict[tuple, tuple[str, str]] = {}
        self._workers = None

    @property
    def workers(self):
        """This thread's Workers (worker_threads): `new Worker`, messages, terminate (tui/core/worker_ops.py)."""
        if self._workers is None:
            from tui.core.worker_ops import Workers

            self._workers = Workers(self)
        return self._workers

    # -- helpers ------------------------------------------------------------------------

    def _cb(self, fn: Callable[[], Any], label: str, task: Task | None, op: str) -> Callback:
        return Callback(fn, label, task.id if task else None, op, cost=self.rt.work.cost("callback"))

    def _job(self, task: Task, op: str, kind: str, args: dict, label: str, on_done) -> None:
        self.rt.submit_job(task, op, kind, args, label, on_done)

    def _finish(self, task: Task, cb: UserCb, result=None, error: NodeError | None = None) -> None:
        cancelled = error is not None and error.code == "ECANCELED"
        self.rt.finish_task(task, result, error, cb, cancelled=cancelled)

    # -- fs -------------------------------------------------------------------------------

    def read_file(self, path: str, cb: UserCb = None, *, _then=None, op: str = "fs.readFile") -> Task:
        """lib/fs.js readFile: open → fstat → read 512 KiB (64 KiB if size 0)… → close."""
        rt = self.rt
        labels = self._file_labels.get(path)
        if labels is None:
            if len(self._file_labels) >= 256:
                self._file_labels.clear()
            labels = self._file_labels[path] = _FileLabels(path)
        task = _then[0] if _then else rt.new_task(op, f"{op} {path}", path)
        steps = _ReadFile(self, task, labels, cb, _then)
        # keep: live mode holds on to the bytes read when something (gzip) consumes them
        rt.submit_job(task, "fs.open", FAST_IO, {"path": path, "keep": _then is not None}, labels.open,
                      steps.after_open)
        return task

    def _done_read(self, task, cb, then, nbytes, err, file=None):
        if then is not None:
            return then[1](nbytes, err, file)
        self._finish(task, cb, f"{nbytes} bytes" if err is None else None, err)

    def stat(self, path: str, cb: UserCb = None) -> Task:
        task = self.rt.new_task("fs.stat", f"fs.stat {path}", path)
        self._job(task, "fs.stat", FAST_IO, {"path": path}, f"fs.stat {os.path.basename(path) or path}",
                  partial(_stat_done, self.rt, task, cb))
        return task

    # -- dns --------------------------------------------------------------------------------

    def lookup(self, host: str, cb: UserCb = None) -> Task:
        """dns.lookup: getaddrinfo on the pool (slow I/O); an IP literal never reaches the pool."""
        rt = self.rt
        task = rt.new_task("dns.lookup", f"dns.lookup {host}", host)
        fam = is_ip(host)
        if fam:
            return self._lookup_literal(task, host, fam, cb)
        rt.submit_job(task, "dns.lookup", SLOW_IO, {"host": host}, f"getaddrinfo {host}",
                      partial(_lookup_done, rt, task, cb))
        return task

    def _lookup_literal(self, task: Task, host: str, fam: int, cb: UserCb) -> Task:
        rt = self.rt
        task.waiting_on = "process.nextTick (IP literals skip getaddrinfo)"
        rt.loop.next_tick(self._cb(lambda: rt.finish_task(task, f"{host} (family {fam})", None, cb, nested=False),
                                   f"dns.lookup {host} (IP literal)", task, "dns.lookup"))
        return task

    def resolve(self, host: str, cb: UserCb = None) -> Task:
        """dns.resolve: c-ares sends a UDP query; its socket is polled by the loop, never the pool."""
        rt = self.rt
        task = rt.new_task("dns.resolve", f"dns.resolve {host}", host)
        task.waiting_on = "the DNS answer (c-ares socket, watched by epoll)"
        loop = rt.loop
        loop.active_handles += 1

        def answered(err, addrs):
            loop.active_handles -= 1
            self._finish(task, cb, addrs if err is None else None, err)

        def deliver(err, addrs):
            loop.io_ready_now(Callback(lambda: answered(err, addrs), f"c-ares answer for {host}", task.id,
                                       "dns.resolve", cost=rt.work.cost("internal"), internal=True))

        rt.loop_io.resolve(host, deliver)
        return task

    # -- crypto, zlib --------------------------------------------------------------------------

    def pbkdf2(self, iterations: int, cb: UserCb = None) -> Task:
        rt = self.rt
        # The two labels, formatted once per iteration count (a third of a µs per call, and
        # a server hashes with one count); keyed by type too, as 1000 and 1000.0 print apart.
        key = (iterations, type(iterations))
        labels = self._pbkdf2_labels.get(key)
        if labels is None:
            if len(self._pbkdf2_labels) >= 256:
                self._pbkdf2_labels.clear()
            labels = self._pbkdf2_labels[key] = (f"crypto.pbkdf2 {iterations:,} iterations",
                                                 f"pbkdf2 {iterations:,} iterations")
        task = rt.new_task("crypto.pbkdf2", labels[0], iterations)
        rt.submit_job(task, "crypto.pbkdf2", CPU, {"iterations": iterations}, labels[1],
                      partial(_pbkdf2_done, rt, task, cb))
        return task

    def gzip(self, path: str, cb: UserCb = None) -> Task:
        """fs.readFile(path, (e, buf) => zlib.gzip(buf, cb)): read steps, then one job per output chunk."""
        rt = self.rt
        task = rt.new_task("zlib.gzip", f"zlib.gzip {path}", path)
        name = os.path.basename(path.rstrip("/")) or path

        def after_read(nbytes, err, file=None):
            if err is not None:
                if file is not None:
                    file.release()  # the bytes read before the failure (up to 64 MiB for /dev/zero)
                return self._finish(task, cb, None, err)
            out = max(20, int(nbytes * rt.work.cost("zlib.ratio")))
            chunks = max(1, math.ceil(out / ZLIB_CHUNK))
            state = {"left": chunks}
            stream: dict = {}  # live mode: one real deflate stream over the bytes read

            def one(job=None):
                if job is not None and job.error is not None:
                    stream.clear()  # live: the deflate stream and the bytes not deflated yet
                    return self._finish(task, cb, None, job.error)
                if state["left"] == 0:
                    if "total" in stream:
                        return self._finish(task, cb, f"{nbytes} → {stream['total']} bytes")
                    return self._finish(task, cb, f"{nbytes} → {out} bytes (modelled ratio)")
                state["left"] -= 1
                index = chunks - state["left"] - 1
                self._job(task, "zlib.gzip", CPU, {"out": min(ZLIB_CHUNK, out), "src": file, "stream": stream,
                                                   "index": index, "chunks": chunks},
                          f"deflate {name} chunk {index + 1}/{chunks}", one)

            one()

        self.read_file(path, None, _then=(task, after_read))
        return task

    # -- net ---------------------------------------------------------------------------------

    def net_request(self, cb: UserCb = None) -> Task:
        """A loopback echo request: connect, write, read the echo — all epoll, never the pool."""
        rt = self.rt
        loop = rt.loop
        task = rt.new_task("net.request", "net request to the loopback echo server", None)
        task.waiting_on = "the socket (epoll on the loop thread)"
        loop.active_handles += 1
        internal = rt.work.cost("internal")

        io = rt.loop_io
        conn = None

        def on_close():
            loop.active_handles -= 1

        def close():
            io.net_close(conn)
            loop.add_closing(Callback(on_close, "net.Socket 'close'", task.id, "net.close", cost=internal,
                                      internal=True))

        def on_data(err, n):
            self._finish(task, cb, f"echo {n} bytes" if err is None else None, err)
            close()

        def on_connect(err):
            if err is not None:
                self._finish(task, cb, None, err)
                return close()
            io.net_send(conn, b"hello", lambda e, n: loop.io_ready_now(
                Callback(lambda: on_data(e, n), "net.Socket 'data'", task.id, "net.data", cost=internal,
                         internal=True)))

        conn = io.net_connect(lambda err: loop.io_ready_now(
            Callback(lambda: on_connect(err), "net.Socket 'connect'", task.id, "net.connect", cost=internal,
                     internal=True)))
        return task

    # -- timers and queues ---------------------------------------------------------------------

    def set_timeout(self, delay, cb: UserCb = None) -> Task:
        rt = self.rt
        task = rt.new_task("setTimeout", f"setTimeout {delay} ms", delay)
        task.waiting_on = "the timers phase"
        c = self._cb(lambda: rt.finish_task(task, None, None, cb and (lambda e, r: cb(e, r)), nested=False),
                     f"setTimeout {delay} ms", task, "setTimeout")
        task.arg = rt.loop.timers.add(c, delay)
        return task

    def set_interval(self, delay, cb: UserCb = None, times: int = 3) -> Task:
        """setInterval; the lab's interval clears itself after `times` runs so the loop can end."""
        rt = self.rt
        task = rt.new_task("setInterval", f"setInterval {delay} ms ×{times}", delay)
        task.waiting_on = "the timers phase"
        count = {"n": 0}

        def tick():
            count["n"] += 1
            if cb is not None:
                cb(None, count["n"])
            if count["n"] >= times:
                rt.loop.timers.clear(timer)
                rt.finish_task(task, f"ran {count['n']} times", None, None, nested=False)

        timer = rt.loop.timers.add(self._cb(tick, f"setInterval {delay} ms", task, "setInterval"), delay,
                                   repeat=True)
        task.arg = timer  # as set_timeout: what clearInterval needs
        return task

    def set_immediate(self, cb: UserCb = None) -> Task:
        rt = self.rt
        task = rt.new_task("setImmediate", "setImmediate", None)
        task.waiting_on = "the check phase"
        task.arg = rt.loop.set_immediate(self._cb(lambda: rt.finish_task(task, None, None, cb, nested=False),
                                                  "setImmediate", task, "setImmediate"))
        return task

    def next_tick(self, cb: UserCb = None) -> Task:
        rt = self.rt
        task = rt.new_task("process.nextTick", "process.nextTick", None)
        task.waiting_on = "the nextTick queue"
        rt.loop.next_tick(self._cb(lambda: rt.finish_task(task, None, None, cb, nested=False),
                                   "process.nextTick", task, "process.nextTick"))
        return task

    def gzip_bytes(self, nbytes: int, out: int, cb: UserCb = None) -> Task:
        """zlib.gzip(buffer, cb) on data already in memory (scripts): one CPU job per 16 KiB of output."""
        task = self.rt.new_task("zlib.gzip", f"zlib.gzip {nbytes} bytes", nbytes)
        chunks = max(1, math.ceil(out / ZLIB_CHUNK))
        state = {"left": chunks}

        def one(job=None):
            if job is not None and job.error is not None:
                return self._finish(task, cb, None, job.error)
            if state["left"] == 0:
                return self._finish(task, cb, f"{nbytes} → {out} bytes")
            state["left"] -= 1
            self._job(task, "zlib.gzip", CPU, {"out": min(ZLIB_CHUNK, out)},
                      f"deflate {nbytes} bytes chunk {chunks - state['left']}/{chunks}", one)

        one()
        return task

    def promise_then(self, cb: UserCb = None) -> Task:
        rt = self.rt
        task = rt.new_task("Promise.then", "Promise.resolve().then", None)
        task.waiting_on = "the microtask queue"
        rt.loop.queue_microtask(self._cb(lambda: rt.finish_task(task, None, None, cb, nested=False),
                                         "Promise.then", task, "Promise.then"))
        return task

    # -- processes ----------------------------------------------------------------------------

    def fork(self, cb: UserCb = None, stay_ms: float = 0) -> Task:
        """child_process.fork: a new process with its own loop and pool; IPC over a socketpair.

        The child answers our first message, stays `stay_ms`, then exits."""
        rt = self.rt
        loop = rt.loop
        io = rt.loop_io
        child = io.new_child()
        if child.get("error") is not None:
            return self._spawn_failed(child["error"], cb)
        self.children.append(child)
        modelled = " (modelled)" if child.get("modelled") else ""
        task = rt.new_task("child_process.fork", f"child_process.fork → pid {child['pid']}{modelled}",
                           child["pid"])
        task.waiting_on = "the child's first IPC message (epoll on the IPC pipe)"
        io.start_child(child, lambda text: loop.io_ready_now(msg(text)))
        loop.active_handles += 1
        internal = rt.work.cost("internal")

        def on_close():
            loop.active_handles -= 1

        def on_exit():
            child["state"] = "exited"
            loop.add_closing(Callback(on_close, "IPC channel 'close'", task.id, "child.close", cost=internal,
                                      internal=True))

        def on_message(text):
            child["state"] = "running"
            took = rt.clock.now() - child["t_spawn"]
            rss = child.get("rss")  # a whole process: its own RSS (measured live, modelled in sim)
            mem = f", RSS {rss / 1048576:.1f} MiB" if rss else ""
            self._finish(task, cb, f"child {child['pid']} answered after {took:.1f} ms{mem}" + (f": {text}" if text else ""))
            ex = Callback(on_exit, f"child {child['pid']} 'exit'", task.id, "child.exit", cost=internal,
                          internal=True)
            io.stop_child(child, lambda: loop.io_ready_now(ex), stay_ms)

        def msg(text):
            return Callback(lambda: on_message(text), f"child {child['pid']} 'message'", task.id, "child.message",
                            cost=internal, internal=True)

        return task

    def _spawn_failed(self, err: NodeError, cb: UserCb) -> Task:
        """uv_spawn failed: no process; the ChildProcess's 'error' comes on the next tick."""
        rt = self.rt
        task = rt.new_task("child_process.fork", f"child_process.fork (spawn failed: {err.code})", None)
        task.waiting_on = "the 'error' event (process.nextTick)"
        rt.loop.next_tick(self._cb(lambda: self._finish(task, cb, None, err), "ChildProcess 'error'", task,
                                   "child_process.fork"))
        return task

    # -- the loop thread itself ----------------------------------------------------------------

    def block(self, ms: float, charge: bool = True) -> Task:
        """Synchronous work on the loop thread: nothing else on the loop runs meanwhile.

        charge=False: the caller's callback already costs `ms` (a UI animates it).
        """
        rt = self.rt
        task = rt.new_task("block", f"block the loop {ms:g} ms", ms)
        if charge:
            rt.consume(ms)
        rt.finish_task(task, f"blocked {ms:g} ms", None, None, nested=True)
        return task

    # -- cancel ----------------------------------------------------------------------------------

    def cancel(self, task: Task) -> str:
        """uv_cancel on the task's queued job: 'ECANCELED' if it was still queued, else 'EBUSY'."""
        return cancel_task(self.rt, task)
