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
    thread: int = 0               # pool jobs: the loop that submitted it (0 the main thread, else a Worker's threadId)


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


class LoopThread(NamedTuple):
    """One thread of the process that runs an event loop: the main thread, or a Worker.

    A process has one pool and as many loops as threads running JavaScript (SEMANTICS §3.8):
    a UI shows them all from a tuple of these, main first, then the Workers by threadId."""

    thread: int               # 0: the main thread; a Worker's threadId (1, 2, … never reused)
    name: str                 # "main", "Worker 1"
    snap: Snapshot            # its loop's own view (the pool fields are the process's one pool)
    state: str = "online"     # "starting" (new Worker, not online yet), "online", "exited"
    tid: int | None = None    # its OS thread in live mode: ptview-worker-<n> in the process pane
    online_ms: float | None = None    # new Worker → 'online' (live: measured; sim: modelled)
    rss_added: int | None = None      # bytes the process gained meanwhile (live: measured; sim: modelled)


def thread_name(thread: int) -> str:
    return "main" if not thread else f"Worker {thread}"


def _cb(cb) -> Item:
    return Item(cb.label, cb.task, cb.op)


def _job(j) -> Item:
    return Item(j.label, j.task, j.op, j.id, kind=j.kind, thread=j.thread)


def _port_label(h) -> str:
    queue = getattr(h, "queue", None)
    label = getattr(h, "label", "async handle")
    if queue is None:
        return label
    return f"{label}: {len(queue)} message{'s' if len(queue) != 1 else ''}"


def _poll_items(loop) -> list[Item]:
    """What the next poll phase will run: pool completions (wq_async), each pending async handle
    (a MessagePort with messages: tui/core/ports.py), ready sockets and pipes."""
    items: list[Item] = []
    for x in loop.io_ready:
        if x is ASYNC:
            items.extend(_job(j) for j in list(loop.done_jobs)[:LIMIT])
        elif x is ASYNCS:
            # MessagePorts with messages waiting (worker_threads): one entry per port
            items.extend(Item(_port_label(h), None, getattr(h, "op", None)) for h in list(loop.asyncs_pending)[:LIMIT])
        else:
            items.append(_cb(x))
        if len(items) >= LIMIT:
            break
    return items


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
    poll_items = _poll_items(loop)
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


def loop_fields(rt) -> dict:
    """The loop's half of a snapshot (every field but the pool's), for a loop that is not the
    process's main one: a Worker's. Live, it is taken on the Worker's own thread (the only one
    that touches its loop) and joined to the pool's half on the UI's: `main_snap._replace(**f)`."""
    loop = rt.loop
    poll_items = _poll_items(loop)
    timers = _cut(loop.timers.pending(), lambda t: Item(t.cb.label, t.cb.task, t.cb.op, due=t.idle_start + t.msecs))
    return dict(
        t=rt.clock.now(), phase=loop.phase, iteration=loop.iteration, loop_time=loop.time,
        running=_cb(loop.running) if loop.running is not None else None, running_queue=loop.running_queue,
        alive=loop.alive(), finished=loop.finished, delay_last=loop.delay_last, delay_max=loop.delay_max,
        callbacks_run=loop.callbacks_run, timers=timers, pending=_cut(loop.pending, _cb),
        poll=tuple(poll_items[:LIMIT]),
        check=_cut((i.cb for i in loop.immediates if not i.destroyed), _cb), close=_cut(loop.closing, _cb),
        ticks=_cut(loop.ticks, _cb), microtasks=_cut(loop.microtasks, _cb), tasks=dict(rt.task_counts),
    )


def thread_loops(rt, main: Snapshot) -> tuple[LoopThread, ...]:
    """Every loop of a sim process from its runtime (`rt.threads`: a script's Workers), main first;
    () when it has only the main one. Sim only: one model thread runs at a time, so the caller may
    read each Worker's loop while none runs (live Workers publish their own: tui/core/worker_ops.py)."""
    if not rt.threads:
        return ()
    out = [LoopThread(0, "main", main)]
    for n, trt in sorted(rt.threads.items()):
        started = trt.loop.callbacks_run > 0 or trt.loop.phase != "main"
        out.append(LoopThread(n, thread_name(n), main._replace(**loop_fields(trt)) if started else main,
                              state="online" if started else "starting"))
    return tuple(out)

