"""LiveDriver: runs a LiveRuntime in wall time.

`pump()` does everything due now without blocking (one call per UI frame);
`wait()` sleeps in the poller until the next due time, an fd, or a wake-up;
`run_until_idle()` alternates them for the headless lab. All on one thread:
the model is not thread-safe, other threads only post to it.

For a UI it has SimDriver's frame interface (advance, step, paused, speed,
shutdown); speed is always 1: wall time cannot be scaled. An asyncio app can
also watch `fileno()` (the poller's epoll fd: readable when a completion, a
socket or a child needs the loop) and call `pump()` then, plus a timer for
`next_due_in()` — no polling, no blocking.
"""

from __future__ import annotations

import math
import time

from tui.core.runtime import IDLE, LIMIT

INTERRUPTED = "interrupted"
SPIN_S = 0.002  # waits shorter than this spin rather than sleep


class LiveDriver:
    mode = "live"
    speed = 1.0

    def __init__(self, rt, paused: bool = False) -> None:
        self.rt = rt
        self.paused = paused  # the loop thread stands still (a breakpoint); workers go on
        self.steps = 0
        self.interrupted: int | None = None

    # -- SimDriver's interface, for the app ----------------------------------------------

    def advance(self, wall_ms: float = 0.0) -> None:
        if not self.paused:
            self.steps += self.pump(budget_ms=8.0)

    def step(self) -> bool:
        """One thing that is due now (a completion, a callback); False if nothing is due yet."""
        rt = self.rt
        if rt.shut_down:
            return False
        rt.poller.poll(0)
        if rt.has_posts() or rt.next_time() <= rt.clock.now():
            if rt.step():
                self.steps += 1
                return True
        return False

    def faster(self) -> float:
        return self.speed

    def slower(self) -> float:
        return self.speed

    def shutdown(self) -> None:
        self.rt.shutdown()

    def fileno(self) -> int:
        return self.rt.poller.sel.fileno()

    def next_due_in(self) -> float | None:
        """Seconds until something is due without any fd becoming ready; None: nothing scheduled."""
        rt = self.rt
        if rt.has_posts():
            return 0.0
        nt = rt.next_time()
        return None if nt == math.inf else max(0.0, (nt - rt.clock.now()) / 1000.0)

    def pump(self, budget_ms: float | None = None) -> int:
        """Do what is due now (I/O, completions, the loop up to its next wait); return steps done."""
        rt = self.rt
        if rt.shut_down:
            return 0
        rt.poller.poll(0)
        t0 = time.monotonic()
        n = 0
        while rt.has_posts() or rt.next_time() <= rt.clock.now():
            if not rt.step():
                break
            n += 1
            if n % 256 == 0:
                rt.poller.poll(0)  # a long burst must not starve sockets
                if self.interrupted is not None:
                    break
                if budget_ms is not None and (time.monotonic() - t0) * 1000 >= budget_ms:
                    break
        return n

    def wait(self, timeout: float | None = None) -> None:
        """Block until something is due, an fd is ready, or `timeout` seconds pass."""
        rt = self.rt
        if rt.shut_down or rt.has_posts():
            return
        nt = rt.next_time()
        delay = None if nt == math.inf else max(0.0, (nt - rt.clock.now()) / 1000.0)
        if timeout is not None:
            delay = timeout if delay is None else min(delay, timeout)
        if delay is not None and 0 < delay < SPIN_S:
            # epoll sleeps whole milliseconds: a 20 µs callback cost would take 1 ms. Spin instead,
            # as a busy loop thread would, still serving fds and completions.
            end = time.monotonic() + delay
            while time.monotonic() < end and not rt.has_posts():
                if rt.poller.poll(0):
                    break
            return
        rt.poller.poll(delay)

    def run_until_idle(self, timeout: float | None = None) -> str:
        """Run until the loop exits (IDLE), `timeout` seconds pass (LIMIT) or interrupt() (INTERRUPTED)."""
        rt = self.rt
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            if self.interrupted is not None:
                return INTERRUPTED
            self.pump()
            if rt.done and not rt.has_posts():
                return IDLE
            if self.interrupted is not None:
                return INTERRUPTED
            left = None if deadline is None else deadline - time.monotonic()
            if left is not None and left <= 0:
                return LIMIT
            self.wait(left)

    def interrupt(self, signum: int = 0) -> None:
        """Signal-safe: make run_until_idle return INTERRUPTED soon."""
        self.interrupted = signum
        self.rt.poller.wake()
