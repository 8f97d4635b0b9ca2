"""One line of plain English per event, shared by the lab's timeline and the app's log."""

from __future__ import annotations

from tui.core import events as E


def who(e: E.Event) -> str:
    """The thread that did it: a pool thread ("pool w1", as the pool pane's rows name it), the
    pool, or a loop — the main thread's ("loop"), or a Worker's ("Worker 2"): a process runs one
    loop per thread running JavaScript. Not "worker 1" for a pool thread: beside "Worker 2" a
    room reads the two as the same kind of thread, which is the confusion scene 9 is about."""
    if e.ev in (E.START, E.DONE):
        return f"pool w{e.worker}"
    if e.ev == E.POOL:
        return "pool"
    return f"Worker {e.thread}" if e.thread else "loop"


def _task(e: E.Event) -> str:
    """`#7`, or `W2 #7` for a task of Worker 2's loop (the pool's lines name the loop a job came from)."""
    return f"W{e.thread} #{e.task}" if e.thread else f"#{e.task}"


def describe(e: E.Event, with_phase: bool = True) -> str | None:
    """None for events a reader does not need (phase changes are shown as headers)."""
    ev = e.ev
    if ev == E.CALLBACK:
        if e.op == "main":
            return "run the main module"
        what = f"#{e.task} {e.op}" if e.task is not None else f"{e.op}"  # who() names a Worker's loop
        if e.detail == "internal":
            what += " (Node internal)"
        elif e.detail in ("nextTick", "microtask"):
            what += f" ({e.detail} queue)"
        if e.error:
            what += f" × {e.error}"
        elif e.result is not None:
            what += f" → {e.result}"
        return f"callback [{e.phase}] {what}" if with_phase else f"callback {what}"
    if ev == E.SUBMIT:
        if e.job is None:
            return f"fire     #{e.task} {e.detail}"
        return f"queue    job {e.job} {e.op} ({_task(e)}, {e.detail})"
    if ev == E.START:
        return f"start    job {e.job} {e.op} ({_task(e)})"
    if ev == E.DONE:
        res = f"× {e.error}" if e.error else (f"→ {e.result}" if e.result is not None else "ok")
        return f"done     job {e.job} {e.op} ({_task(e)}) {res}"
    if ev == E.POOL:
        return f"created  {e.detail} worker thread{'s' if e.detail != 1 else ''} (on the first request)"
    if ev == E.CANCEL:
        return f"cancel   job {e.job} {e.op}: {e.result or e.error}"
    return None
