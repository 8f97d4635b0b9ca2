"""What a loop driven in wall time does differently from the model's: the live process's
main loop (runtime.py) and a live Worker's loop (thread_runtime.py) share it."""

from __future__ import annotations

from tui.core.runtime import Runtime


class WallTimeLoop(Runtime):
    """Posts wake the loop's poller; JS time is wall time the loop thread spends busy.
    The subclass sets `poller` and `_busy_until = 0.0` before Runtime.__init__."""

    def post(self, fn) -> None:
        self._inbox.append(fn)
        self.poller.wake()

    def has_posts(self) -> bool:
        return bool(self._inbox)

    def consume(self, ms: float) -> None:
        # The loop thread is busy for `ms` of wall time: it runs nothing else until then,
        # while the workers go on (their completions still land in the inbox).
        if ms > 0:
            self.loop.blocked_ms += ms
            self._busy_until = max(self._busy_until, self.clock.now()) + ms

    def _loop_ready_at(self) -> float:
        return max(super()._loop_ready_at(), self._busy_until)
