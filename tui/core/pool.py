"""libuv's threadpool scheduler (src/threadpool.c, v1.46), step for step.

One global FIFO `wq`; slow I/O (getaddrinfo/getnameinfo) waits in its own
FIFO behind a single marker in `wq`, and at most (N+1)/2 workers may run slow
work at once (SEMANTICS.md §2.2-2.3). A worker holds its job until the job is
done; completions go to the loop's done-queue and wake the poll phase (§2.4).

The scheduler decides *what* runs *where*; an executor decides *when* a job
is done (a modelled duration in sim, real work on a real thread in live).
"""

from __future__ import annotations

from collections import deque
from typing import TYPE_CHECKING, Any, Callable

from tui.core import events as E
from tui.core.callbacks import _PLAIN, ASYNC, _short

if TYPE_CHECKING:
    from tui.core.model_host import ModelHost

FAST_IO = "fast-io"   # UV__WORK_FAST_IO: every fs request
CPU = "cpu"           # UV__WORK_CPU: uv_queue_work (crypto, zlib), uv_random
SLOW_IO = "slow-io"   # UV__WORK_SLOW_IO: uv_getaddrinfo, uv_getnameinfo

MAX_THREADPOOL_SIZE = 1024
DEFAULT_THREADPOOL_SIZE = 4


class _Marker:
    """`run_slow_work_message`: stands in `wq` for all queued slow I/O."""

    def __repr__(self) -> str:
        return "<slow-io marker>"


MARKER = _Marker()


def _atoi(text: str) -> int:
    """glibc atoi(): (int)strtol(s, NULL, 10) — leading blanks, a sign, digits, then stop."""
    s = text.lstrip(" \t\n\v\f\r")
    sign = 1
    if s[:1] in ("+", "-"):
        sign = -1 if s[0] == "-" else 1
        s = s[1:]
    digits = ""
    for ch in s:
        if "0" <= ch <= "9":
            digits += ch
        else:
            break
    # strtol saturates at LONG_MIN/MAX (ERANGE); atoi is defined by glibc as that strtol, so
    # "overflow is undefined" in C means, here, saturate. Saturated before int(): Python refuses
    # to convert more than 4,300 digits, and 20 digits already exceed a long.
    digits = digits.lstrip("0")
    if len(digits) > 19:
        value = 2**63 - 1 if sign > 0 else -(2**63)
    else:
        value = sign * int(digits) if digits else 0
    value = max(-(2**63), min(2**63 - 1, value))
    value &= 0xFFFFFFFF  # (int) cast keeps the low 32 bits
    return value - (1 << 32) if value >= 1 << 31 else value


def threadpool_size_from_env(value: str | None) -> int:
    """init_threads(): `nthreads` is unsigned, so atoi's -3 wraps and is capped at 1024.

    Verified against node v20 (libuv 1.46): unset→4, ""→1, 0→1, abc→1, " 7x"→7,
    -3→1024, 2000→1024, 99999999999→1024.
    """
    if value is None:
        return DEFAULT_THREADPOOL_SIZE
    n = _atoi(value) & 0xFFFFFFFF
    if n == 0:
        n = 1
    return min(n, MAX_THREADPOOL_SIZE)


def slow_work_thread_threshold(nthreads: int) -> int:
    return (nthreads + 1) // 2


class Job:
    """One uv_work_t / uv_fs_t / uv_getaddrinfo_t: the unit a worker thread runs."""

    __slots__ = ("id", "task", "op", "kind", "args", "label", "state", "worker", "slow",
                 "t_submit", "t_start", "t_done", "result", "error", "on_done", "handle", "thread", "home")

    def __init__(self, jid: int, task: int | None, op: str, kind: str, args: dict,
                 label: str, on_done: Callable[["Job"], None] | None) -> None:
        self.id = jid
        self.task = task
        self.op = op
        self.kind = kind
        self.args = args
        self.label = label
        self.state = "queued"  # queued → running → done | cancelled
        self.worker: int | None = None
        self.slow = False
        self.t_submit = 0.0
        self.t_start: float | None = None
        self.t_done: float | None = None
        self.result: Any = None
        self.error = None  # NodeError or None
        self.on_done = on_done
        self.handle: Any = None  # executor's private state (a live future, …)
        # Which loop submitted it: 0 the main thread, else a Worker's threadId (the pool is one
        # per process, SEMANTICS §2.1). `home` takes its completion back to that loop (None:
        # the pool's own runtime's loop, the main thread's); see tui/core/threads.py.
        self.thread = 0
        self.home: Callable[["Job"], None] | None = None


class Worker:
    __slots__ = ("index", "job", "busy_ms", "jobs_run", "tid")

    def __init__(self, index: int) -> None:
        self.index = index
        self.job: Job | None = None
        self.busy_ms = 0.0
        self.jobs_run = 0
        self.tid: int | None = None  # the OS thread id in live mode


class Pool:
    def __init__(self, rt: "ModelHost", size: int) -> None:
        if not 1 <= size <= MAX_THREADPOOL_SIZE:
            raise ValueError(f"pool size must be 1..{MAX_THREADPOOL_SIZE}, got {size}")
        self.rt = rt
        self.size = size
        self.threshold = slow_work_thread_threshold(size)
        self.workers: list[Worker] = []  # empty until the first request (init_once)
        self.wq: deque = deque()          # Jobs and MARKER
        self.slow_pending: deque[Job] = deque()
        self.marker_queued = False
        self.slow_running = 0
        self.idle: deque[Worker] = deque()  # threads waiting on the condvar, FIFO
        self._waking: deque[Worker] = deque()
        self.t_init: float | None = None
        # counters
        self.submitted = 0
        self.done = 0
        self.failed = 0
        self.cancelled = 0
        self.wait_total = 0.0
        self.run_total = 0.0
        self.started = 0

    def set_size(self, size: int) -> None:
        """UV_THREADPOOL_SIZE as a script set it: libuv reads it once, at the first request."""
        if self.workers:
            raise RuntimeError("the pool's threads already exist")
        self.size = size
        self.threshold = slow_work_thread_threshold(size)

    # -- submission (loop thread) -------------------------------------------------

    def submit(self, job: Job) -> Job:
        rt = self.rt
        if not self.workers:
            self._init_threads()
        job.t_submit = rt.clock.now()
        job.state = "queued"
        self.submitted += 1
        if job.thread:
            rt.events.emit(job.t_submit, E.SUBMIT, job.task, job.id, job.op, None, None, None, None, job.kind,
                           job.thread)
        else:
            rt.events.emit(job.t_submit, E.SUBMIT, job.task, job.id, job.op, None, None, None, None, job.kind)
        # post()
        if job.kind == SLOW_IO:
            job.slow = True
            self.slow_pending.append(job)
            if self.marker_queued:
                return job  # the worker running slow I/O will re-queue the marker
            self.marker_queued = True
            self.wq.append(MARKER)
        else:
            self.wq.append(job)
        if self.idle:
            # uv_cond_signal: one waiting thread wakes, and runs once the poster lets go of the mutex.
            waking = self._waking
            waking.append(self.idle.popleft())
            while waking:
                self._take_work(waking.popleft())
        return job

    def _init_threads(self) -> None:
        # uv_once(init_once): all N threads at once, on the first request of any kind.
        self.workers = [Worker(i) for i in range(self.size)]
        self.idle = deque(self.workers)
        self.t_init = self.rt.clock.now()
        self.rt.events.emit(self.t_init, E.POOL, None, None, None, None, None, None, None, self.size)
        self.rt.executor.pool_created(self)

    # -- the worker() loop ---------------------------------------------------------

    def _take_work(self, w: Worker) -> None:
        """What worker `w` does when it holds the mutex and looks for work."""
        wq = self.wq
        while True:
            if not wq:
                self.idle.append(w)
                return
            q = wq.popleft()
            if q is MARKER:
                if self.slow_running >= self.threshold:
                    # At the slow-I/O limit: run after everything queued behind it (or, when
                    # nothing is, wait with the marker left in place).
                    wq.append(MARKER)
                    if len(wq) == 1:
                        self.idle.append(w)
                        return
                    continue
                self.marker_queued = False
                if not self.slow_pending:
                    continue  # its slow work was cancelled
                self.slow_running += 1
                q = self.slow_pending.popleft()
                if self.slow_pending:
                    wq.append(MARKER)
                    self.marker_queued = True
                    if self.idle:  # uv_cond_signal: one waiting thread wakes (see submit)
                        self._waking.append(self.idle.popleft())
            # the worker starts q
            rt = self.rt
            now = rt.clock.now()
            q.state = "running"
            q.worker = w.index
            q.t_start = now
            w.job = q
            self.started += 1
            self.wait_total += now - q.t_submit
            if q.thread:
                rt.events.emit(now, E.START, q.task, q.id, q.op, w.index, None, None, None, None, q.thread)
            else:
                rt.events.emit(now, E.START, q.task, q.id, q.op, w.index)
            rt.executor.start(q, w)
            return

    def job_done(self, job: Job, result: Any = None, error=None) -> None:
        """Called by the executor when `job`'s work has returned on its worker."""
        rt = self.rt
        now = rt.clock.now()
        w = self.workers[job.worker]
        job.t_done = now
        job.result = result
        job.error = error
        job.state = "done"
        ran = now - job.t_start
        w.busy_ms += ran
        w.jobs_run += 1
        w.job = None
        self.run_total += ran
        home = job.home
        if error is None:
            self.done += 1
            if home is None:
                rt.events.emit(now, E.DONE, job.task, job.id, job.op, w.index, None,
                               result if result is None or type(result) in _PLAIN else _short(result))
            else:
                rt.events.emit(now, E.DONE, job.task, job.id, job.op, w.index, None,
                               result if result is None or type(result) in _PLAIN else _short(result),
                               None, None, job.thread or None)
        else:
            self.failed += 1
            rt.events.emit(now, E.DONE, job.task, job.id, job.op, w.index, None, None, error.code, None,
                           job.thread or None)
        if home is None:
            # loop.work_completed(job), inlined (once per pool job): loop->wq + uv_async_send
            loop = rt.loop
            loop.done_jobs.append(job)
            if not loop.async_pending:
                loop.async_pending = True
                loop.io_ready.append(ASYNC)
        else:
            home(job)  # the loop of the Worker that submitted it (its own wq_async)
        if job.slow:
            self.slow_running -= 1
        self._take_work(w)                   # the same thread goes round its loop
        waking = self._waking
        while waking:
            self._take_work(waking.popleft())

    # -- uv_cancel -----------------------------------------------------------------

    def cancel(self, job: Job) -> str | None:
        """uv__work_cancel: only a job still queued can be cancelled. Returns None or 'EBUSY'."""
        rt = self.rt
        now = rt.clock.now()
        if job.state != "queued":
            rt.events.emit(now, E.CANCEL, job.task, job.id, job.op, None, None, None, "EBUSY", None,
                           job.thread or None)
            return "EBUSY"
        if job.slow:
            self.slow_pending.remove(job)
        else:
            self.wq.remove(job)
        job.state = "cancelled"
        job.t_done = now
        from tui.core.errors import uv_error

        job.error = uv_error("ECANCELED", job.op.split(".")[-1])
        self.cancelled += 1
        rt.events.emit(now, E.CANCEL, job.task, job.id, job.op, None, None, "ECANCELED", None, None,
                       job.thread or None)
        if job.home is None:
            rt.loop.work_completed(job)  # its callback still runs, in the poll phase, with ECANCELED
        else:
            job.home(job)
        return None

    # -- views ---------------------------------------------------------------------

    def queued_jobs(self) -> list:
        """`wq` in order, with the marker shown where it stands."""
        return list(self.wq)

    def in_flight(self) -> int:
        return len(self.wq) - (1 if self.marker_queued else 0) + len(self.slow_pending) + sum(
            1 for w in self.workers if w.job is not None
        )

    def utilisation(self) -> float:
        if self.t_init is None or not self.workers:
            return 0.0
        now = self.rt.clock.now()
        span = (now - self.t_init) * len(self.workers)
        if span <= 0:
            return 0.0
        busy = sum(w.busy_ms for w in self.workers)
        busy += sum(now - w.job.t_start for w in self.workers if w.job is not None)
        return min(1.0, busy / span)
