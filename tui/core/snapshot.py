"""Immutable views of the model for a UI: take one per frame, render it, drop it.

Long queues are cut to their first LIMIT entries (with the true length beside
them) so a frame costs the same with 10 or 10,000 jobs waiting.
"""

from __future__ import annotations

from typing import NamedTuple

from tui.core.callbacks import ASYNC, ASYNCS
from tui.core.pool import MARKER

LIMIT = 200

# Named tuples, not frozen dataclasses: one is built per queue entry per frame, and the four
# classes cost the app's first frame 3 ms as dataclasses (their repr and equality are the same).


class Item(NamedTuple):
    """Something waiting in a queue: a callback, a timer, a pool job or the slow-I/O marker."""

    label: str
    task: int | None = None
    op: str | None = None
    job: int | None = None
    due: float | None = None      # timers: when it is due (ms)
    kind: str | None = None       # pool jobs: fast-io / cpu / slow-io; "marker"


class WorkerView(NamedTuple):
    index: int
    job: Item | None
    started: float | None
    busy_ms: float
    jobs_run: int
    tid: int | None


class Counters(NamedTuple):
    submitted: int
    done: int
    failed: int
    cancelled: int
    in_flight: int
    mean_wait: float
    mean_run: float
    utilisation: float


class Snapshot(NamedTuple):
    t: float
    phase: str
    iteration: int
    loop_time: int
    running: Item | None
    running_queue: str | None
    alive: bool
    finished: bool
    delay_last: float
    delay_max: float
    callbacks_run: int
    timers: tuple[Item, ...]
    pending: tuple[Item, ...]
    poll: tuple[Item, ...]        # ready for the next poll phase: completions and ready sockets
    check: tuple[Item, ...]
    close: tuple[Item, ...]
    ticks: tuple[Item, ...]
    microtasks: tuple[Item, ...]
    pool_size: int
    pool_created: bool
    threshold: int
    slow_running: int
    workers: tuple[WorkerView, ...]
    queue: tuple[Item, ...]
    queue_len: int
    slow_queue: tuple[Item, ...]
    slow_queue_len: int
    pool: Counters
    tasks: dict


def _cb(cb) -> Item:
    return Item(cb.label, cb.task, cb.op)


def _job(j) -> Item:
    return Item(j.label, j.task, j.op, j.id, kind=j.kind)


def _cut(seq, fn) -> tuple:
    out = []
    for i, x in enumerate(seq):
        if i >= LIMIT:
            break
        out.append(fn(x))
    return tuple(out)


def take(rt) -> Snapshot:
    loop = rt.loop
    pool = rt.pool
    poll_items = []
    for x in loop.io_ready:
        if x is ASYNC:
            poll_items.extend(_job(j) for j in list(loop.done_jobs)[:LIMIT])
        elif x is ASYNCS:
            # MessagePorts with messages waiting (worker_threads): one entry per port
            poll_items.extend(Item(f"{h.label}: {len(h.queue)} message{'s' if len(h.queue) != 1 else ''}",
                                   None, getattr(h, "op", None)) for h in loop.asyncs_pending[:LIMIT])
        else:
            poll_items.append(_cb(x))
    timers = _cut(loop.timers.pending(), lambda t: Item(t.cb.label, t.cb.task, t.cb.op, due=t.idle_start + t.msecs))
    queue = _cut(pool.wq, lambda q: Item("slow-I/O marker", kind="marker") if q is MARKER else _job(q))
    started = max(1, pool.started)
    finished = max(1, pool.done + pool.failed)
    counters = Counters(pool.submitted, pool.done, pool.failed, pool.cancelled, pool.in_flight(),
                        pool.wait_total / started, pool.run_total / finished, pool.utilisation())
    workers = tuple(
        WorkerView(w.index, _job(w.job) if w.job else None, w.job.t_start if w.job else None,
                   w.busy_ms, w.jobs_run, w.tid)
        for w in pool.workers
    )
    running = _cb(loop.running) if loop.running is not None else None
    return Snapshot(
        t=rt.clock.now(), phase=loop.phase, iteration=loop.iteration, loop_time=loop.time,
        running=running, running_queue=loop.running_queue, alive=loop.alive(), finished=loop.finished,
        delay_last=loop.delay_last, delay_max=loop.delay_max, callbacks_run=loop.callbacks_run,
        timers=timers, pending=_cut(loop.pending, _cb), poll=tuple(poll_items[:LIMIT]),
        check=_cut((i.cb for i in loop.immediates if not i.destroyed), _cb), close=_cut(loop.closing, _cb),
        ticks=_cut(loop.ticks, _cb), microtasks=_cut(loop.microtasks, _cb),
        pool_size=pool.size, pool_created=bool(pool.workers), threshold=pool.threshold,
        slow_running=pool.slow_running, workers=workers, queue=queue, queue_len=len(pool.wq),
        slow_queue=_cut(pool.slow_pending, _job), slow_queue_len=len(pool.slow_pending),
        pool=counters, tasks=dict(rt.task_counts),
    )
