"""The libuv event loop as Node drives it (uv_run in src/unix/core.c, v1.46).

The loop is a generator: it yields whenever the loop thread spends time —
`("busy", t_end)` while a callback runs, `("poll", deadline)` while blocked in
epoll — so a driver can interleave worker-thread events in time order, pause
between callbacks, and step. Rules and sources: SEMANTICS.md §1 and §3.4-3.6.
"""

from __future__ import annotations

from math import floor
from collections import deque
from typing import TYPE_CHECKING

from tui.core import events as E
from tui.core.callbacks import ASYNC, ASYNCS, Callback, Completion  # noqa: F401  (loop.ASYNC for readers)
from tui.core.timers import NodeTimers

if TYPE_CHECKING:
    from tui.core.model_host import ModelHost
    from tui.core.pool import Job

PHASES = ("timers", "pending", "idle", "prepare", "poll", "check", "close")
# Runs of phases entered back to back when nothing runs in them.
_PENDING_TO_POLL = ("pending", "idle", "prepare", "poll")
_IDLE_TO_POLL = ("idle", "prepare", "poll")
_CHECK_CLOSE = ("check", "close")
_CHECK_CLOSE_TIMERS = ("check", "close", "timers")
BUSY = "busy"
POLL = "poll"
INT_MAX = 2**31 - 1


def _seq(handle) -> int:
    return handle.seq


class Immediate:
    __slots__ = ("cb", "destroyed")

    def __init__(self, cb: Callback) -> None:
        self.cb = cb
        self.destroyed = False


class Loop:
    def __init__(self, rt: "ModelHost") -> None:
        self.rt = rt
        self.time = 0                     # loop->time: integer ms, refreshed by update_time()
        self.phase = "main"
        self.iteration = 0
        self.running: Callback | None = None
        self.running_queue: str | None = None
        self.ticks: deque[Callback] = deque()
        self.microtasks: deque[Callback] = deque()
        self.pending: deque[Callback] = deque()
        self.closing: list[Callback] = []
        self.done_jobs: deque["Job"] = deque()
        self._done_spare: deque["Job"] | None = None
        self.async_pending = False
        self.asyncs_pending: list = []    # pending async handles other than wq_async (ports)
        self.asyncs_queued = False        # ASYNCS is in io_ready
        self.io_ready: deque = deque()    # ASYNC, ASYNCS or Callbacks, in readiness order
        self.active_handles = 0           # ref'd active handles other than timers/immediates
        self.active_reqs = 0              # requests in flight (pool jobs, until their callback)
        self.timers = NodeTimers(self)
        self.uv_timer_due: int | None = None  # Node's single uv_timer_t; None when stopped
        self.immediates: deque[Immediate] = deque()
        self.immediate_ref = 0            # > 0 ⇒ the idle handle is active (poll won't block)
        self.stop_flag = False
        self.finished = False
        self.blocked_ms = 0.0             # time spent running JS (busy), for the delay gauge
        self.delay_last = 0.0
        self.delay_max = 0.0
        self.callbacks_run = 0
        # Bound once: every phase entered and every callback run records an event.
        self._emit = rt.events.emit
        self._now = rt.clock.now

    # -- time --------------------------------------------------------------------------

    def update_time(self) -> None:
        self.time = floor(self._now())

    def libuv_now(self) -> int:
        """getLibuvNow(): Node refreshes the loop time when it reads it (env.cc GetNowUint64)."""
        self.update_time()
        return self.time

    def schedule_uv_timer(self, ms: int) -> None:
        # Environment::ScheduleTimer → uv_timer_start(timer_handle(), RunTimers, ms, 0)
        self.uv_timer_due = self.time + max(0, ms)

    # -- what keeps the loop alive -------------------------------------------------------

    def idle_active(self) -> bool:
        return self.immediate_ref > 0

    def timer_handle_active(self) -> bool:
        # toggleTimerRef: the handle is ref'd while any JS timer is ref'd.
        return self.uv_timer_due is not None and self.timers.ref_count > 0

    # alive() and backend_timeout() run once per iteration: the two predicates above are inlined.

    def alive(self) -> bool:
        """uv__loop_alive: ref'd active handles, active requests, or closing handles."""
        return (
            (self.uv_timer_due is not None and self.timers.ref_count > 0)
            or self.immediate_ref > 0
            or self.active_handles > 0
            or self.active_reqs > 0
            or bool(self.closing)
            or bool(self.pending)
        )

    def backend_timeout(self) -> int:
        """uv__backend_timeout + uv__next_timeout: -1 blocks forever, 0 does not block."""
        if self.stop_flag:
            return 0
        due = self.uv_timer_due
        idle = self.immediate_ref > 0
        if not (self.active_handles > 0 or (due is not None and self.timers.ref_count > 0) or idle
                or self.active_reqs > 0):
            return 0
        if self.pending or idle or self.closing:
            return 0
        if due is None:
            return -1
        diff = due - self.time
        if diff <= 0:
            return 0
        return min(diff, INT_MAX)

    # -- running JavaScript ----------------------------------------------------------------

    def invoke(self, cb: Callback, phase: str, queue: str | None = None):
        """Run one JS callback on the loop thread; it occupies the thread for cb.cost ms."""
        end = self.begin(cb, phase, queue)
        if end is not None:
            if self.rt.inline_waits:
                self.rt.advance_to(end)
            else:
                yield (BUSY, end)
            self.running = None
            self.running_queue = None

    def begin(self, cb: Callback, phase: str, queue: str | None = None) -> float | None:
        """invoke() without a generator, for the hot paths: run `cb`, return when the loop
        thread is free again (the caller yields BUSY until then and clears `running`), or
        None when it cost nothing."""
        rt = self.rt
        now = self._now()
        self.running = cb
        self.running_queue = queue
        self.callbacks_run += 1
        ready = cb.ready_at
        if ready is not None:
            late = now - ready
            if not late > 0.0:  # max(0.0, late)
                late = 0.0
            self.delay_last = late
            if late > self.delay_max:
                self.delay_max = late
        err = cb.error
        self._emit(now, E.CALLBACK, cb.task, None, cb.op, None, phase, cb.result,
                   err.code if err is not None else None, queue or ("internal" if cb.internal else None))
        if rt.callback_listeners:
            rt.on_callback(cb, phase)
        cb.fn()
        cost = cb.cost
        if cost > 0:
            self.blocked_ms += cost
            return self._now() + cost
        self.running = None
        self.running_queue = None
        return None

    def drain(self):
        """processTicksAndRejections: all nextTicks, then all microtasks, until both are empty."""
        ticks = self.ticks
        micro = self.microtasks
        phase = self.phase
        while ticks or micro:
            while ticks:
                yield from self.invoke(ticks.popleft(), phase, "nextTick")
            while micro:
                yield from self.invoke(micro.popleft(), phase, "microtask")

    def call_and_drain(self, cb: Callback, phase: str):
        end = self.begin(cb, phase)
        if end is not None:
            if self.rt.inline_waits:
                self.rt.advance_to(end)
            else:
                yield (BUSY, end)
            self.running = None
            self.running_queue = None
        if self.ticks or self.microtasks:
            yield from self.drain()

    # -- queues fed by Node's APIs ---------------------------------------------------------

    def next_tick(self, cb: Callback) -> None:
        self.ticks.append(cb)

    def queue_microtask(self, cb: Callback) -> None:
        self.microtasks.append(cb)

    def set_immediate(self, cb: Callback) -> Immediate:
        imm = Immediate(cb)
        self.immediates.append(imm)
        self.immediate_ref += 1  # toggleImmediateRef(true) starts the idle handle
        return imm

    def clear_immediate(self, imm: Immediate | None) -> None:
        if imm is None or imm.destroyed:
            return
        imm.destroyed = True
        self.immediate_ref -= 1
        try:
            self.immediates.remove(imm)
        except ValueError:
            pass  # already detached by processImmediate: skipped there

    def add_pending(self, cb: Callback) -> None:
        """uv__io_feed: a callback deferred to the pending phase of the next iteration."""
        cb.ready_at = self.rt.clock.now()
        self.pending.append(cb)

    def add_closing(self, cb: Callback) -> None:
        """uv_close: the close callback runs in this iteration's (or the next) close phase."""
        cb.ready_at = self.rt.clock.now()
        self.closing.append(cb)

    def io_ready_now(self, cb: Callback) -> None:
        """An fd watched by epoll became ready (socket, pipe, c-ares, signal)."""
        cb.ready_at = self.rt.clock.now()
        self.io_ready.append(cb)

    def async_send(self, handle) -> None:
        """uv_async_send on one of the loop's async handles (`handle.seq` orders them, and
        `handle.callbacks()` yields the JS callbacks its async callback makes, one by one)."""
        self.asyncs_pending.append(handle)
        if not self.asyncs_queued:
            self.asyncs_queued = True
            self.io_ready.append(ASYNCS)

    def work_completed(self, job: "Job") -> None:
        """A worker appended `job` to loop->wq and called uv_async_send (threadpool.c worker)."""
        self.done_jobs.append(job)
        if not self.async_pending:
            self.async_pending = True
            self.io_ready.append(ASYNC)

    # -- uv_run(UV_RUN_DEFAULT) ---------------------------------------------------------------

    def enter(self, phase: str) -> None:
        self.phase = phase
        self._emit(self._now(), E.PHASE, None, None, None, None, phase, None, None, self.iteration)

    def run(self):
        r = self.alive()
        if not r:
            self.update_time()
        else:
            # libuv >= 1.45: due timers run once before the first iteration (UV_RUN_DEFAULT).
            self.update_time()
            yield from self.run_timers()
        # An empty phase only announces itself: entered here without a generator for it, and
        # the poll phase is inline: most iterations are one poll phase and six empty ones, and
        # every generator between the driver and a pool completion costs a frame per resume.
        rt = self.rt
        phases = rt.events.phases
        now = self._now
        still = rt.clock.still
        while r and not self.stop_flag:
            self.iteration += 1
            it = self.iteration
            if self.pending:
                yield from self.run_pending()
                timeout = self.backend_timeout()
                self.phase = "poll"  # set once for the run of phases: their events name each
                phases(now, _IDLE_TO_POLL, it, still)
            else:
                timeout = self.backend_timeout()
                self.phase = "poll"
                phases(now, _PENDING_TO_POLL, it, still)
            # poll: uv__io_poll
            if timeout != 0 and not self.io_ready:
                deadline = None if timeout < 0 else now() + timeout
                if not (rt.inline_waits and rt.wait_io(deadline)):
                    yield (POLL, deadline)
            self.time = floor(now())  # uv__io_poll refreshes the time after epoll_pwait returns
            ready = self.io_ready
            if ready:
                if len(ready) == 1:  # what this epoll_wait returned (most often: the pool's eventfd)
                    items = (ready.popleft(),)
                else:
                    items = list(ready)
                    ready.clear()
                for item in items:
                    if item is not ASYNC:
                        if item is ASYNCS:
                            yield from self.run_asyncs()
                        else:
                            yield from self.call_and_drain(item, "poll")
                        continue
                    # uv__work_done: take every completion queued *now*, call each in order.
                    self.async_pending = False
                    batch = self.done_jobs
                    spare = self._done_spare  # the last batch's deque, emptied: one less per poll
                    self._done_spare = None
                    self.done_jobs = spare if spare is not None else deque()
                    costs = rt.work.costs
                    for job in batch:
                        self.active_reqs -= 1
                        # call_and_drain(), inlined: one completion per pool job is the model's hot path
                        end = self.begin(Completion(job, costs["internal"]), "poll")
                        if end is not None:
                            if rt.inline_waits:
                                rt.advance_to(end)
                            else:
                                yield (BUSY, end)
                            self.running = None
                            self.running_queue = None
                        if self.ticks or self.microtasks:
                            yield from self.drain()
                    batch.clear()
                    self._done_spare = batch
                    if self.asyncs_pending:  # uv__async_io goes on to the other async handles
                        yield from self.run_asyncs()
            if self.pending:
                for _ in range(8):  # libuv >= 1.44.2: pending callbacks fed during poll, ≤ 8 rounds
                    if not self.pending:
                        break
                    yield from self.run_pending()
            if self.immediates:
                yield from self.run_check()
                if self.closing:
                    yield from self.run_closing()
                else:
                    self.enter("close")
            elif self.closing:
                self.enter("check")
                yield from self.run_closing()
            else:
                if still:
                    # Nothing to check or close, and the clock cannot move on the way: the next
                    # iteration's timers phase is entered in the same run when no timer is due.
                    self.time = floor(now())
                    due = self.uv_timer_due
                    if due is None or due > self.time:
                        self.phase = "timers"
                        phases(now, _CHECK_CLOSE_TIMERS, it, still)
                        r = self.alive()
                        continue
                self.phase = "close"
                phases(now, _CHECK_CLOSE, it, still)
            self.time = floor(now())
            due = self.uv_timer_due
            if due is None or due > self.time:
                self.enter("timers")
            else:
                yield from self.run_timers()
            r = self.alive()
        self.phase = "exit"
        self.finished = True
        self._emit(now(), E.PHASE, None, None, None, None, "exit", None, None, self.iteration)

    def run_asyncs(self):
        """uv__async_io for the async handles other than wq_async: each pending one, in the
        order the handles were made; pool completions first if they are pending too."""
        self.asyncs_queued = False
        if self.async_pending:
            yield from self.work_done()
        handles = self.asyncs_pending
        if not handles:
            return
        self.asyncs_pending = []
        if len(handles) > 1:
            handles.sort(key=_seq)
        for h in handles:
            h.pending = False
            for cb in h.callbacks():
                yield from self.call_and_drain(cb, "poll")

    def work_done(self):
        """uv__work_done outside the hot path (run() inlines it): every completion queued now."""
        self.async_pending = False
        batch = self.done_jobs
        self.done_jobs = deque()
        costs = self.rt.work.costs
        for job in batch:
            self.active_reqs -= 1
            yield from self.call_and_drain(Completion(job, costs["internal"]), "poll")

    def run_timers(self):
        self.enter("timers")
        due = self.uv_timer_due
        if due is None or due > self.time:
            return
        self.uv_timer_due = None  # uv_timer_stop; Node's handle does not repeat
        # Environment::RunTimers: processTimers(GetNow()), then re-arm from its answer.
        ret = yield from self.timers.process(self.libuv_now())
        if ret != 0:
            duration = abs(ret) - self.time
            self.schedule_uv_timer(duration if duration > 0 else 1)
        yield from self.drain()  # InternalCallbackScope::Close

    def run_pending(self):
        if not self.pending:
            self.enter("pending")
            return
        self.enter("pending")
        batch = self.pending
        self.pending = deque()
        for cb in batch:
            yield from self.call_and_drain(cb, "pending")

    def run_check(self):
        self.enter("check")
        if not self.immediates:
            return
        # processImmediate detaches the list: immediates queued now run next iteration.
        batch = self.immediates
        self.immediates = deque()
        first = True
        for imm in batch:
            if not first:
                yield from self.drain()
            first = False
            if imm.destroyed:
                continue
            imm.destroyed = True
            self.immediate_ref -= 1
            yield from self.invoke(imm.cb, "check")
        yield from self.drain()

    def run_closing(self):
        self.enter("close")
        if not self.closing:
            return
        batch = self.closing
        self.closing = []
        for cb in batch:
            yield from self.call_and_drain(cb, "close")
