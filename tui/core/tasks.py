"""A task is one user-visible operation (one fs.readFile, one setTimeout…).

It may be several pool jobs in a row (SEMANTICS.md §3.2); its state is
derived from its current job so that there is one source of truth.
"""

from __future__ import annotations

from typing import Any, NamedTuple


class Task:
    __slots__ = ("id", "op", "arg", "label", "t_submit", "t_end", "jobs", "current",
                 "result", "error", "phase", "finished", "cancelled", "waiting_on")

    def __init__(self, tid: int, op: str, arg: Any, label: str, t: float) -> None:
        self.id = tid
        self.op = op
        self.arg = arg
        self.label = label
        self.t_submit = t
        self.t_end: float | None = None
        self.jobs: list = []          # every pool Job it used, in order
        self.current = None           # the Job in flight, if any
        self.result: Any = None
        self.error = None
        self.phase: str | None = None  # where its user callback ran
        self.finished = False
        self.cancelled = False
        self.waiting_on: str | None = None  # what it waits for when no job is in flight

    @property
    def state(self) -> str:
        if self.finished:
            if self.cancelled:
                return "cancelled"
            return "failed" if self.error is not None else "done"
        job = self.current
        if job is not None:
            return {"queued": "queued", "running": "running"}.get(job.state, "completed")
        return "waiting"

    def life(self) -> list[str]:
        """Its story for the details view: submitted, waited, ran on pool thread wK, called back."""
        out = [f"{self.t_submit:10.3f} ms  submitted: {self.label}"]
        for j in self.jobs:
            if j.t_start is not None:
                out.append(f"{j.t_start:10.3f} ms  {j.op} started on pool thread w{j.worker} "
                           f"after waiting {j.t_start - j.t_submit:.3f} ms in the queue")
            if j.t_done is not None:
                how = f"failed {j.error.code}" if j.error is not None else "finished"
                if j.state == "cancelled":
                    how = "cancelled while queued (ECANCELED)"
                ran = f" after {j.t_done - j.t_start:.3f} ms" if j.t_start is not None else ""
                out.append(f"{j.t_done:10.3f} ms  {j.op} {how}{ran}")
        if self.finished:
            what = f"error {self.error.code}: {self.error.message}" if self.error is not None else f"result {self.result}"
            out.append(f"{self.t_end:10.3f} ms  callback in the {self.phase} phase: {what}")
        elif self.waiting_on:
            out.append(f"           waiting for {self.waiting_on}")
        return out


class TaskRef(NamedTuple):
    """Which task, in a process with several loops: task ids are per loop (each Worker's loop
    numbers its own from 1), so a task is its loop (0: the main thread, else a Worker's
    threadId) and its id there."""

    thread: int
    id: int

    @property
    def label(self) -> str:
        """'#3' on the main thread, 'W1 #3' on Worker 1: as the panes label a Worker's jobs."""
        return f"W{self.thread} #{self.id}" if self.thread else f"#{self.id}"


def loop_of(rt, thread: int):
    """The runtime of loop `thread` of the process whose main thread's runtime is `rt` (None once
    that Worker has exited)."""
    return rt if not thread else rt.threads.get(thread)


def find_task(rt, ref: TaskRef) -> Task | None:
    loop = loop_of(rt, ref.thread)
    return loop.task(ref.id) if loop is not None else None


def every_task(rt) -> list[TaskRef]:
    """Every task the process's loops still keep (`rt`: the main thread's runtime), in the order
    they were submitted; at the same time, the main thread's first, then by threadId."""
    refs = [(t.t_submit, 0, t.id) for t in list(rt.tasks.values())]
    for n, loop in sorted(list(rt.threads.items())):
        refs.extend((t.t_submit, n, t.id) for t in list(loop.tasks.values()))
    refs.sort()
    return [TaskRef(n, tid) for _, n, tid in refs]


def cancel(loop, task: Task) -> str:
    """uv_cancel on the task's queued job, from its own loop's runtime `loop`: 'ECANCELED' if it was
    still queued, else 'EBUSY'."""
    job = task.current
    if task.finished or job is None:
        return "EBUSY"
    return "EBUSY" if loop.pool.cancel(job) else "ECANCELED"
