"""The live runtime: the same Runtime, with real threads, real I/O and the wall clock."""

from __future__ import annotations

import socket
from typing import Callable

from tui.core.clock import WallClock
from tui.core.live.executor import LiveExecutor
from tui.core.live.loop_io import LiveLoopIO
from tui.core.live.poller import Poller
from tui.core.live.wall_loop import WallTimeLoop
from tui.core.live.worker_threads import LiveWorkers
from tui.core.live.work import LiveWork
from tui.core.pool import DEFAULT_THREADPOOL_SIZE
from tui.core.sim_work import SimWork


class LiveRuntime(WallTimeLoop):
    """Drive it with a LiveDriver; call shutdown() on the way out (also on signals)."""

    def __init__(self, pool_size: int = DEFAULT_THREADPOOL_SIZE, *, getaddrinfo: Callable = socket.getaddrinfo,
                 costs: dict[str, float] | None = None, child_linger_ms: float = 0.0,
                 resolv_conf: str = "/etc/resolv.conf", dns_server: tuple[str, int] | None = None, keep_events: int = 2000, keep_tasks: int = 500) -> None:
        self.poller = Poller()
        self._busy_until = 0.0
        # JS itself is modelled even in live mode (a callback's cost, block:MS); jitter-free.
        work = SimWork(costs={"jitter": 0.0, **(costs or {})})
        super().__init__(pool_size, executor=LiveExecutor(LiveWork(getaddrinfo)), clock=WallClock(),
                         work=work, keep_events=keep_events, keep_tasks=keep_tasks)
        self.loop_io = LiveLoopIO(self, self.poller, child_linger_ms=child_linger_ms, resolv_conf=resolv_conf,
                                  dns_server=dns_server)
        self.shut_down = False
        self.worker_threads = LiveWorkers()  # live Workers' OS threads (tui/core/worker_ops.py)

    def shutdown(self) -> None:
        if self.shut_down:
            return
        self.shut_down = True
        try:
            self.worker_threads.shutdown()  # each Worker's loop stops and its thread is joined
            super().shutdown()
        finally:
            self.poller.close()
