"""Clocks: virtual (sim) and wall (live). Times are float milliseconds.

libuv's own notion of time (`loop->time`) is an integer millisecond count that
is only refreshed at certain points (uv__update_time); the Loop keeps that
cache itself and reads `now()` from one of these clocks when it refreshes.
"""

from __future__ import annotations

import time


class VirtualClock:
    """Time moves only when the simulation says so."""

    still = True  # nothing but the model moves it: one reading holds for a run of empty phases

    def __init__(self, start: float = 0.0) -> None:
        self._now = start

    def now(self) -> float:
        return self._now

    def set(self, t: float) -> None:
        if t < self._now:  # the simulation must never run backwards
            raise ValueError(f"virtual clock cannot go back from {self._now} to {t}")
        self._now = t

    def forward(self, t: float) -> None:
        """set(max(t, now())) in one call: the driver does it for every worker event."""
        if not self._now > t:
            self._now = t

    def advance(self, t: float) -> None:
        """`if t > now(): set(t)` in one call: the driver does it after every wait."""
        if t > self._now:
            self._now = t


class WallClock:
    """Milliseconds since the clock was made, from the monotonic clock."""

    still = False

    def __init__(self) -> None:
        self._t0 = time.monotonic()

    def now(self) -> float:
        return (time.monotonic() - self._t0) * 1000.0

    def set(self, t: float) -> None:
        # Wall time cannot be moved; a driver asking to "advance" just waited.
        pass

    def forward(self, t: float) -> None:
        pass

    def advance(self, t: float) -> None:
        pass
