"""What the loop, the pool and Node's timers see of the things above them.

The runtime owns the loop and the pool, and the loop owns the timers; each
part below sees its owner only through the small protocol here, so the
imports point one way (runtime → loop → timers, runtime → pool → loop) and
this module imports none of them.
"""

from __future__ import annotations

from typing import Any, Callable, Protocol

class ModelHost(Protocol):
    """What the loop and the pool use of the runtime: its clock, log, costs and threads."""

    clock: Any          # VirtualClock or the live wall clock: now(), advance(), forward()
    events: Any         # the EventLog
    work: Any           # SimWork or live work: costs
    executor: Any       # decides when a pool job is done
    loop: Any           # the Loop (the pool hands completed jobs to it)
    inline_waits: bool
    callback_listeners: list

    def advance_to(self, t: float) -> None: ...

    def wait_io(self, deadline: float | None) -> bool: ...

    def on_callback(self, cb: Any, phase: str) -> None: ...

class TimerLoop(Protocol):
    """What Node's timer lists use of the loop: libuv's clock, its one uv timer, and running JS."""

    def libuv_now(self) -> int: ...

    def schedule_uv_timer(self, ms: int) -> None: ...

    def invoke(self, cb: Any, phase: str, queue: str | None = None) -> Any: ...

    def drain(self) -> Any: ...

Listener = Callable[[Any, str], None]
