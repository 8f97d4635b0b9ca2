"""The runtime: one clock, one loop, one pool, one executor, one event log.

It is the discrete-event driver of the model: the loop thread (a generator
in loop.py) and the worker threads (events on a time-ordered heap, or
completions posted by real threads in live mode) advance together in time
order. `step()` does one thing; `run()` runs until the loop is idle.
"""

from __future__ import annotations

import heapq
import math
from collections import deque
from typing import Any, Callable

from tui.core import events as E
from tui.core.callbacks import _PLAIN, Callback, _short
from tui.core.clock import VirtualClock
from tui.core.loop import BUSY, POLL, Loop
from tui.core.pool import DEFAULT_THREADPOOL_SIZE, MARKER, Job, Pool
from tui.core.tasks import Task

IDLE = "idle"          # the loop has exited: nothing left to do
BLOCKED = "blocked"    # the loop waits forever (e.g. a job that never finishes)
LIMIT = "limit"        # stopped at the requested model time


class Runtime:
    def __init__(self, pool_size: int = DEFAULT_THREADPOOL_SIZE, *, executor=None, clock=None,
                 work=None, loop_io=None, keep_events: int = 2000, keep_tasks: int = 500,
                 events=None) -> None:
        from tui.core.loop_io import SimLoopIO
        from tui.core.sim_work import SimExecutor, SimWork

        self.clock = clock or VirtualClock()
        self.events = events if events is not None else E.EventLog(keep_events)
        self.work = work or SimWork()
        self.executor = executor or SimExecutor(self)
        self.loop_io = loop_io or SimLoopIO(self)
        self.pool = Pool(self, pool_size)
        self.loop = Loop(self)
        self._heap: list = []
        self._seq = 0
        self._inbox: deque = deque()  # thunks posted by real threads (live mode)
        self.tasks: dict[int, Task] = {}  # in submission order
        self._finished: deque[int] = deque()
        self._keep_tasks = keep_tasks
        self._task_id = 0
        self._job_id = 0
        self._gen = None
        self._then = None  # the generator after _gen (uv_run after the main module)
        self._wait: tuple | None = None
        self.started = False
        # True while run() drives a sim to its end: the loop then waits in place (advance_to,
        # wait_io) instead of yielding to the driver for every wait. See _run_to_end.
        self.inline_waits = False
        self.task_counts = {"submitted": 0, "done": 0, "failed": 0, "cancelled": 0}
        self.callback_listeners: list[Callable[[Callback, str], None]] = []
        # The threads of this process that run a loop of their own (tui/core/threads.py): this
        # runtime is the main thread's (thread 0) unless threads.start_thread() made it a
        # Worker's, which shares `process`'s pool and event log.
        self.thread = 0
        self.process: Runtime = self
        self.threads: dict[int, Runtime] = {}   # the main thread's runtime: its Workers', by threadId

    # -- the time-ordered heap of things other threads do -------------------------------

    def at(self, t: float, fn: Callable[[], Any]) -> None:
        self._seq += 1
        heapq.heappush(self._heap, (t, self._seq, fn))

    def post(self, fn: Callable[[], Any]) -> None:
        """Thread-safe: run `fn` on the model's thread at the next step (live executors)."""
        self._inbox.append(fn)

    def _drain_inbox(self) -> bool:
        did = False
        while self._inbox:
            self._inbox.popleft()()
            did = True
        return did

    def advance_to(self, t: float) -> None:
        """Move the clock to `t`, doing every worker-side event due on the way."""
        heap = self._heap
        clock = self.clock
        while heap and heap[0][0] <= t:
            te, _, fn = heapq.heappop(heap)
            clock.forward(te)
            fn()
        clock.advance(t)

    def wait_io(self, deadline: float | None) -> bool:
        """The loop blocks in epoll until I/O is ready or `deadline` (None: no timeout).

        Does, in place, what the driver's steps would do while the loop waits: the worker
        events due before it wakes, in time order, then the clock moves to the wake-up.
        False when nothing will ever wake it: the loop then yields, and the driver says so.
        """
        heap = self._heap
        io_ready = self.loop.io_ready
        clock = self.clock
        limit = math.inf if deadline is None else deadline
        while heap:
            te = heap[0][0]
            if te > (clock.now() if io_ready else limit) or te == math.inf:
                break
            te, _, fn = heapq.heappop(heap)
            clock.forward(te)
            fn()
        if io_ready:
            return True
        if deadline is None:
            return False
        clock.advance(deadline)
        return True

    def consume(self, ms: float) -> None:
        """The loop thread spends `ms` inside the running callback (sync JS, busy-wait)."""
        if ms > 0:
            self.loop.blocked_ms += ms
            # advance_to(now + ms), inlined: every user callback of a pool job consumes
            heap = self._heap
            clock = self.clock
            t = clock.now() + ms
            while heap and heap[0][0] <= t:
                te, _, fn = heapq.heappop(heap)
                clock.forward(te)
                fn()
            clock.advance(t)

    # -- driving ---------------------------------------------------------------------

    def start(self, main: Callable[[], Any] | None = None, cost: float = 0.0) -> None:
        """Run the main module (its synchronous part), then enter uv_run."""
        if self.started:
            raise RuntimeError("already started")
        self.started = True
        self._gen = self._main_module(main, cost)
        self._then = self.loop.run
        self._wait = None

    def restart(self) -> None:
        """SpinEventLoopInternal: uv_run again after a 'beforeExit' listener scheduled work
        (its ticks and microtasks first, as after any callback)."""
        self.loop.finished = False
        self._gen = self.loop.drain()
        self._then = self.loop.run
        self._wait = None
        self._resume()

    def _main_module(self, main, cost):
        if main is not None:
            yield from self.loop.invoke(Callback(main, "main module", op="main", cost=cost), "main")
        yield from self.loop.drain()

    def _resume(self):
        """The loop thread goes on to its next wait: the main module, then uv_run.

        Two generators one after the other rather than one delegating to both: every
        level of `yield from` costs a frame on each resume, and uv_run resumes a few
        times per pool job."""
        try:
            self._wait = next(self._gen)
        except StopIteration:
            self._next_generator()

    def _next_generator(self) -> None:
        then = self._then
        if then is None:
            self._gen = None
            self._wait = None
            return
        self._then = None
        self._gen = then()
        self._resume()

    def _loop_ready_at(self) -> float:
        w = self._wait
        if w is None:
            return self.clock.now()
        kind, t = w
        if kind == BUSY:
            return t
        if self.loop.io_ready:
            return self.clock.now()
        return math.inf if t is None else t

    def next_time(self) -> float:
        """When the next thing happens (loop or worker side); inf if nothing ever will."""
        if self._gen is None:
            return math.inf
        th = self._heap[0][0] if self._heap else math.inf
        return min(th, self._loop_ready_at())

    @property
    def done(self) -> bool:
        return self.started and self._gen is None

    def step(self) -> bool:
        """Do one thing: a worker-side event, or the loop up to its next callback/wait."""
        if self._drain_inbox():
            return True
        if self._gen is None:
            return False
        tl = self._loop_ready_at()
        th = self._heap[0][0] if self._heap else math.inf
        if th <= tl and th != math.inf:
            te, _, fn = heapq.heappop(self._heap)
            self.clock.forward(te)
            fn()
            return True
        if tl == math.inf:
            return False
        self.clock.advance(tl)
        self._resume()
        return True

    def run(self, until: float | None = None, max_steps: int | None = None) -> str:
        """Run until the loop exits (IDLE), can never go on (BLOCKED) or model time `until`."""
        ended = self._run(until, max_steps)
        if ended != LIMIT and not self.thread:
            self.events.flush()  # no loop of the process can run again: its log holds nothing back
        return ended

    def _run(self, until: float | None, max_steps: int | None) -> str:
        if until is None and max_steps is None:
            return self._run_to_end()
        steps = 0
        while True:
            if self._gen is None:
                return IDLE
            if until is not None and self.next_time() > until:
                if self.next_time() == math.inf and self._wait and self._wait[0] == POLL:
                    return BLOCKED
                self.advance_to(until)
                return LIMIT
            if not self.step():
                return BLOCKED
            steps += 1
            if max_steps is not None and steps >= max_steps:
                return LIMIT

    def _run_to_end(self) -> str:
        """run() without limits: step() again and again, inlined (one step per worker event
        or loop callback is the headless model's hot path)."""
        # _loop_ready_at(), inlined unless a subclass (live) changes it; then, on a virtual
        # clock, nobody can look between two steps: the loop may wait in place.
        base = type(self)._loop_ready_at is Runtime._loop_ready_at
        self.inline_waits = base and isinstance(self.clock, VirtualClock)
        try:
            return self._steps(None if base else self._loop_ready_at)
        finally:
            self.inline_waits = False

    def _steps(self, ready_at) -> str:
        heap = self._heap
        heappop = heapq.heappop
        clock = self.clock
        now = clock.now
        forward = clock.forward
        inbox = self._inbox
        loop = self.loop
        inf = math.inf
        while True:
            gen = self._gen
            if gen is None:
                return IDLE
            if inbox:
                self._drain_inbox()
                continue
            if ready_at is not None:
                tl = ready_at()
            else:
                w = self._wait
                if w is None or (w[0] != BUSY and loop.io_ready):
                    tl = now()
                else:
                    tl = w[1]
                    if tl is None:
                        tl = inf
            if heap:
                th = heap[0][0]
                if th <= tl and th != inf:
                    te, _, fn = heappop(heap)
                    forward(te)
                    fn()
                    continue
            if tl == inf:
                return BLOCKED
            clock.advance(tl)
            try:
                self._wait = next(gen)
            except StopIteration:
                self._next_generator()

    def run_until(self, t: float) -> None:
        """For a UI frame: do everything due up to model time `t`, then set the clock there."""
        while self._gen is not None and self.next_time() <= t:
            if not self.step():
                break
        self.advance_to(t)

    # -- tasks and jobs ----------------------------------------------------------------

    def new_task(self, op: str, label: str, arg: Any = None) -> Task:
        tid = self._task_id = self._task_id + 1
        now = self.clock.now()
        task = self.tasks[tid] = Task(tid, op, arg, label, now)
        self.task_counts["submitted"] += 1
        self.events.emit(now, E.SUBMIT, tid, None, op, None, None, None, None, label)
        return task

    def submit_job(self, task: Task, op: str, kind: str, args: dict, label: str,
                   on_done: Callable[[Job], Any]) -> Job:
        self._job_id += 1
        job = Job(self._job_id, task.id, op, kind, args, label, on_done)
        task.jobs.append(job)
        task.current = job
        self.loop.active_reqs += 1
        return self.pool.submit(job)

    def finish_task(self, task: Task, result: Any = None, error=None, user: Callable | None = None,
                    cancelled: bool = False, nested: bool = True) -> None:
        """The task's user callback runs now.

        `nested`: it runs inside a Node-internal callback (a pool step's
        completion), so it gets its own event and its own cost; otherwise the
        loop's invoke() already announced and charged it (timers, immediates…).
        """
        now = self.clock.now()
        task.finished = True
        task.cancelled = cancelled
        task.current = None
        task.waiting_on = None
        task.result = result
        task.error = error
        task.t_end = now
        task.phase = phase = self.loop.phase
        counts = self.task_counts
        if cancelled:
            counts["cancelled"] += 1
        elif error is not None:
            counts["failed"] += 1
        else:
            counts["done"] += 1
        if nested:
            if error is None:
                self.events.emit(now, E.CALLBACK, task.id, None, task.op, None, phase,
                                 result if result is None or type(result) in _PLAIN else _short(result),
                                 None, "user")
            else:
                self.events.emit(now, E.CALLBACK, task.id, None, task.op, None, phase, None, error.code, "user")
        finished = self._finished
        finished.append(task.id)
        if len(finished) > self._keep_tasks:
            tasks = self.tasks
            while len(finished) > self._keep_tasks:
                tasks.pop(finished.popleft(), None)
        if user is not None:
            user(error, result)
        if nested:
            self.consume(self.work.costs["callback"])

    def on_callback(self, cb: Callback, phase: str) -> None:
        for fn in self.callback_listeners:
            fn(cb, phase)

    def task(self, tid: int) -> Task | None:
        return self.tasks.get(tid)

    def in_flight_tasks(self) -> list[Task]:
        return [t for t in self.tasks.values() if not t.finished]

    def cancel_queued(self) -> int:
        """uv_cancel every job still waiting for a worker; returns how many."""
        pool = self.pool
        if self.thread:  # a Worker's loop: only its own jobs (the pool is the process's)
            jobs = pool.own_queued()
        else:
            jobs = [q for q in pool.wq if q is not MARKER] + list(pool.slow_pending)
        for job in jobs:
            pool.cancel(job)
        return len(jobs)

    def shutdown(self) -> None:
        """Leave nothing behind: cancel queued jobs, stop the workers, close sockets, reap children."""
        self.cancel_queued()
        self.executor.shutdown()
        self.loop_io.close()

    def snapshot(self):
        from tui.core.snapshot import take

        return take(self)


