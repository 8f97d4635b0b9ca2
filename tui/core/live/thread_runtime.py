"""A live Worker's loop: a Runtime that runs on its own OS thread, in wall time.

tui/core/threads.py makes a Worker's loop a Runtime of its own that shares its
process's one pool and event log. Live, that loop runs on a real thread
(`ptview-worker-<n>`, tui/core/live/worker_threads.py) with its own epoll,
as a Node Worker's `uv_loop_t` does; only its own thread touches it. What
crosses between threads goes through the receiving side's thread-safe inbox:

- its pool jobs and completions: PostLink (threads.py) posts them to the
  process's runtime and back;
- its events: recorded here with their wall time and `thread`, then taken by
  the process's thread, which writes them into the one EventLog in time order
  with every other loop's (loop_records.py; one thread writes the log, so its
  numbering never races);
- its state for a UI: `publish()` takes the loop's half of a snapshot on this
  thread after each pump (tui/core/snapshot.py `loop_fields`), and the UI joins
  it to the pool's half it takes on its own thread.

Its clock is the process's (the same epoch), so every thread's events are on
one time axis.
"""

from __future__ import annotations

from functools import partial

from tui.core import events as E
from tui.core.clock import WallClock
from tui.core.live.loop_records import LiveLoops, LoopRecords
from tui.core.live.poller import Poller
from tui.core.live.wall_loop import WallTimeLoop
from tui.core.runtime import Runtime
from tui.core.threads import SharedPool


class SharedWallClock(WallClock):
    """The process's wall clock, read from another thread: the same zero."""

    def __init__(self, process_clock: WallClock) -> None:
        self._t0 = process_clock._t0


class PostedThreadEvents:
    """A live Worker's records: made on its thread (t, `thread`), written by the process's thread,
    in time order with every other loop's (loop_records.py)."""

    def __init__(self, log: E.EventLog, thread: int, process: Runtime) -> None:
        self.log = log
        self.thread = thread
        self.process = process
        self.src: LoopRecords | None = None
        self._fresh = False

    def enter(self, process: Runtime) -> None:
        """On the process's thread, as the Worker is made: its records join the log's time order."""
        order = self.log.order
        if order is None:
            loops = LiveLoops(process.clock)
            order = self.log.order_by_time(loops)
            loops.hold = order.hold
        self.src = order.bound.add()

    def emit(self, *r) -> None:
        n = len(r)
        if n < 10:
            r = r + (None,) * (10 - n)
        self.src.add((*r[:10], self.thread))
        self._fresh = True

    def phases(self, now, names: tuple[str, ...], iteration: int, still: bool = False) -> None:
        t = now() if still else None
        add = self.src.add
        for name in names:
            add((t if still else now(), E.PHASE, None, None, None, None, name, None, None, iteration, self.thread))
        self._fresh = True

    # -- the Worker's thread says how far it has gone -------------------------------------------

    def waiting(self) -> None:
        """About to wait in epoll, every record written; the process's thread writes them now."""
        self.src.idle = True
        if self._fresh:
            self._fresh = False
            self.process.post(self.log.settle)

    def woke(self) -> None:
        self.src.idle = False  # before it stamps anything

    def reached(self) -> None:
        """Busy in a callback (a busy wait) with every record written."""
        self.src.reached(self.process.clock.now())

    def ended(self) -> None:
        self.src.ended = True
        self.process.post(self.log.settle)

    def __getattr__(self, name):  # count, recent, since, subscribe: the process's log (its thread's)
        return getattr(self.log, name)


class LiveThreadRuntime(WallTimeLoop):
    """Drive it with a LiveDriver on its own thread (LiveRuntime's wall-time rules, no I/O of its own)."""

    def __init__(self, pool_size: int, *, clock, work, events, keep_tasks: int = 500, process: Runtime) -> None:
        self.poller = Poller()
        self._busy_until = 0.0
        self.shut_down = False
        super().__init__(pool_size, clock=clock, work=work, events=events, keep_tasks=keep_tasks)

    def shutdown(self) -> None:
        """On its own thread, once its loop is over: nothing of the pool is its to stop."""
        if self.shut_down:
            return
        self.shut_down = True
        self.poller.close()


class LiveSharedPool(SharedPool):
    """SharedPool for a Worker on its own OS thread: the job gets its process-wide id on the
    process's thread, where the main thread's jobs get theirs (one counter, one writer)."""

    def submit(self, job):
        job.thread = self.thread
        job.home = self._home
        job.state = "queued"
        job.t_submit = self.rt.clock.now()
        self._deferred.add(job)
        self.link.to_pool(partial(self._enter, job))
        return job

    def _enter(self, job) -> None:
        proc = self.pool.rt
        proc._job_id += 1
        job.id = proc._job_id
        super()._enter(job)


def live_thread_factory(process: Runtime):
    """`runtime=` for threads.start_thread: a LiveThreadRuntime on the process's clock and log."""

    def make(pool_size: int, *, clock, work, events, keep_tasks: int = 500) -> LiveThreadRuntime:
        return LiveThreadRuntime(pool_size, clock=SharedWallClock(process.clock), work=work,
                                 events=PostedThreadEvents(process.events, events.thread, process),
                                 keep_tasks=keep_tasks, process=process)

    return make
