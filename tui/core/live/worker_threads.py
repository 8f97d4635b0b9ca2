"""Live Workers: real OS threads in ptview's own process, one per `new Worker`.

Node runs each `worker_threads` Worker on a thread of its own with its own
event loop (SEMANTICS §3.8). Live mode does the same: each Worker is a thread
named `ptview-worker-<n>` in the kernel (prctl(PR_SET_NAME) in the thread
itself, as the pool's `ptview-pool-<i>`), so the process pane shows it under
ptview's process, and it runs a body — the Worker's own model loop — until it
is told to stop.

What a Worker costs is measured here, live, as fork's is (loop_io.py): the
time from `new Worker` to the thread running its loop ('online') and to its
first message, and the RSS the process gained meanwhile (/proc/self/statm).

Bounded like live children: at most MAX_LIVE_WORKERS at once. Every thread is
joined on shutdown (idempotent): the body is asked to stop through `stopping`
and its `on_stop` hook (a poller wake-up), and gets JOIN_S to return.
"""

from __future__ import annotations

import os
import threading
import time
from typing import Callable

from tui.core.live.threads import start_named_thread
from tui.core.procs.naming import COMM_MAX

# A live Worker is a Python thread running a model loop: cheap, but each is real and a key can
# make them without end. Node has no limit of its own; ptview keeps this many at once.
MAX_LIVE_WORKERS = 8
JOIN_S = 0.5
_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def worker_thread_name(n: int) -> str:
    """`ptview-worker-<n>`; the kernel keeps 15 bytes, so from 10 on `ptview-wrk-<n>` (no collisions)."""
    name = f"ptview-worker-{n}"
    return name if len(name) <= COMM_MAX else f"ptview-wrk-{n}"


def rss_bytes() -> int | None:
    """This process's resident set now (/proc/self/statm), or None where there is no /proc."""
    try:
        with open("/proc/self/statm", "rb") as f:
            return int(f.read().split()[1]) * _PAGE
    except (OSError, ValueError, IndexError):
        return None


class LiveWorkerThread:
    """One Worker's OS thread: started, measured, told to stop, joined.

    `body(worker)` runs on the new thread; it calls `worker.online()` once its loop is
    ready and must return soon after `worker.stopping` is set (it is woken through the
    `on_stop` hook it may set)."""

    def __init__(self, n: int, body: Callable[["LiveWorkerThread"], None]) -> None:
        self.n = n  # Node's threadId: 1, 2, … in creation order, never reused
        self.name = worker_thread_name(n)
        self.body = body
        self.thread: threading.Thread | None = None
        self.tid: int | None = None
        self.stopping = threading.Event()
        self.on_stop: Callable[[], None] | None = None  # the body's wake-up (its poller's)
        self.t_new = time.perf_counter()
        self.online_ms: float | None = None
        self.first_message_ms: float | None = None
        self.rss_before = rss_bytes()
        self.rss_added: int | None = None
        self.error: BaseException | None = None
        self._online = threading.Event()
        self.exited = threading.Event()

    def start(self) -> "LiveWorkerThread":
        self.thread, self.tid = start_named_thread(self.name, self._run)
        return self

    def _run(self) -> None:
        try:
            self.body(self)
        except BaseException as e:  # noqa: BLE001 - reported on the Worker ('error'), never kills ptview
            self.error = e
        finally:
            self._online.set()
            self.exited.set()

    # -- called on the Worker's own thread -----------------------------------------------

    def online(self) -> None:
        """The Worker's loop is ready to run its first callback: Node's 'online'."""
        if self.online_ms is None:
            self.online_ms = (time.perf_counter() - self.t_new) * 1000.0
            after = rss_bytes()
            if after is not None and self.rss_before is not None:
                self.rss_added = max(0, after - self.rss_before)
        self._online.set()

    # -- called by the parent ----------------------------------------------------------------

    def first_message(self) -> None:
        """The parent got the Worker's first message (on the parent's loop)."""
        if self.first_message_ms is None:
            self.first_message_ms = (time.perf_counter() - self.t_new) * 1000.0

    def wait_online(self, timeout: float | None = None) -> bool:
        return self._online.wait(timeout)

    @property
    def alive(self) -> bool:
        return self.thread is not None and self.thread.is_alive()

    def stop(self) -> None:
        """Ask the body to return (terminate(), or ptview leaving); does not wait."""
        self.stopping.set()
        hook = self.on_stop
        if hook is not None:
            try:
                hook()
            except OSError:
                pass  # its poller is closed: the body is on its way out already

    def join(self, timeout: float = JOIN_S) -> bool:
        """True once the thread has ended, in the kernel too.

        Python's join returns when the thread's Python state is done; the OS thread
        (detached, never pthread_join'ed) still winds down for a moment after that and is
        listed in /proc until it has. "No thread left" means none in /proc."""
        if self.thread is None:
            return True
        deadline = time.monotonic() + timeout
        self.thread.join(timeout)
        if self.thread.is_alive():
            return False
        task = f"/proc/self/task/{self.tid}"
        while os.path.exists(task) and time.monotonic() < deadline:
            time.sleep(0.001)
        return not os.path.exists(task)


class LiveWorkers:
    """The live Workers of one process: the bound, and joining them all on the way out."""

    def __init__(self, limit: int = MAX_LIVE_WORKERS) -> None:
        self.limit = limit
        self.threads: dict[int, LiveWorkerThread] = {}  # n → thread, until it is joined
        self._next = 0
        self.closed = False

    def room(self) -> int:
        return 0 if self.closed else max(0, self.limit - len(self.running()))

    def running(self) -> list[LiveWorkerThread]:
        return [w for w in self.threads.values() if not w.exited.is_set()]

    def next_id(self) -> int:
        self._next += 1
        return self._next

    def start(self, body: Callable[[LiveWorkerThread], None], n: int | None = None) -> LiveWorkerThread | None:
        """A new Worker thread, or None past the bound (the caller says why, as fork's EAGAIN)."""
        if self.room() <= 0:
            return None
        w = LiveWorkerThread(self.next_id() if n is None else n, body)
        self.threads[w.n] = w
        return w.start()

    def reap(self) -> list[LiveWorkerThread]:
        """Join the Workers whose body has returned; forget them. Returns them."""
        done = [w for w in self.threads.values() if w.exited.is_set()]
        for w in done:
            w.join(0.05)
            self.threads.pop(w.n, None)
        return done

    def shutdown(self, timeout: float = JOIN_S) -> list[int]:
        """Stop every Worker and join it; returns the ids of any left running (none, unless a body
        ignores `stopping`). Idempotent."""
        self.closed = True
        workers = list(self.threads.values())
        for w in workers:
            w.stop()
        deadline = time.monotonic() + timeout
        left = [w.n for w in workers if not w.join(max(0.0, deadline - time.monotonic()))]
        for w in workers:
            if w.n not in left:
                self.threads.pop(w.n, None)
        return left
