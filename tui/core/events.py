"""Event records and the bounded history the UI and the lab read.

Every state change of the model is one Event. The log keeps only the most
recent ones (a ring buffer) so memory stays flat however long ptview runs;
whoever needs everything (the lab printer, a trace writer) subscribes and
streams them out as they happen.
"""

from __future__ import annotations

import heapq
import math
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
    record written appends exactly one to the ring, so a record's number follows
    from its place in the ring and `count`.

    One loop writes its records in time order. Once the process has more than one
    (Workers), a loop may write a record after another loop wrote a later one, so
    the log then writes through a TimeOrder (below): records are numbered, kept and
    handed to listeners in time order across every loop.
    """

    def __init__(self, keep: int = 2000) -> None:
        self._ring: deque[tuple] = deque(maxlen=keep)
        self._append = self._ring.append
        self._count = 0
        self._listeners: list[Listener] = []
        self.order: TimeOrder | None = None   # set when the process gets a second loop

    @property
    def count(self) -> int:
        """Records written so far (the newest one's number)."""
        if self.order is not None:
            self.order.settle()
        return self._count

    def _first_seq(self) -> int:
        return self._count - len(self._ring) + 1

    @property
    def recent(self) -> list[Event]:
        if self.order is not None:
            self.order.settle()
        return [Event(seq, *r) for seq, r in enumerate(self._ring, self._first_seq())]

    def subscribe(self, fn: Listener) -> Callable[[], None]:
        self._listeners.append(fn)
        return lambda: self._listeners.remove(fn)

    def emit(self, *r) -> None:
        """emit(t, ev, task, job, op, worker, phase, result, error, detail[, thread]): positional
        (the hot paths call it per event), trailing Nones may be left out."""
        if self.order is not None:
            self.order.push(r)
            return
        # _write()'s body, inline: one call less per event on the model's hot path (every
        # event of a run without Workers comes this way; bench/run.py --only model)
        self._count += 1
        self._append(r)
        if self._listeners:
            e = Event(self._count, *r)
            for fn in self._listeners:
                fn(e)

    def _write(self, r: tuple) -> None:
        """emit() without the TimeOrder: the order hands back each record as its turn comes."""
        self._count += 1
        self._append(r)
        if self._listeners:
            e = Event(self._count, *r)
            for fn in self._listeners:
                fn(e)

    def order_by_time(self, bound: Callable[[float | None], float]) -> "TimeOrder":
        """From now on, write records in time order across loops (the process has Workers); `bound`
        as TimeOrder's. A second call keeps the first order."""
        if self.order is None:
            self.order = TimeOrder(self, bound)
        return self.order

    def settle(self) -> None:
        """Write the records every loop has gone past (a reader calls it through count/recent/since)."""
        if self.order is not None:
            self.order.settle()

    def flush(self) -> None:
        """The run is over: write every record still held, in time order (nothing is lost)."""
        if self.order is not None:
            self.order.flush()

    def phases(self, now: Callable[[], float], names: tuple[str, ...], iteration: int,
               still: bool = False) -> None:
        """The loop entered `names` one after the other (phases with nothing to run): one
        PHASE event each, stamped by `now()` as it is entered — emit() for each, in one call.

        `still`: the clock cannot move between them (sim: only the model moves it, and an
        empty phase does nothing), so one reading stamps them all."""
        t = now() if still else None
        if self.order is not None:
            push = self.order.push
            for name in names:
                push((t if still else now(), PHASE, None, None, None, None, name, None, None, iteration))
            return
        append = self._append
        listeners = self._listeners
        count = self._count
        for name in names:
            count += 1
            r = (t if still else now(), PHASE, None, None, None, None, name, None, None, iteration)
            append(r)
            if listeners:
                self._count = count
                e = Event(count, *r)
                for fn in listeners:
                    fn(e)
        self._count = count

    def since(self, seq: int) -> list[Event]:
        """Events newer than `seq` still in the buffer, oldest first (for incremental UIs)."""
        if self.order is not None:
            self.order.settle()
        out = []
        n = self._count
        for r in reversed(self._ring):
            if n <= seq:
                break
            out.append(Event(n, *r))
            n -= 1
        out.reverse()
        return out


class TimeOrder:
    """The records of every loop of a process (the main thread's, its Workers'), written in time
    order: by `t`, then in the order the model made them (a stable sort of what the loops wrote).

    Each loop makes its own records in time order, but not in step with the others: a sim
    Worker's callback charges its JavaScript time on its own clock, so it writes records
    ahead of the process's present, before the main loop writes the ones in between; a live
    Worker's records reach the process's thread after the main loop wrote later ones. So a
    record is held here until no loop can still make an earlier one: `bound(t)` says how far
    every loop has surely gone (`t`: the time of the record being pushed, or None when a
    reader asks), and what is not later than that is written, lowest `t` first.
    """

    def __init__(self, log: EventLog, bound: Callable[[float | None], float]) -> None:
        self.log = log
        self.bound = bound
        self._held: list = []
        self._made = 0   # records made so far: their order among records of the same `t`

    def hold(self, r: tuple) -> None:
        """Keep `r` until its turn (a bound that collects other threads' records calls this)."""
        self._made += 1
        heapq.heappush(self._held, (r[0], self._made, r))

    def push(self, r: tuple) -> None:
        self.hold(r)
        self.release(self.bound(r[0]))

    def settle(self) -> None:
        self.release(self.bound(None))

    def flush(self) -> None:
        self.bound(None)   # collects what other threads made
        self.release(math.inf)

    def release(self, upto: float) -> None:
        held = self._held
        write = self.log._write
        while held and held[0][0] <= upto:
            write(heapq.heappop(held)[2])

    @property
    def held(self) -> int:
        return len(self._held)


def process_bound(process) -> Callable[[float | None], float]:
    """TimeOrder's bound for a sim process (one model thread runs at a time): every loop's next
    record is at or after the process's present — the main loop's are stamped with its clock, and
    a Worker runs from the process's heap at its own next time, never behind the present. Once
    the process's loop is over no loop runs again, so everything held can go."""
    clock = process.clock

    def bound(t: float | None) -> float:
        return math.inf if process.done else clock.now()

    return bound


class ThreadEvents:
    """A Worker's loop writing into its process's one EventLog: each of its records carries
    `thread` (the Worker's threadId), so one log (the app's panes, --json, a trace) holds
    every loop of the process. Each `t` is on the process's one time axis, and the log
    writes them in time order across loops (TimeOrder)."""

    def __init__(self, log: EventLog, thread: int) -> None:
        self.log = log
        self.thread = thread

    def enter(self, process) -> None:
        """The Worker's loop joins `process` (sim): from now on its log writes in time order."""
        self.log.order_by_time(process_bound(process))

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
