"""Drives a sim Runtime in frames for a UI: speed, pause, single step.

Model time advances by wall time × speed per frame; a step does exactly one
thing (one callback, or one worker-side event) whatever the clock says.
"""

from __future__ import annotations

import math

SPEEDS = (0.05, 0.1, 0.25, 0.5, 1.0, 2.0, 5.0, 10.0, 20.0)


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
        """One callback or one pool event; False when nothing can happen until input arrives."""
        rt = self.rt
        if rt.next_time() == math.inf and not rt._inbox:
            return False
        did = rt.step()
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
