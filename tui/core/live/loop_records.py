"""Live Workers' event records on their way to the process's one log, in time order.

Each live Worker's loop runs on its own OS thread and stamps its records with the
process's wall clock; only the process's thread writes the log. A record made on a
Worker's thread reaches that thread later than it was stamped (the main loop may be in
a callback meanwhile), so the log (tui/core/events.py TimeOrder) holds every record
until no loop can still make an earlier one. What it needs to know from each Worker's
thread is how far that thread has surely gone:

- it has written every record up to its latest one (`floor`: a thread stamps its
  records in order);
- it is waiting in epoll with everything written (`idle`): whatever it makes next is
  stamped after it wakes, so after the moment the process's thread saw it idle;
- it is busy in a long callback with nothing unwritten (`reached(t)`, from a busy wait);
- it has ended (`ended`).

The process's own records are stamped on its thread just before they are written.
A thread that says nothing for STALL_MS while busy (stuck, or a machine out of CPU) no
longer holds the log back: its later records may then come out of order, none is lost.
"""

from __future__ import annotations

from collections import deque

STALL_MS = 1000.0


class LoopRecords:
    """One live Worker's records, made on its thread, taken by the process's thread."""

    __slots__ = ("records", "floor", "idle", "ended")

    def __init__(self, floor: float) -> None:
        self.records: deque[tuple] = deque()   # appended by the Worker's thread, popped by the process's
        self.floor = floor                     # none of its records to come is earlier
        self.idle = False
        self.ended = False

    # -- on the Worker's thread ---------------------------------------------------------------

    def add(self, r: tuple) -> None:
        self.records.append(r)
        self.floor = r[0]   # after the append: a reader that sees this floor finds the record

    def reached(self, t: float) -> None:
        """Busy with every record written: nothing to come is earlier than `t`."""
        if t > self.floor:
            self.floor = t


class LiveLoops:
    """TimeOrder's bound for a live process: how far every loop has surely gone. Called on the
    process's thread; it also takes the Workers' new records into the order."""

    def __init__(self, clock) -> None:
        self.clock = clock
        self.sources: list[LoopRecords] = []
        self.hold = None   # TimeOrder.hold, set once the order exists

    def add(self) -> LoopRecords:
        """A new Worker's records (on the process's thread, as the Worker is made)."""
        src = LoopRecords(self.clock.now())
        self.sources.append(src)
        return src

    def __call__(self, t: float | None) -> float:
        now = self.clock.now()
        # the process's own records: `t` is the one being written, and later ones are stamped later
        lo = now if t is None or t > now else t
        hold = self.hold
        for src in list(self.sources):
            seen = self.clock.now()   # before the flags: a Worker that wakes after this stamps later
            idle, ended, floor = src.idle, src.ended, src.floor
            records = src.records
            while records:
                hold(records.popleft())
            if ended:
                self.sources.remove(src)
                continue
            b = seen if idle else floor
            if b < now - STALL_MS:
                b = now - STALL_MS
            if b < lo:
                lo = b
        return lo
