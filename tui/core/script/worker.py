"""worker_threads for scripts: each Worker is a ScriptRun of its own (its own engine context, loop,
timers, queues) on a thread of the same model process, sharing the process's one pool.

Node (SEMANTICS §3.8; lib/internal/worker.js, lib/internal/main/worker_thread.js,
src/node_worker.cc, src/node_messaging.cc):

- `new Worker()` makes two channels: an internal port (the Worker's own messages: LOAD_SCRIPT
  to the Worker; UP_AND_RUNNING, ERROR_MESSAGE and the Worker's stdout/stderr chunks to the
  parent) and the public one (`worker.postMessage` ↔ `parentPort`), whose Worker end travels
  in LOAD_SCRIPT. The Worker's main script runs from the internal port's 'message' handler,
  i.e. in the poll phase of the Worker loop's first iteration, after posting UP_AND_RUNNING
  ('online' in the parent).
- A Worker's console output goes to the parent as STDIO_PAYLOAD messages on the internal
  port: the first write is posted at once, later ones wait in the Writable until the parent
  asks for more (STDIO_WANTS_MORE_DATA); the parent writes them to its own stdout when its
  loop takes the message. Everything buffered is sent when the Worker exits.
- An uncaught exception (or unhandled rejection) in a Worker: its process 'exit' runs with
  code 1, the error is serialized to the parent (ERROR_MESSAGE), the Worker stops; the parent
  emits 'error' (thrown if nobody listens) and then 'exit' 1. `process.exit(n)` ends only the
  Worker ('exit' n). `terminate()` stops it wherever it is (exit code 1).
- The parent hears of the exit on its loop (here: poll, op worker.exit); it first drains the
  public port then the internal one (kOnExit), so every message the Worker sent comes before
  'exit'.

The model: the Worker's ScriptRun runs on an OS thread of its own (its QuickJS context lives
there), but only one thread of the model ever runs at a time: the process's runtime pumps a
Worker up to the process's present (tui/core/threads.py SimLink with run_until/next_time
hooks) and waits for it to hand back. A Worker hands back between callbacks, and also inside
one — at an engine interrupt once its clock has passed the present, or in Atomics.wait — so a
busy loop in a Worker runs in step with the others, can be terminated, and Atomics.wait
blocks it in model time until a notify from another thread or its timeout.
"""

from __future__ import annotations

import json
import math
import os
import threading
from collections import deque
from typing import Any

from tui.core.ports import Port, entangle
from tui.core.script.engine import THREAD_STACK
from tui.core.script.errors import ScriptError, ScriptExit
from tui.core.threads import SimLink, end_thread, set_ref, start_thread

MAX_WORKERS = 64   # Workers alive at once in one run (each is an engine context and an OS thread)


class _Quit(BaseException):
    """Unwinds a Worker's thread when the run is over (caught by the engine's interrupt or host wrapper)."""


class Waiter:
    __slots__ = ("addr", "thread", "notified", "worker")

    def __init__(self, addr: int, thread: int, worker: "WorkerThread | None") -> None:
        self.addr = addr
        self.thread = thread
        self.notified = False
        self.worker = worker


class Hub:
    """A run's worker_threads state, shared by the main thread's host and every Worker's."""

    def __init__(self, main_host) -> None:
        self.main = main_host
        self.process = main_host.rt
        self.next_thread = 1
        self.next_port = 1
        self.ports: dict[int, Port] = {}
        self.workers: dict[int, WorkerThread] = {}
        self.on_worker: list = []   # called with each new WorkerThread (its loop's runtime made)
        self.waiters: dict[int, deque[Waiter]] = {}
        self.groups: dict[str, set[Port]] = {}

    def new_port(self, rt, label: str = "MessagePort") -> Port:
        p = Port(self.next_port, rt, label)
        self.next_port += 1
        self.ports[p.id] = p
        if p.id % 1024 == 0:   # closed ports are forgotten now and then: a loop of channels stays flat
            for pid in [i for i, q in self.ports.items() if q.closed]:
                del self.ports[pid]
        return p

    def alive(self) -> int:
        return sum(1 for w in self.workers.values() if not w.finished)

    def shutdown(self) -> None:
        """The run is over: every Worker thread ends (joined), whatever it was doing."""
        for w in list(self.workers.values()):
            w.quit()

    # -- Atomics.wait / notify over shared memory ------------------------------------------------

    def notify(self, addr: int, count: float, now: float) -> int:
        q = self.waiters.get(addr)
        n = 0
        while q and n < count:
            w = q.popleft()
            w.notified = True
            n += 1
            if w.worker is not None:
                w.worker.resume_at(now)
        if q is not None and not q:
            del self.waiters[addr]
        return n

    def add_waiter(self, w: Waiter) -> None:
        self.waiters.setdefault(w.addr, deque()).append(w)

    def drop_waiter(self, w: Waiter) -> None:
        q = self.waiters.get(w.addr)
        if q is not None and w in q:
            q.remove(w)
            if not q:
                del self.waiters[w.addr]


class WorkerThread:
    """One Worker: made by the parent's host (on the parent's thread), run on an OS thread of its own."""

    def __init__(self, hub: Hub, parent, spec: dict, js_id: int) -> None:
        self.hub = hub
        self.parent = parent           # the parent's Host
        self.js_id = js_id
        self.tid = hub.next_thread
        hub.next_thread += 1
        prt = parent.rt
        work = prt.work
        self.spec = spec
        self.finished = False
        self.exit_code: int | None = None
        self.terminating = False
        self.started_js = False        # its main script has begun (terminate before that: exit 0)
        self._terminate_at: float | None = None
        self._suspended_at: float | None = None
        self._until = 0.0
        self._error: BaseException | None = None
        self._quit = False
        self._go = threading.Semaphore(0)
        self._back = threading.Semaphore(0)
        self.run = None
        # new Worker(): the parent's loop thread is busy making it (isolate, ports, thread)
        parent.first_use("worker")     # the first Worker of a process loads node's worker internals
        parent.flush()
        prt.consume(work.cost("worker.spawn"))
        boot = prt.clock.now() + work.latency("worker.boot")
        # the internal channel and the public one (port2 goes to the Worker in LOAD_SCRIPT)
        self.internal = hub.new_port(prt, f"Worker {self.tid} internal port")
        self.internal_w = hub.new_port(None, "worker internal port")
        entangle(self.internal, self.internal_w)
        self.internal.on_message = self._from_worker
        self.internal.start()          # started and unref'd (lib/internal/worker.js)
        self.public = hub.new_port(prt, f"Worker {self.tid} port")
        self.public_w = hub.new_port(None, "parentPort")
        entangle(self.public, self.public_w)
        self.transfer = [hub.ports[i] for i in spec.get("ports", ()) if i in hub.ports]
        for p in self.transfer:
            p.detach()
        self.rt = start_thread(hub.process, self.tid, at=boot, work=_work_like(work, self.tid),
                               link=lambda rt: SimLink(hub.process, rt, run_until=self._run_until,
                                                       next_time=self._next_time),
                               ref=True, on_end=self._ended, parent=prt)
        self.rt.exit_latency = work.latency("worker.exit")
        for fn in hub.on_worker:
            fn(self)
        self.internal_w.attach(self.rt)
        self.internal_w.on_message = self._from_parent
        self.internal_w.start()
        self.internal_w.ref(True)      # port.on('message') in worker_thread.js, until LOAD_SCRIPT
        self.internal_w.arrive(("load",))
        # stdio, worker side: [waiting for the parent's ack, buffered chunks] per fd
        self._stdio = {1: [False, []], 2: [False, []]}
        self._unwritten: deque = deque()   # (fd, text) sent to the parent, not yet written there
        self._waiting_streams = 0
        hub.workers[self.tid] = self
        old = threading.stack_size()
        try:
            threading.stack_size(THREAD_STACK)
            self.thread = threading.Thread(target=self._thread_main, name=f"ptview-js-worker-{self.tid}",
                                           daemon=True)
            self.thread.start()
        finally:
            threading.stack_size(old)
        self._back.acquire()           # its context is made (or failed)
        if self._error is not None:
            e, self._error = self._error, None
            raise e
        self.rt.link.wake()

    # -- the Worker's own thread ------------------------------------------------------------------

    def _thread_main(self) -> None:
        try:
            spec = self.spec
            self.run = self.parent.new_run(spec["filename"], spec["source"], rt=self.rt, worker=self,
                                 seed=self.parent.seed + self.tid, costs=None, pool_env=None,
                                 write=self.parent.write, write_err=self.parent.write_err,
                                 argv=spec.get("argv") or [], next_pid=self.parent.pid, procs=self.parent.api.procs,
                                 sites=self.parent.sites)   # a stepping UI's code pane: where each step is
            self.run.host.engine.on_tick = self._on_tick
            self.run.rt.start(None)
        except BaseException as e:  # noqa: BLE001 - handed to the parent's thread
            self._error = e
        self._back.release()
        while True:
            self._go.acquire()
            if self._quit:
                break
            try:
                self._slice()
            except BaseException as e:  # noqa: BLE001 - raised again on the process's side
                self._error = e
            if self._quit:
                break
            self._back.release()
        self._back.release()

    def _slice(self) -> None:
        run = self.run
        while not run.done:
            if self._quit:
                return
            if self.terminating and not self._in_step:
                self._finish_terminated()
                break
            t = self._local_next()
            if t > self._until:
                break
            self._in_step = True
            try:
                run.step()
            finally:
                self._in_step = False
        if run.done and not self.finished:
            self._flush_stdio()
            self.finished = True
            self.exit_code = 1 if self.terminating and self.started_js else run.exit_code
            if self.terminating and not self.started_js:
                self.exit_code = 0
            end_thread(self.rt)

    _in_step = False

    def _local_next(self) -> float:
        run = self.run
        if run.rt.done:
            return run.rt.clock.now()
        return run.rt.next_time()

    def _finish_terminated(self) -> None:
        self.run.end_terminated(1)

    def _yield(self, resume_at: float) -> None:
        """Inside a callback: hand the baton back until the process reaches `resume_at`."""
        self._suspended_at = resume_at
        self._back.release()
        self._go.acquire()
        self._suspended_at = None
        if self._quit:
            if self.run is not None:
                self.run.host.engine.stop_reason = "quit"
            raise _Quit()  # the run is over: unwind this thread

    def _on_tick(self) -> None:
        """Engine interrupt inside this Worker's JS: charge the time, keep in step with the others."""
        host = self.run.host
        host.flush()
        while not self.terminating and self.rt.clock.now() > self._until:
            self._yield(self.rt.clock.now())
        if self.terminating:
            host.engine.stop_reason = "terminate"

    # -- the process's side -------------------------------------------------------------------------

    def _next_time(self) -> float:
        if self.finished or self.run is None:
            return math.inf
        if self._terminate_at is not None:
            return self._terminate_at
        if self._suspended_at is not None:
            return self._suspended_at
        return self._local_next()

    def _run_until(self, t: float) -> None:
        if self.finished:
            return
        self._until = t
        self._go.release()
        self._back.acquire()
        if self._error is not None:
            e, self._error = self._error, None
            if isinstance(e, ScriptError) and e.file is None:
                e.file = os.path.basename(self.spec["filename"])
            self.write_out()
            raise e

    def write_out(self) -> None:
        """The run stops (ptview refuses or stops this Worker): what it wrote so far still reaches
        the output, as the parent would have written it."""
        pending = list(self._unwritten) + [(fd, c) for fd in (1, 2) for c in self._stdio[fd][1]]
        self._unwritten.clear()
        for fd in (1, 2):
            self._stdio[fd][1] = []
        for fd, text in pending:
            self.parent.out(fd, text)
        if self.parent.worker is not None:
            self.parent.worker.write_out()

    def resume_at(self, t: float) -> None:
        """A notify for this Worker's Atomics.wait: it may go on from (process) time t."""
        if self._suspended_at is not None:
            self._suspended_at = min(self._suspended_at, t)
        self.rt.link.wake()

    def stop(self) -> None:
        if self.finished or self.terminating:
            return
        self.terminating = True
        self._terminate_at = self.parent.rt.clock.now()
        eng = self.run.host.engine if self.run is not None else None
        if eng is not None:
            eng.stop_reason = "terminate"
        for w in [w for q in self.hub.waiters.values() for w in q if w.worker is self]:
            w.notified = True
        self.rt.link.wake()

    def quit(self) -> None:
        """End the OS thread (the run is over): a Worker still running is abandoned."""
        if self._quit or not self.thread.is_alive():
            return
        self._quit = True
        self._go.release()
        self.thread.join(timeout=5)

    # -- messages on the internal port ----------------------------------------------------------------

    def _from_parent(self, msg) -> None:
        """The Worker's internal port (worker_thread.js port.on('message'))."""
        kind = msg[0]
        if kind == "load":
            self.internal_w.ref(False)
            self.internal_w.post(("up",), self.rt)
            self.public_w.attach(self.rt)
            for p in self.transfer:
                p.attach(self.rt)
            self.started_js = True
            self.run.host.enter_main(self.spec["source"])
        elif kind == "more":
            st = self._stdio[msg[1]]
            st[0] = False
            self._waiting_streams -= 1
            if st[1]:
                self._send_stdio(msg[1])
            if self._waiting_streams == 0:
                self.internal_w.ref(False)

    def write(self, fd: int, text: str) -> None:
        """The Worker's process.stdout/stderr: WritableWorkerStdio over the internal port."""
        st = self._stdio[fd]
        st[1].append(text)
        if not st[0]:
            self._send_stdio(fd)

    def _send_stdio(self, fd: int) -> None:
        st = self._stdio[fd]
        chunks, st[1] = st[1], []
        st[0] = True
        if self._waiting_streams == 0:
            self.internal_w.ref(True)
        self._waiting_streams += 1
        self._unwritten.extend((fd, c) for c in chunks)
        self.internal_w.post(("stdio", fd, chunks), self.rt)

    def _flush_stdio(self) -> None:
        for fd in (1, 2):
            st = self._stdio[fd]
            if st[1]:
                chunks, st[1] = st[1], []
                self._unwritten.extend((fd, c) for c in chunks)
                self.internal_w.post(("stdio", fd, chunks), self.rt)

    def post_error(self, tree_text: str) -> None:
        self.internal_w.post(("error", tree_text), self.rt)

    def _from_worker(self, msg) -> None:
        """The parent's end of the internal port (Worker[kOnMessage])."""
        kind = msg[0]
        parent = self.parent
        if kind == "up":
            parent.enter(self.js_id, {"event": "online"}, True)
        elif kind == "stdio":
            fd, chunks = msg[1], msg[2]
            for _ in chunks:
                if self._unwritten:
                    self._unwritten.popleft()
            if self.spec.get("stdout" if fd == 1 else "stderr"):   # the stdout/stderr option: worker.stdout
                parent.enter(self.js_id, {"event": "stdio", "fd": fd, "chunks": chunks}, True)
            else:
                for text in chunks:
                    parent.out(fd, text)
            if not self.finished:
                self.internal.post(("more", fd), parent.rt)
        elif kind == "error":
            parent.enter(self.js_id, {"event": "error", "error": msg[1]}, True)

    def _ended(self, rt) -> None:
        """kOnExit, on the parent's loop: drain both ports, then 'exit'."""
        self.public.drain()
        self.internal.drain()
        for p in (self.public, self.internal, self.public_w, self.internal_w):
            p.close(notify=False)
            p.on_message = None
        for p in list(self.hub.ports.values()):
            if p.rt is self.rt and not p.closed:
                p.close()
        self.parent.enter(self.js_id, {"event": "exit", "code": int(self.exit_code or 0)}, False)
        self.quit()


def _work_like(work, tid: int):
    from tui.core.sim_work import SimWork

    w = SimWork(work.seed + tid)
    w.costs.update(work.costs)
    return w


def worker_source(spec: dict, base_dir: str) -> tuple[str, str] | str:
    """(filename, source) of a Worker, or why ptview refuses it (one phrase)."""
    from tui.core.script.source import ScriptSourceError, read_script

    if spec.get("eval"):
        return os.path.join(base_dir, "[worker eval]"), str(spec["code"])
    path = spec["filename"]
    try:
        return path, read_script(path)
    except ScriptSourceError as e:
        if os.path.lexists(path):
            return f"new Worker: cannot read {e.path}: {e.why}"
        return (path, f"const e = new Error({json.dumps(f'Cannot find module {path!r}')}); "
                      "e.code = 'MODULE_NOT_FOUND'; throw e;\n")


__all__ = ["Hub", "WorkerThread", "Waiter", "MAX_WORKERS", "worker_source", "set_ref", "ScriptExit", "Any"]
