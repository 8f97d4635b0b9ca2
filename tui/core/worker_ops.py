"""Workers fired from the keyboard and from `--fire`: `new Worker`, messages both ways, work on
the process's one pool, a blocked loop of its own, `terminate()`.

Each Worker is a loop of its own (tui/core/threads.py: a Runtime sharing the process's pool
and event log); live, that loop runs on a real OS thread, `ptview-worker-<n>`
(tui/core/live/worker_threads.py, thread_runtime.py). What a Worker runs is ptview's own
worker script, one of two:

    // the app's Worker (a key starts it): it answers what the main thread posts
    parentPort.on('message', (m) => {
      if (m.cmd === 'pbkdf2') crypto.pbkdf2('k', 's', m.iterations, 64, 'sha512', () => parentPort.postMessage('done'));
      else if (m.cmd === 'block') { const end = Date.now() + m.ms; while (Date.now() < end); parentPort.postMessage('done'); }
      else parentPort.postMessage(m);      // echo
    });

    // a `--fire worker:JOB` Worker: does its workerData's job, posts the result, and ends
    doJob(workerData).then((r) => parentPort.postMessage(r));

Node's rules (SEMANTICS §3.8): 'online' fires on the parent when the Worker starts running
JavaScript; a message is delivered as a 'message' event in the receiving loop's poll phase
(a MessagePort is a uv_async_t: tui/core/ports.py, the same ports scripts' Workers use); the
Worker's pool jobs wait in the process's one FIFO
(job.thread marks them) and call back in the Worker's own poll phase; `terminate()` stops the
thread, its queued jobs are cancelled, and the parent gets 'exit' with code 1 (0 when the
Worker's loop simply ran out of work).

Costs: sim models `new Worker` → 'online' with `worker.boot` (measured on node,
bench/node_costs.py (6)) and the RSS a Worker adds with MODELLED_RSS; live measures both
(worker_threads.py) and shows them beside fork's.
"""

from __future__ import annotations

import hashlib
import time
from functools import partial
from typing import TYPE_CHECKING, Any, Callable

from tui.core.callbacks import Callback
from tui.core.errors import NodeError
from tui.core.ports import Port, entangle
from tui.core.sim_work import MIB, MODELLED_RSS
from tui.core.snapshot import LoopThread, Snapshot, loop_fields, thread_name
from tui.core.spec import MAX_WORKERS
from tui.core.threads import end_thread, start_thread

if TYPE_CHECKING:
    from tui.core.tasks import Task

# Model Workers are cheap, but a key held down makes them without end. Live: worker_threads.MAX_LIVE_WORKERS.
MAX_SIM_WORKERS = MAX_WORKERS
JOBS = ("echo", "pbkdf2", "block")


def fmt_bytes(n: int | None) -> str:
    if n is None:
        return "?"
    if n >= MIB:
        return f"{n / MIB:.1f} MiB"
    return f"{n / 1024:.0f} KiB"


def burn(ms: float, stop=None, reached: Callable[[], None] | None = None) -> None:
    """Synchronous CPU work on the calling thread for `ms` of wall time (a live Worker's blocked loop).

    pbkdf2 in ~1.5 ms slices: hashlib releases the GIL while it hashes, so the Worker's thread is
    really on a CPU (the process pane shows it running) while ptview's own thread goes on.
    `reached()` after each slice: the log need not wait for the end to write the other loops'
    records (tui/core/live/loop_records.py)."""
    end = time.perf_counter() + ms / 1000.0
    while time.perf_counter() < end and not (stop is not None and stop.is_set()):
        hashlib.pbkdf2_hmac("sha512", b"ptview", b"worker", 2000)
        if reached is not None:
            reached()


class _AppPort(Port):
    """A port of an app Worker: each message's callback says what it asks, and a `block` holds
    the receiving loop that long (so the pane shows it running, as a busy-wait in JS would)."""

    __slots__ = ("describe",)

    def callbacks(self):
        for cb in super().callbacks():
            fn = cb.fn
            if self.describe is not None and isinstance(fn, partial) and fn.args:
                label, cost, user = self.describe(fn.args[0])
                cb.label = label
                cb.cost = max(cb.cost, cost)
                cb.internal = not user
            yield cb


class AppWorker:
    """One Worker as the parent (the main thread) knows it."""

    def __init__(self, n: int, job: tuple[str, Any] | None) -> None:
        self.n = n
        self.name = thread_name(n)
        self.job = job                 # None: the app's message-answering Worker; else its workerData
        self.rt = None                 # its loop's Runtime (tui/core/threads.py)
        self.api: Any = None  # the NodeAPI that made it (ops.py, which imports this module)
        self.state = "starting"        # → "online" → "exited"
        self.task: int | None = None   # the `new Worker` task on the main thread
        self.t_new = 0.0
        self.online_ms: float | None = None
        self.rss_added: int | None = None
        self.modelled = True
        self.thread = None             # live: its LiveWorkerThread
        self.published: dict | None = None  # live: its loop's half of a snapshot, made on its thread
        self.waiting: set[int] = set()      # main-thread tasks waiting for its answer
        self.exit_code: int | None = None
        self.cb = None                 # the `new Worker` task's user callback
        self.terminate_task: int | None = None
        self.port: _AppPort | None = None        # the Worker object's side, on the main thread's loop
        self.parent_port: _AppPort | None = None  # the Worker's `parentPort`, on its own loop

    @property
    def tid(self) -> int | None:
        return self.thread.tid if self.thread is not None else None


class Workers:
    """The Workers of one process, made through its NodeAPI (`api.workers`)."""

    def __init__(self, api: Any) -> None:  # the process's NodeAPI (ops.py imports this module)
        self.api = api
        self.rt = api.rt
        self.live = hasattr(self.rt, "worker_threads")  # a LiveRuntime: real OS threads
        self.by_id: dict[int, AppWorker] = {}
        self._next = 0
        self.last: AppWorker | None = None  # the newest Worker: where `--fire worker…` jobs go
        self.version = 0  # live: bumped when a Worker's thread publishes a changed loop

    # -- what the parent sees ------------------------------------------------------------------

    @property
    def limit(self) -> int:
        return self.rt.worker_threads.limit if self.live else MAX_SIM_WORKERS

    def room(self) -> int:
        if self.live:
            return self.rt.worker_threads.room()
        return max(0, MAX_SIM_WORKERS - len(self.by_id))

    def alive(self) -> list[AppWorker]:
        return [w for _, w in sorted(self.by_id.items())]

    def get(self, n: int) -> AppWorker | None:
        return self.by_id.get(n)

    # -- new Worker ------------------------------------------------------------------------------

    def new(self, job: tuple[str, Any] | None = None, cb=None) -> "Task":
        """`new Worker(…)` on the calling loop (the main thread's). `job`: its workerData, e.g.
        ("pbkdf2", 750000): it does that and ends; None: it answers messages until terminated."""
        rt = self.rt
        self._next += 1
        n = self._next
        what = "" if job is None else f" ({describe_job(job)})"
        task = rt.new_task("new Worker", f"new Worker → {thread_name(n)}{what}", n)
        if self.room() <= 0:
            err = NodeError("ERR_WORKER_INIT_FAILED", f"ERR_WORKER_INIT_FAILED: ptview runs at most {self.limit} "
                            f"{'live ' if self.live else ''}Workers at once")
            task.waiting_on = "the 'error' event (process.nextTick)"
            rt.loop.next_tick(self.api._cb(lambda: self.api._finish(task, cb, None, err), "Worker 'error'", task,
                                           "new Worker"))
            return task
        w = AppWorker(n, job)
        w.task = task.id
        w.t_new = rt.clock.now()
        w.cb = cb
        self.by_id[n] = w
        self.last = w
        task.waiting_on = f"{w.name}'s 'online' (its loop starting on its own thread)"
        if self.live:
            self._start_live(w)
        else:
            self._start_sim(w)
        return task

    def _start_sim(self, w: AppWorker) -> None:
        rt = self.rt
        work = rt.work
        # new Worker() itself holds the parent's loop thread (isolate, ports, thread; the first of a
        # process loads node's worker internals), then its script runs worker.boot later: the
        # costs a script's Worker is charged (tui/core/script/worker.py), measured on node.
        rt.consume(work.cost("worker.spawn") + (work.cost("worker.first") if w.n == 1 else 0.0))
        w.rt = start_thread(rt, w.n, at=rt.clock.now() + work.latency("worker.boot"),
                            on_end=partial(self._ended, w))
        w.rt.exit_latency = work.latency("worker.exit")  # its end reaches the parent's loop this much later
        w.api = type(self.api)(w.rt, self.api.procs)
        w.rss_added = MODELLED_RSS["worker"]
        self._ports(w)
        job = w.job
        w.rt.start(partial(self._worker_main, w), float(job[1]) if job is not None and job[0] == "block" else 0.0)
        w.rt.link.wake()

    def _start_live(self, w: AppWorker) -> None:
        from tui.core.live.thread_runtime import LiveSharedPool, live_thread_factory
        from tui.core.threads import PostLink

        rt = self.rt
        w.modelled = False
        w.rt = start_thread(rt, w.n, link=lambda t: PostLink(rt, t), runtime=live_thread_factory(rt),
                            on_end=partial(self._ended, w))
        w.rt.pool = LiveSharedPool(w.rt.pool.pool, w.rt, w.rt.link)
        w.api = type(self.api)(w.rt, self.api.procs)
        self._ports(w)
        w.rt.start(partial(self._worker_main, w))
        w.thread = rt.worker_threads.start(partial(self._run_thread, w), w.n)

    def _ports(self, w: AppWorker) -> None:
        """The Worker's message channel: one port on each loop, entangled (node's kPort pair)."""
        mine = _AppPort(w.n * 2, self.rt, f"{w.name} 'message'", "worker.message")
        theirs = _AppPort(w.n * 2 + 1, w.rt, "parentPort 'message'", "worker.message")
        mine.describe = lambda msg: (f"{w.name} 'message'", 0.0, False)
        theirs.describe = partial(self._describe_incoming, w)
        mine.on_message = partial(self._from_worker, w)
        theirs.on_message = partial(self._at_worker, w)
        entangle(mine, theirs)
        mine.start()  # worker.on('message'): the Worker's own handle keeps this loop alive, not the port
        w.port, w.parent_port = mine, theirs

    def _describe_incoming(self, w: AppWorker, msg) -> tuple[str, float, bool]:
        job = msg[1]
        cost = float(job[1]) if job[0] == "block" and not self.live else 0.0  # live: the thread really burns
        return f"'message': {short_job(job)}", cost, True

    def _run_thread(self, w: AppWorker, lw) -> None:
        """The Worker's OS thread: its loop, in wall time, until it ends or is told to stop."""
        from tui.core.live.driver import LiveDriver

        w.thread = lw  # before its main module runs: it says 'online' through it
        wrt = w.rt
        driver = LiveDriver(wrt)
        lw.on_stop = wrt.poller.wake
        events = wrt.events
        try:
            while not lw.stopping.is_set():
                driver.pump()
                self.publish(w)
                if wrt.done and not wrt.has_posts():
                    break
                events.waiting()
                driver.wait(None)
                events.woke()
        finally:
            wrt.shutdown()
            events.ended()
            if not lw.stopping.is_set():  # its loop ran out of work: the parent hears of the exit
                self.rt.post(partial(end_thread, wrt))

    def publish(self, w: AppWorker) -> None:
        """Live, on the Worker's thread: its loop's state for the UI (one reference, swapped whole).
        A change bumps `version` and wakes the main thread's loop, so a UI redraws it now rather
        than at its next once-a-second frame."""
        fields = loop_fields(w.rt)
        old = w.published
        if old is not None and {k: v for k, v in fields.items() if k != "t"} == {
                k: v for k, v in old.items() if k != "t"}:
            return
        w.published = fields
        self.version += 1
        self.rt.post(_nothing)

    # -- on the Worker's loop ------------------------------------------------------------------------

    def _worker_main(self, w: AppWorker) -> None:
        """The Worker's main module: its script starts running — Node emits 'online' on the parent."""
        wrt = w.rt
        if w.thread is not None:
            w.thread.online()
        if w.job is None:
            # parentPort.on('message'): the port starts, and a ref'd port keeps the Worker's loop alive
            w.parent_port.ref(True)
            w.parent_port.start()
        internal = self.rt.work.cost("internal")
        self._to_parent(w, Callback(partial(self._online, w), f"{w.name} 'online'", w.task, "worker.online",
                                    cost=internal, internal=True))
        if w.job is not None:
            self._do(w, w.job, partial(self._reply, w, w.task, w.t_new))

    def _do(self, w: AppWorker, job: tuple[str, Any], reply: Callable[[str], None]) -> None:
        """One job on the Worker's loop (inside its callback); `reply(text)` posts the answer."""
        kind, arg = job
        wapi = w.api
        if kind == "pbkdf2":
            wapi.pbkdf2(arg, lambda err, key: reply(f"pbkdf2 {arg:,} done in {w.name}'s poll phase"
                                                    if err is None else f"pbkdf2 failed: {err.code}"))
        elif kind == "block":
            text = f"{w.name}'s loop was blocked {arg:g} ms; the main loop ran meanwhile"
            if self.live:
                self.publish(w)  # the pane shows the callback running while the thread is busy
                burn(arg, w.thread.stopping if w.thread is not None else None, w.rt.events.reached)
                wapi.block(arg, charge=False)
            else:
                # The callback (a message's, or the main module's for workerData) costs `arg` itself:
                # the pane shows it running that long, and the Worker's postMessage comes at the end
                # of the busy wait, as in the script above.
                wapi.block(arg, charge=False)
                wrt = w.rt
                wrt.at(wrt.clock.now() + arg, partial(reply, text))
                return
            reply(text)
        else:
            reply(f"echo {arg!r}" if arg is not None else "echo")

    def _at_worker(self, w: AppWorker, msg) -> None:
        """parentPort 'message', on the Worker's loop (poll phase): do what it asks, then answer."""
        _, job, task_id, t0 = msg
        self._do(w, job, partial(self._reply, w, task_id, t0))

    def _reply(self, w: AppWorker, task_id: int, t0: float, text: str) -> None:
        """parentPort.postMessage(answer), on the Worker's thread."""
        w.parent_port.post(("answer", task_id, t0, text), w.rt)

    def _from_worker(self, w: AppWorker, msg) -> None:
        """The Worker object's 'message', on the main thread's loop (poll phase)."""
        _, task_id, t0, text = msg
        self._answered(w, task_id, t0, text)

    def _to_parent(self, w: AppWorker, cb: Callback) -> None:
        w.rt.link.to_pool(partial(self.rt.loop.io_ready_now, cb))

    # -- back on the main thread ------------------------------------------------------------------------

    def _online(self, w: AppWorker) -> None:
        if w.state == "starting":
            w.state = "online"
        rt = self.rt
        if w.thread is not None:
            w.online_ms = w.thread.online_ms
            w.rss_added = w.thread.rss_added
        else:
            w.online_ms = rt.clock.now() - w.t_new
        task = rt.task(w.task)
        if w.job is None and task is not None and not task.finished:
            self.api._finish(task, w.cb, self.start_cost(w))
        elif task is not None:
            task.waiting_on = f"{w.name}'s answer (a 'message' in this loop's poll phase)"

    def start_cost(self, w: AppWorker) -> str:
        modelled = " (modelled)" if w.modelled else ""
        return (f"{w.name} online after {w.online_ms:.1f} ms, +{fmt_bytes(w.rss_added)} RSS{modelled}"
                if w.online_ms is not None else f"{w.name} is starting")

    def _answered(self, w: AppWorker, task_id: int, t0: float, text: str) -> None:
        rt = self.rt
        w.waiting.discard(task_id)
        if w.thread is not None:
            w.thread.first_message()
        task = rt.task(task_id)
        if task is None or task.finished:
            return
        took = rt.clock.now() - t0
        extra = f" (online after {w.online_ms:.1f} ms)" if w.job is not None and w.online_ms is not None else ""
        self.api._finish(task, w.cb if task_id == w.task else None,
                         f"{w.name} answered after {took:.1f} ms{extra}: {text}")

    def _ended(self, w: AppWorker, wrt) -> None:
        """'exit' on the main thread (its poll phase): the Worker's thread is gone."""
        rt = self.rt
        w.state = "exited"
        if w.exit_code is None:
            w.exit_code = 0
        self.by_id.pop(w.n, None)
        if self.last is w:
            self.last = None
        if w.port is not None:
            w.port.close(notify=False)
        if w.thread is not None:
            w.thread.join(0.5)
            rt.worker_threads.reap()
        gone = NodeError("ERR_WORKER_EXITED", f"{w.name} exited before answering")
        for tid in sorted(w.waiting):
            task = rt.task(tid)
            if task is not None and not task.finished:
                self.api._finish(task, None, None, gone)
        w.waiting.clear()
        task = rt.task(w.task)
        if task is not None and not task.finished:
            self.api._finish(task, w.cb, None, gone)
        term = w.terminate_task
        if term is not None:
            t = rt.task(term)
            if t is not None and not t.finished:
                self.api._finish(t, None, f"'exit' with code {w.exit_code}")

    # -- the parent's calls -------------------------------------------------------------------------------

    def post(self, w: AppWorker, job: tuple[str, Any]) -> "Task":
        """worker.postMessage(job) from the main thread; the task ends with the Worker's answer."""
        rt = self.rt
        kind, arg = job
        label = f"postMessage → {w.name}" if kind == "echo" else f"{w.name}: {describe_job(job)}"
        task = rt.new_task("worker.postMessage", label, (w.n, kind, arg))
        task.waiting_on = f"{w.name}'s answer (a 'message' in this loop's poll phase)"
        w.waiting.add(task.id)
        w.port.post(("job", job, task.id, rt.clock.now()), rt)
        return task

    def terminate(self, w: AppWorker) -> "Task":
        """worker.terminate(): the thread stops as soon as it can; 'exit' (code 1) comes in poll."""
        rt = self.rt
        task = rt.new_task("worker.terminate", f"{w.name}.terminate()", w.n)
        task.waiting_on = f"{w.name}'s 'exit' (poll phase)"
        w.terminate_task = task.id
        if w.state == "exited" or getattr(w.rt, "thread_ended", False):
            self.api._finish(task, None, "already exited")
            return task
        w.exit_code = 1
        if w.thread is not None:
            w.thread.stop()
            w.thread.join(0.5)
        end_thread(w.rt)
        return task

    # -- for a UI --------------------------------------------------------------------------------------------

    def loops(self, main: Snapshot) -> tuple[LoopThread, ...]:
        """Every loop of the process for the loop pane: main first, then each Worker (by threadId).
        Sim: each Worker's loop is read here; live: what its thread last published."""
        out = [LoopThread(0, "main", main)]
        for w in self.alive():
            if self.live:
                fields = w.published
            else:
                fields = loop_fields(w.rt) if w.rt.loop.callbacks_run else None
            state = "online" if fields is not None else "starting"
            snap = main._replace(**fields) if fields is not None else main
            out.append(LoopThread(w.n, w.name, snap, state=state, tid=w.tid, online_ms=w.online_ms,
                                  rss_added=w.rss_added))
        return tuple(out)


def _nothing() -> None:
    """Posted to the main thread's runtime only to wake its loop (and a UI watching its epoll)."""


def short_job(job: tuple[str, Any]) -> str:
    """What a message asks, in a few cells (the Worker's loop shows it running)."""
    kind, arg = job
    if kind == "pbkdf2":
        return f"pbkdf2 {arg:,}"
    if kind == "block":
        return f"block {arg:g} ms"
    return "echo"


def describe_job(job: tuple[str, Any]) -> str:
    kind, arg = job
    if kind == "pbkdf2":
        return f"crypto.pbkdf2 {arg:,} iterations"
    if kind == "block":
        return f"block its loop {arg:g} ms"
    return "echo" if arg is None else f"echo {arg!r}"
