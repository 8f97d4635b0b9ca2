"""Threads of one process that run an event loop of their own (worker_threads Workers), all
sharing the process's one libuv threadpool.

Node (SEMANTICS §2.1, §3.8): a Worker is an OS thread of the same process with its own
V8 isolate and its own `uv_loop_t` (`src/node_worker.cc` `Worker::Run`), so its own timers,
immediates, nextTick and microtask queues and phases; but libuv's threadpool is global
(`src/threadpool.c`: one `wq`, threads created once through `uv_once`; `docs/src/threadpool.rst`:
"The threadpool is global and shared across all event loops"). A Worker's `fs.readFile` waits
in the same FIFO as the main thread's, and its completion is appended to *its* loop's `wq`
and wakes *its* loop with `uv_async_send(&loop->wq_async)` (threadpool.c `worker()`): the
callback runs in the Worker's poll phase.

The model: a Worker's loop is a Runtime of its own (own Loop, clock, heap, tasks) made by
`start_thread()` on the process's time axis (its clock reads the process's time, so events
of every thread compare), whose

- `pool` is a SharedPool: `submit()` puts the job in the process's Pool (the one FIFO, the
  one slow-I/O cap, one job-id sequence) and `job.home` brings its completion back to this
  thread's loop (its done-queue and wq_async: the poll phase there);
- `events` is a ThreadEvents: its records go to the process's EventLog with `thread` set,
  so one log (panes, `--json`, traces) holds every loop; pool events carry `job.thread`.

How the two sides meet in time is the link's business:

- SimLink (sim): the process's runtime drives; the thread is pumped from the process's heap
  up to the process's time (the way tui/core/script/fork.py keeps a forked child in step),
  a submit made at the thread's time t enters the pool at process time t, a completion done
  at process time t is put on the thread's heap at t.
- a live link (real OS threads, each loop on its own thread) would post both ways through
  `Runtime.post()`, the thread-safe inbox: `to_pool(fn)` = `process.post(fn)`,
  `to_thread(t, fn)` = `thread_rt.post(fn)` (and wake that thread's driver). PostLink below.
"""

from __future__ import annotations

import math
from functools import partial
from typing import TYPE_CHECKING, Any, Callable, Protocol

from tui.core.callbacks import Callback
from tui.core.clock import VirtualClock
from tui.core.events import ThreadEvents
from tui.core.pool import MARKER, Job, Pool

if TYPE_CHECKING:
    from tui.core.runtime import Runtime


class Link(Protocol):
    def to_pool(self, fn: Callable[[], Any]) -> None:
        """Run fn (a pool operation) on the process's side, at the thread's present time."""

    def to_thread(self, t: float, fn: Callable[[], Any]) -> None:
        """Run fn on the thread's side at (process) time t, or as soon as the thread can."""


class SharedPool:
    """A thread's view of its process's one pool (what `thread_rt.pool` is).

    Everything but submit/cancel reads the process's Pool (size, workers, queues, counters):
    a Worker sees the same pool as the main thread.
    """

    def __init__(self, pool: Pool, rt: "Runtime", link: Link) -> None:
        self.pool = pool
        self.rt = rt
        self.thread = rt.thread
        self.link = link
        self._deferred: set[Job] = set()   # submitted at a thread time the process has not reached

    def submit(self, job: Job) -> Job:
        proc = self.pool.rt
        proc._job_id += 1          # one job-id sequence per process: the pool pane's ids are unique
        job.id = proc._job_id
        job.thread = self.thread
        job.home = self._home
        job.state = "queued"
        job.t_submit = self.rt.clock.now()
        self._deferred.add(job)
        self.link.to_pool(partial(self._enter, job))
        return job

    def _enter(self, job: Job) -> None:
        self._deferred.discard(job)
        if job.state == "queued":
            self.pool.submit(job)

    def _home(self, job: Job) -> None:
        """The pool finished (or cancelled) `job`: loop->wq + uv_async_send on this thread's loop."""
        self.link.to_thread(self.pool.rt.clock.now(), partial(self.rt.loop.work_completed, job))

    def cancel(self, job: Job) -> str | None:
        """uv_cancel from this thread: as Pool.cancel (None, or 'EBUSY' once a worker has it)."""
        if job in self._deferred:  # not in the FIFO yet: cancelled on its way there
            from tui.core.errors import uv_error

            self._deferred.discard(job)
            job.state = "cancelled"
            job.error = uv_error("ECANCELED", job.op.split(".")[-1])
            job.home(job)
            return None
        return self.pool.cancel(job)

    def set_size(self, size: int) -> None:
        self.pool.set_size(size)

    def own_queued(self) -> list[Job]:
        """This thread's jobs still waiting for a worker (what a Worker's exit cancels)."""
        p = self.pool
        return [q for q in p.wq if q is not MARKER and q.thread == self.thread] + \
            [q for q in p.slow_pending if q.thread == self.thread] + list(self._deferred)

    def __getattr__(self, name: str):
        return getattr(self.pool, name)


class SimLink:
    """Keeps a thread's runtime in step with its process's, on the virtual clock.

    The process's runtime drives: a pump on its heap at the thread's next time runs the
    thread up to the process's present (`run_until(t)`; by default `thread_rt.step()` while
    its next thing is due). Call `wake()` when something from outside (a message, a
    completion) may have made the thread's next time earlier; `stop()` when it has ended.
    `run_until`/`next_time` are hooks for a driver of its own (a script's Worker runs its
    steps on a thread of its own so that Atomics.wait can block it mid-callback).
    """

    def __init__(self, process: "Runtime", rt: "Runtime", run_until: Callable[[float], None] | None = None,
                 next_time: Callable[[], float] | None = None) -> None:
        self.process = process
        self.rt = rt
        self.run_until = run_until or self._run_rt_until
        self.next_time = next_time or rt.next_time
        self.stopped = False
        self._pump_at: float | None = None
        self._token = 0

    def _run_rt_until(self, t: float) -> None:
        rt = self.rt
        while not rt.done and rt.next_time() <= t:
            if not rt.step():
                break
        if rt.done and not self.stopped:
            end_thread(rt)   # its loop has ended: the thread exits

    # -- Link -------------------------------------------------------------------------------

    def to_pool(self, fn: Callable[[], Any]) -> None:
        t = self.rt.clock.now()
        if t > self.process.clock.now():
            self.process.at(t, fn)   # the thread ran ahead inside a step: the pool sees it at t
        else:
            fn()

    def to_thread(self, t: float, fn: Callable[[], Any]) -> None:
        self.rt.at(t, fn)
        self.wake()

    # -- keeping in step ----------------------------------------------------------------------

    def wake(self) -> None:
        if self.stopped:
            return
        t = self.next_time()
        if t == math.inf:
            return   # waits for something from outside: to_thread() wakes it
        at = max(t, self.process.clock.now())
        if self._pump_at is not None and self._pump_at <= at:
            return
        self._pump_at = at
        self._token += 1
        self.process.at(at, partial(self._pump, self._token))

    def _pump(self, token: int) -> None:
        if token != self._token or self.stopped:
            return   # superseded by an earlier pump, or the thread has ended
        self._pump_at = None
        self.run_until(self.process.clock.now())
        self.wake()

    def stop(self) -> None:
        self.stopped = True
        self._pump_at = None


class PostLink:
    """Both sides on real threads (live): every crossing goes through the receiving runtime's
    thread-safe inbox; `wake_thread()` (if given) rouses the thread's driver from its wait."""

    def __init__(self, process: "Runtime", rt: "Runtime", wake_thread: Callable[[], None] | None = None,
                 wake_process: Callable[[], None] | None = None) -> None:
        self.process = process
        self.rt = rt
        self._wake_thread = wake_thread
        self._wake_process = wake_process

    def to_pool(self, fn: Callable[[], Any]) -> None:
        self.process.post(fn)
        if self._wake_process is not None:
            self._wake_process()

    def to_thread(self, t: float, fn: Callable[[], Any]) -> None:
        self.rt.post(fn)
        if self._wake_thread is not None:
            self._wake_thread()


def start_thread(process: "Runtime", thread: int, *, at: float | None = None, clock=None, work=None,
                 link: Callable[["Runtime"], Link] | None = None, keep_tasks: int = 500,
                 ref: bool = True, on_end: Callable[["Runtime"], None] | None = None,
                 parent: "Runtime | None" = None,
                 runtime: Callable[..., "Runtime"] | None = None) -> "Runtime":
    """A Runtime for thread `thread` (a Worker's threadId, >= 1) of `process` (the main thread's
    runtime): its own loop, sharing `process`'s pool and event log.

    `at`: when its loop's clock starts (default: the process's now); `clock`: another clock
    (live: a WallClock); `work`: its loop-side costs (default: the process's); `link`:
    a factory `link(thread_rt) -> Link` (default SimLink(process, thread_rt), reachable as
    `thread_rt.link`). Then `thread_rt.start(main, cost)` and, in sim, `thread_rt.link.wake()`.
    `ref`: the Worker's handle keeps the parent's loop alive until the thread ends
    (`worker.ref()`, node's default; set_ref() changes it). `on_end(thread_rt)`: called on
    the parent's side once the thread's loop has ended (end_thread). `parent`: the runtime of
    the thread that made the Worker (default `process`; a nested Worker's is its parent Worker's).
    `runtime`: the class (or factory) of the thread's Runtime, called as Runtime is (live:
    tui/core/live/thread_runtime.py, a loop that waits in epoll on its own OS thread).
    """
    from tui.core.runtime import Runtime

    if thread <= 0 or thread in process.threads:
        raise ValueError(f"thread id {thread} is taken or not a Worker's (>= 1)")
    if clock is None:
        clock = VirtualClock(process.clock.now() if at is None else at)
    rt = (runtime or Runtime)(process.pool.size, clock=clock, work=work if work is not None else process.work,
                              events=ThreadEvents(process.events, thread), keep_tasks=keep_tasks)
    rt.thread = thread
    rt.process = process
    rt.events.enter(process)  # two loops or more write one log: in time order from now on
    rt.parent = parent if parent is not None else process
    rt.loop.update_time()  # uv_loop_init → uv__update_time: the loop's clock starts at its thread's start
    rt.link = link(rt) if link is not None else SimLink(process, rt)
    rt.pool = SharedPool(process.pool, rt, rt.link)
    rt.thread_ref = False
    rt.thread_on_end = on_end
    rt.thread_ended = False
    process.threads[thread] = rt
    set_ref(rt, ref)
    return rt


def set_ref(rt: "Runtime", on: bool) -> None:
    """worker.ref()/unref(): whether the Worker's handle keeps its process's loop alive (until
    the process's loop has handled the thread's exit)."""
    on = bool(on) and rt.thread in rt.process.threads
    if on != rt.thread_ref:
        rt.thread_ref = on
        rt.parent.loop.active_handles += 1 if on else -1


def end_thread(rt: "Runtime") -> list[Job]:
    """The thread's loop has ended (its Worker exited or was terminated): no more pumps; its jobs
    still queued in the pool are cancelled (node's Environment cleanup cancels its requests,
    SEMANTICS §2.5) and returned; jobs already running finish on their workers, unseen. The
    process's loop hears of it in its poll phase (op `worker.exit`): the handle's ref goes,
    `process.threads` forgets it, and `on_end(rt)` runs there."""
    if rt.thread_ended:
        return []
    link = getattr(rt, "link", None)
    if link is not None and hasattr(link, "stop"):
        link.stop()
    pool = rt.pool
    jobs: list[Job] = []
    if isinstance(pool, SharedPool):
        jobs = pool.own_queued()
        for job in jobs:
            job.home = _dropped
            pool.cancel(job)
    rt.thread_ended = True
    process = rt.process
    parent = rt.parent

    def exited() -> None:
        # the parent learns of the exit through an async handle on its loop (node_worker.cc: the
        # thread's last act wakes the parent, whose callback joins it and closes the handle)
        process.threads.pop(rt.thread, None)
        if rt.thread_ref:
            rt.thread_ref = False
            parent.loop.active_handles -= 1
        if rt.thread_on_end is not None:
            rt.thread_on_end(rt)

    cb = Callback(exited, f"thread {rt.thread} exited", None, "worker.exit",
                  cost=parent.work.costs["internal"], internal=True)
    at = rt.clock.now() + getattr(rt, "exit_latency", 0.0)
    parent.at(max(at, parent.clock.now()), partial(parent.loop.io_ready_now, cb))
    if parent is not process:
        plink = getattr(parent, "link", None)
        if plink is not None and hasattr(plink, "wake"):
            plink.wake()
    return jobs


def _dropped(job: Job) -> None:
    """A completion for a loop that is gone."""
