"""What waits in the loop's queues: a JS callback with a label for the UI."""

from __future__ import annotations

from typing import Any, Callable


class Callback:
    __slots__ = ("fn", "label", "task", "op", "cost", "result", "error", "ready_at", "internal")

    def __init__(self, fn: Callable[[], Any], label: str, task: int | None = None,
                 op: str | None = None, cost: float = 0.0, internal: bool = False) -> None:
        self.fn = fn
        self.label = label
        self.task = task
        self.op = op
        self.cost = cost
        self.result = None
        self.error = None
        self.ready_at: float | None = None  # when it could have run: for the loop-delay gauge
        self.internal = internal

    def __repr__(self) -> str:
        return f"Callback({self.label!r}, task={self.task})"
