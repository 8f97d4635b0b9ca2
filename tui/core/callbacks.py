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


class Completion(Callback):
    """A pool job's completion (uv__work_done → the request's done callback): the
    Node-internal callback that runs the job's continuation, then drops it.

    One per pool job, so it is built in one call and runs as a method rather than
    through a closure. The continuation closes over its task, and the task lists
    its jobs: left in place, every finished task would be a reference cycle that
    only the cyclic GC frees (slowly, and all the more often the faster jobs go).
    """

    __slots__ = ("job",)

    def __init__(self, job, cost: float) -> None:
        self.job = job
        self.label = job.label
        self.task = job.task
        self.op = job.op
        self.cost = cost
        self.internal = True
        self.ready_at = job.t_done
        error = self.error = job.error
        if error is None:
            result = job.result
            self.result = result if result is None or type(result) in _PLAIN else _short(result)
        else:
            self.result = None

    def fn(self) -> None:  # what the loop calls: Callback.fn's slot is never set here
        job = self.job
        then = job.on_done
        job.on_done = None
        then(job)


_PLAIN = frozenset((int, float, str))  # exact types _short() keeps: checked inline on the hot path


def _short(result: Any) -> Any:
    """What an event and the UI show of a result: plain values as they are, others as text."""
    if result is None or isinstance(result, (int, float, str)):
        return result
    return str(result)


class _Async:
    """The loop's wq_async eventfd: one readiness for any number of pool completions."""

    label = "threadpool completions"

    def __repr__(self) -> str:
        return "<wq_async>"


ASYNC = _Async()


class _Asyncs:
    """The loop's other uv_async_t handles (MessagePorts: tui/core/ports.py). libuv wakes them
    all through the loop's one async eventfd and, in uv__async_io, calls every pending one in
    the order the handles were made (the pool's wq_async, made by uv_loop_init, first)."""

    label = "async handles"

    def __repr__(self) -> str:
        return "<async handles>"


ASYNCS = _Asyncs()
