"""LiveExecutor: the pool's workers as real OS threads doing real work.

The Pool (pool.py) still decides which job runs on which worker; this only
hands the job to *that* worker's thread and reports back when the work
returns. Threads are made when the Pool is (libuv's lazy init_once), named
`ptview-pool-<i>` in the kernel, and record their tid on the Worker so the
process pane can point at them.
"""

from __future__ import annotations

import queue
import threading
import time

from tui.core.errors import NodeError
from tui.core.live.threads import pool_thread_name, start_named_thread
from tui.core.live.work import LiveWork

_STOP = object()


class LiveExecutor:
    def __init__(self, work: LiveWork | None = None) -> None:
        self.work = work or LiveWork()
        self.rt = None
        self.threads: list[threading.Thread] = []
        self._inboxes: list[queue.SimpleQueue] = []
        self._stopping = False

    def pool_created(self, pool) -> None:
        self.rt = pool.rt
        for w in pool.workers:
            inbox: queue.SimpleQueue = queue.SimpleQueue()
            t, tid = start_named_thread(pool_thread_name(w.index), self._worker, inbox)
            w.tid = tid
            self.threads.append(t)
            self._inboxes.append(inbox)

    def start(self, job, worker) -> None:
        job.handle = "running"
        self._inboxes[worker.index].put(job)

    def _worker(self, inbox: queue.SimpleQueue) -> None:
        try:
            self._serve(inbox)
        finally:
            self.work.thread_exit()

    def _serve(self, inbox: queue.SimpleQueue) -> None:
        rt = self.rt
        while True:
            job = inbox.get()
            if job is _STOP or self._stopping:
                return
            try:
                result, err = self.work.run(job.op, job.args)
            except Exception as e:  # noqa: BLE001 - a bug in one job must not kill the worker
                result, err = None, NodeError("EIO", f"EIO: {type(e).__name__}: {e}")
            if self._stopping:
                return
            job.handle = "returned"
            rt.post(lambda job=job, result=result, err=err: rt.pool.job_done(job, result, err))

    def running(self) -> int:
        return sum(1 for t in self.threads if t.is_alive())

    def shutdown(self, timeout: float = 0.3) -> list[int]:
        """Stop every worker: idle ones exit now, busy ones after their call returns.

        A call that never returns (open() of a FIFO with no writer) cannot be
        interrupted from Python; its daemon thread is abandoned and dies with
        the process. Returns the indexes of the threads left behind.
        """
        self._stopping = True
        for inbox in self._inboxes:
            inbox.put(_STOP)
        deadline = time.monotonic() + timeout
        for t in self.threads:
            t.join(max(0.0, deadline - time.monotonic()))
        return [i for i, t in enumerate(self.threads) if t.is_alive()]
