"""A task is one user-visible operation (one fs.readFile, one setTimeout…).

It may be several pool jobs in a row (SEMANTICS.md §3.2); its state is
derived from its current job so that there is one source of truth.
"""

from __future__ import annotations

from typing import Any


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
        """Its story for the details view: submitted, waited, ran on worker K, called back."""
        out = [f"{self.t_submit:10.3f} ms  submitted: {self.label}"]
        for j in self.jobs:
            if j.t_start is not None:
                out.append(f"{j.t_start:10.3f} ms  {j.op} started on worker {j.worker} "
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
