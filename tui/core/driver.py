"""Drives a sim Runtime in frames for a UI: speed, pause, single step.

Model time advances by wall time × speed per frame; a step runs the next
callback on whichever loop of the process is next in model time (the main
thread's or a Worker's), or stops at a pool worker's event (a job taken or
finished) before it, whatever the clock says. Every callback of the model takes
time, so a loop hands back after each one: a step is one callback, unless
another loop starts one while it runs (inside its JavaScript time).
"""

from __future__ import annotations

import math

SPEEDS = (0.05, 0.1, 0.25, 0.5, 1.0, 2.0, 5.0, 10.0, 20.0)
MAX_QUIET_STEPS = 10_000  # a step gives up looking for a callback after this many runtime steps


def _progress(rt) -> tuple:
    """What a single step waits to see change: callbacks run on each loop, the pool's events."""
    pool = rt.pool
    loops = (rt.loop.callbacks_run, *((n, w.loop.callbacks_run) for n, w in rt.threads.items()))
    return loops, pool.started, pool.done, pool.failed


class SimDriver:
    mode = "sim"

    def __init__(self, rt, speed: float = 1.0, paused: bool = False) -> None:
        self.rt = rt
        self.speed = speed
        self.paused = paused
        self.steps = 0

    def advance(self, wall_ms: float) -> None:
        if self.paused or wall_ms <= 0:
            return
        self.rt.run_until(self.rt.clock.now() + wall_ms * self.speed)

    def step(self) -> bool:
        """One callback on any loop, or one pool event; False when nothing can happen until input arrives.

        The runtime's own steps also move a loop between its phases or hand a message over,
        which shows nothing: those run on until something does."""
        rt = self.rt
        if rt.next_time() == math.inf and not rt._inbox:
            return False
        mark = _progress(rt)
        did = False
        for _ in range(MAX_QUIET_STEPS):
            if not rt.step():
                break
            did = True
            if _progress(rt) != mark or (rt.next_time() == math.inf and not rt._inbox):
                break
        if did:
            self.steps += 1
        return did

    def faster(self) -> float:
        bigger = [s for s in SPEEDS if s > self.speed + 1e-9]
        self.speed = bigger[0] if bigger else SPEEDS[-1]
        return self.speed

    def slower(self) -> float:
        smaller = [s for s in SPEEDS if s < self.speed - 1e-9]
        self.speed = smaller[-1] if smaller else SPEEDS[0]
        return self.speed

    def shutdown(self) -> None:
        self.rt.executor.shutdown()
