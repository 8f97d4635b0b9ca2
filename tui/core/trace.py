"""Chrome trace-event export (opens in Perfetto and chrome://tracing).

One process, one track for the loop thread (its phases, and the callbacks
run in them), one per Worker's loop (worker_threads), and one track per pool
worker thread (the jobs it ran, each naming the thread that submitted it). Built
from the model's event stream, so it shows exactly what the timeline shows.
Format: https://docs.google.com/document/d/1CvAClvFfyA5R-PhYUmn5OOQtYMH4h6I0nSsKchNAySU
"""

from __future__ import annotations

import json

from tui.core import events as E

PID = 1
LOOP_TID = 1
WORKER_LOOP_TID = 10_000   # a Worker's loop track: this + its threadId (pool workers are 2, 3, …)


def _us(t: float) -> float:
    return round(t * 1000.0, 3)


class TraceRecorder:
    """Subscribe to a runtime's events; `write(path)` once the run is over."""

    def __init__(self, rt, process_name: str = "node (modelled by ptview)") -> None:
        self.rt = rt
        self.process_name = process_name
        self.events: list[E.Event] = []
        rt.events.subscribe(self.events.append)

    def trace(self) -> dict:
        out: list[dict] = [
            {"name": "process_name", "ph": "M", "pid": PID, "tid": LOOP_TID, "args": {"name": self.process_name}},
            {"name": "thread_name", "ph": "M", "pid": PID, "tid": LOOP_TID, "args": {"name": "loop thread (main)"}},
            {"name": "thread_sort_index", "ph": "M", "pid": PID, "tid": LOOP_TID, "args": {"sort_index": 0}},
        ]
        evs = self.events
        end_t = max((e.t for e in evs), default=0.0)
        # every loop of the process (the main thread's, each Worker's: `thread`) on a track of its own
        loops: dict[int, list[E.Event]] = {}
        workers: set[int] = set()
        started: dict[int, E.Event] = {}
        for e in evs:
            if e.ev in (E.START, E.DONE):
                if e.ev == E.START:
                    started[e.job] = e
                    workers.add(e.worker)
                else:
                    s = started.pop(e.job, None)
                    if s is not None:
                        out.append(self._job(s, e.t, e))
            elif e.ev in (E.PHASE, E.CALLBACK) or (e.ev == E.SUBMIT and e.job is None):
                loops.setdefault(e.thread or 0, []).append(e)
        for thread in sorted(loops):
            tid = LOOP_TID if thread == 0 else WORKER_LOOP_TID + thread
            if thread:
                out.append({"name": "thread_name", "ph": "M", "pid": PID, "tid": tid,
                            "args": {"name": f"loop thread (Worker {thread})"}})
                out.append({"name": "thread_sort_index", "ph": "M", "pid": PID, "tid": tid,
                            "args": {"sort_index": WORKER_LOOP_TID + thread}})
            out.extend(self._loop(loops[thread], tid, end_t))
        for s in started.values():  # still running when the run ended (a blocked worker)
            out.append(self._job(s, end_t, None))
        for w in sorted(workers):
            out.append({"name": "thread_name", "ph": "M", "pid": PID, "tid": LOOP_TID + 1 + w,
                        "args": {"name": f"libuv worker {w}"}})
            out.append({"name": "thread_sort_index", "ph": "M", "pid": PID, "tid": LOOP_TID + 1 + w,
                        "args": {"sort_index": 1 + w}})
        return {"traceEvents": out, "displayTimeUnit": "ms",
                "otherData": {"source": "ptview model (sim)", "pool_size": self.rt.pool.size}}

    @staticmethod
    def _loop(evs: list, tid: int, end_t: float) -> list[dict]:
        """One loop thread's phases and callbacks (its events, in order)."""
        out: list[dict] = []
        # A phase or a callback ends where the loop thread does its next thing. A user callback
        # run inside a Node-internal one (a pool step's completion) is not that: it nests in it.
        loop_marks = [i for i, e in enumerate(evs)
                      if e.ev == E.PHASE or (e.ev == E.CALLBACK and e.detail != "user")]
        next_t: dict[int, float] = {}
        for a, b in zip(loop_marks, loop_marks[1:]):
            next_t[a] = evs[b].t
        following = None
        for i in range(len(evs) - 1, -1, -1):
            e = evs[i]
            if e.ev == E.CALLBACK and e.detail == "user":
                next_t[i] = following if following is not None else end_t
            elif i in next_t or (loop_marks and i == loop_marks[-1]):
                following = e.t
        phase_open: tuple[str, float, object] | None = None
        for i, e in enumerate(evs):
            if e.ev == E.PHASE:
                if phase_open is not None:
                    name, t0, it = phase_open
                    out.append({"name": name, "cat": "phase", "ph": "X", "pid": PID, "tid": tid,
                                "ts": _us(t0), "dur": _us(max(0.0, e.t - t0)), "args": {"iteration": it}})
                phase_open = None if e.phase == "exit" else (e.phase, e.t, e.detail)
            elif e.ev == E.CALLBACK:
                t1 = max(next_t.get(i, end_t), e.t)
                args = {k: v for k, v in (("task", e.task), ("phase", e.phase), ("queue", e.detail),
                                          ("result", e.result), ("error", e.error)) if v is not None}
                name = e.op or "callback"
                if e.op == "main":
                    name = "main module"
                out.append({"name": name, "cat": "callback", "ph": "X", "pid": PID, "tid": tid,
                            "ts": _us(e.t), "dur": _us(max(0.0, t1 - e.t)), "args": args})
            else:
                out.append({"name": f"fire {e.op}", "cat": "submit", "ph": "i", "s": "t", "pid": PID,
                            "tid": tid, "ts": _us(e.t), "args": {"task": e.task, "label": e.detail}})
        if phase_open is not None:
            name, t0, it = phase_open
            out.append({"name": name, "cat": "phase", "ph": "X", "pid": PID, "tid": tid, "ts": _us(t0),
                        "dur": _us(max(0.0, end_t - t0)), "args": {"iteration": it}})
        return out

    @staticmethod
    def _job(s: E.Event, t1: float, done: E.Event | None) -> dict:
        args = {"job": s.job, "task": s.task}
        if s.thread:
            args["thread"] = s.thread   # the Worker whose loop submitted it
        if done is not None and done.error:
            args["error"] = done.error
        elif done is not None and done.result is not None:
            args["result"] = done.result
        return {"name": s.op, "cat": "pool", "ph": "X", "pid": PID, "tid": LOOP_TID + 1 + s.worker,
                "ts": _us(s.t), "dur": _us(t1 - s.t), "args": args}

    def write(self, path: str) -> None:
        with open(path, "w", encoding="utf-8") as f:
            json.dump(self.trace(), f)
