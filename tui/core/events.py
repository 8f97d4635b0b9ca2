"""Event records and the bounded history the UI and the lab read.

Every state change of the model is one Event. The log keeps only the most
recent ones (a ring buffer) so memory stays flat however long ptview runs;
whoever needs everything (the lab printer, a trace writer) subscribes and
streams them out as they happen.
"""

from __future__ import annotations

from collections import deque
from typing import Callable

from tui.core.rules import rule_for

# Event kinds (the `ev` key of the JSON schema in the README).
SUBMIT = "submit"      # a task was fired, or a pool job was queued
START = "start"        # a pool job was taken by a worker
DONE = "done"          # a pool job finished on its worker (result/error)
CALLBACK = "callback"  # a JS callback ran on the loop thread, in `phase`
PHASE = "phase"        # the loop entered a phase
CANCEL = "cancel"      # a cancel attempt (result: ECANCELED or EBUSY)
POOL = "pool"          # the pool's threads were created (detail: size)
END = "end"            # a task finished: its user callback has run

_FIELDS = ("seq", "t", "ev", "task", "job", "op", "worker", "phase", "result", "error", "detail", "thread")
MAIN_THREAD = 0  # `thread` of the main thread's events; a Worker's events carry its threadId


class Event:
    __slots__ = _FIELDS

    def __init__(self, seq, t, ev, task=None, job=None, op=None, worker=None,
                 phase=None, result=None, error=None, detail=None, thread=None):
        self.seq = seq
        self.t = t
        self.ev = ev
        self.task = task
        self.job = job
        self.op = op
        self.worker = worker
        self.phase = phase
        self.result = result
        self.error = error
        self.detail = detail
        # which loop the event belongs to: None is the main thread (a record of the main loop
        # carries no thread, so its hot path builds no longer tuple); to_dict() says 0
        self.thread = thread

    @property
    def rule(self) -> str:
        """The SEMANTICS rule that put this event here (tui/core/rules.py): derived, not stored."""
        return rule_for(self.ev, self.op, self.phase, self.detail)

    def to_dict(self) -> dict:
        d = {"t": round(self.t, 3), "ev": self.ev}
        for k in _FIELDS[3:-1]:
            v = getattr(self, k)
            if v is not None:
                d[k] = v
        d["thread"] = self.thread or MAIN_THREAD
        d["rule"] = self.rule
        return d

    def __repr__(self) -> str:
        return f"Event({self.to_dict()})"


Listener = Callable[[Event], None]


class EventLog:
    """Recent events as plain tuples: an Event object is only built for a listener
    or a reader, so a headless run with nobody listening pays for a tuple per event.

    A record is emit()'s own argument tuple, without its sequence number: every
    emit appends exactly one record, so a record's number follows from its
    place in the ring and `count`.
    """

    def __init__(self, keep: int = 2000) -> None:
        self._ring: deque[tuple] = deque(maxlen=keep)
        self._append = self._ring.append
        self.count = 0
        self._listeners: list[Listener] = []

    def _first_seq(self) -> int:
        return self.count - len(self._ring) + 1

    @property
    def recent(self) -> list[Event]:
        return [Event(seq, *r) for seq, r in enumerate(self._ring, self._first_seq())]

    def subscribe(self, fn: Listener) -> Callable[[], None]:
        self._listeners.append(fn)
        return lambda: self._listeners.remove(fn)

    def emit(self, *r) -> None:
        """emit(t, ev, task, job, op, worker, phase, result, error, detail[, thread]): positional
        (the hot paths call it per event), trailing Nones may be left out."""
        self.count += 1
        self._append(r)
        if self._listeners:
            e = Event(self.count, *r)
            for fn in self._listeners:
                fn(e)

    def phases(self, now: Callable[[], float], names: tuple[str, ...], iteration: int,
               still: bool = False) -> None:
        """The loop entered `names` one after the other (phases with nothing to run): one
        PHASE event each, stamped by `now()` as it is entered — emit() for each, in one call.

        `still`: the clock cannot move between them (sim: only the model moves it, and an
        empty phase does nothing), so one reading stamps them all."""
        append = self._append
        listeners = self._listeners
        count = self.count
        t = now() if still else None
        for name in names:
            count += 1
            r = (t if still else now(), PHASE, None, None, None, None, name, None, None, iteration)
            append(r)
            if listeners:
                self.count = count
                e = Event(count, *r)
                for fn in listeners:
                    fn(e)
        self.count = count

    def since(self, seq: int) -> list[Event]:
        """Events newer than `seq` still in the buffer, oldest first (for incremental UIs)."""
        out = []
        n = self.count
        for r in reversed(self._ring):
            if n <= seq:
                break
            out.append(Event(n, *r))
            n -= 1
        out.reverse()
        return out


class ThreadEvents:
    """A Worker's loop writing into its process's one EventLog: each of its records carries
    `thread` (the Worker's threadId), so one log (the app's panes, --json, a trace) holds
    every loop of the process. Records are in the order the model made them; each `t` is
    on the process's one time axis."""

    def __init__(self, log: EventLog, thread: int) -> None:
        self.log = log
        self.thread = thread

    def emit(self, *r) -> None:
        n = len(r)
        if n < 10:
            r = r + (None,) * (10 - n)
        self.log.emit(*r[:10], self.thread)

    def phases(self, now: Callable[[], float], names: tuple[str, ...], iteration: int,
               still: bool = False) -> None:
        t = now() if still else None
        emit = self.log.emit
        for name in names:
            emit(t if still else now(), PHASE, None, None, None, None, name, None, None, iteration, self.thread)

    def __getattr__(self, name):  # count, recent, since, subscribe: the process's log
        return getattr(self.log, name)
