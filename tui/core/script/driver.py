"""Drives a script session for the app: the same frame/speed/step interface as SimDriver,
plus step back (a deterministic replay from the start)."""

from __future__ import annotations

from tui.core.driver import SimDriver


class ScriptDriver(SimDriver):
    mode = "script"

    def __init__(self, session, speed: float = 1.0, paused: bool = True) -> None:
        super().__init__(session.rt, speed=speed, paused=paused)
        self.session = session

    def advance(self, wall_ms: float) -> None:
        if self.paused or wall_ms <= 0 or self.session.done:
            return
        self.session.advance_to(self.session.rt.clock.now() + wall_ms * self.speed)
        self.rt = self.session.rt

    def step(self) -> bool:
        did = self.session.step()
        self.steps = self.session.position
        return did

    def step_back(self) -> bool:
        """True if it went back; the runtime is a new one afterwards (see `rt`)."""
        went = self.session.step_back()
        self.rt = self.session.rt
        self.steps = self.session.position
        return went

    def shutdown(self) -> None:
        self.session.rt.executor.shutdown()
