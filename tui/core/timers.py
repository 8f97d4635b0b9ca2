"""Node's JS timers (lib/internal/timers.js) on top of one uv_timer_t.

One FIFO list per duration; the lists sit in a priority queue ordered by
(expiry, list id); `processTimers(now)` runs every due timer of every due
list with `runNextTicks()` between two timers (SEMANTICS.md §3.4).
"""

from __future__ import annotations

import heapq
import math
from collections import deque
from typing import TYPE_CHECKING

from tui.core.callbacks import Callback

if TYPE_CHECKING:
    from tui.core.model_host import TimerLoop

TIMEOUT_MAX = 2**31 - 1


def coerce_delay(after) -> int:
    """`class Timeout` constructor: after *= 1; outside [1, TIMEOUT_MAX] → 1; then trunc.

    Accepts what JS would coerce: numbers, numeric strings, None (→ NaN → 1).
    Returns (delay, overflowed) as Node also warns with TimeoutOverflowWarning.
    """
    return coerce_delay_warn(after)[0]


def coerce_delay_warn(after) -> tuple[int, bool]:
    value = _to_number(after)
    if not (value >= 1 and value <= TIMEOUT_MAX):  # NaN fails both comparisons, as in JS
        return 1, value > TIMEOUT_MAX
    return math.trunc(value), False


def _to_number(v) -> float:
    if v is None:
        return math.nan
    if isinstance(v, bool):
        return 1.0 if v else 0.0
    if isinstance(v, (int, float)):
        return float(v)
    if isinstance(v, str):
        s = v.strip()
        if s == "":
            return 0.0
        try:
            if s.lower().startswith(("0x", "-0x", "+0x")):
                return float(int(s, 16)) if not s.startswith(("-", "+")) else math.nan
            if s in ("Infinity", "+Infinity"):
                return math.inf
            if s == "-Infinity":
                return -math.inf
            if any(c.isalpha() and c not in "eE" for c in s):
                return math.nan
            return float(s)
        except ValueError:
            return math.nan
    return math.nan


class Timer:
    __slots__ = ("id", "cb", "msecs", "idle_start", "repeat", "destroyed", "list", "refed")

    def __init__(self, tid: int, cb: Callback, msecs: int, repeat: bool) -> None:
        self.id = tid
        self.cb = cb
        self.msecs = msecs
        self.idle_start = 0
        self.repeat = msecs if repeat else None
        self.destroyed = False
        self.list: TimerList | None = None
        self.refed = True  # timeout.unref(): the timer no longer keeps the loop alive


class TimerList:
    __slots__ = ("msecs", "expiry", "id", "timers")

    def __init__(self, msecs: int, expiry: int, lid: int) -> None:
        self.msecs = msecs
        self.expiry = expiry
        self.id = lid
        self.timers: deque[Timer] = deque()


class NodeTimers:
    def __init__(self, loop: "TimerLoop") -> None:
        self.loop = loop
        self.lists: dict[int, TimerList] = {}   # timerListMap
        self._pq: list = []                      # (expiry, id, list), lazily cleaned
        self._list_id = 0
        self._timer_id = 0
        self.next_expiry = math.inf
        self.ref_count = 0

    # -- queue helpers ---------------------------------------------------------------

    def _push(self, tl: TimerList) -> None:
        heapq.heappush(self._pq, (tl.expiry, tl.id, tl))

    def _peek(self) -> TimerList | None:
        pq = self._pq
        while pq:
            expiry, lid, tl = pq[0]
            if self.lists.get(tl.msecs) is tl and tl.expiry == expiry and tl.id == lid:
                return tl
            heapq.heappop(pq)  # stale entry: list re-keyed or deleted
        return None

    # -- setTimeout / setInterval / clearTimeout --------------------------------------

    def add(self, cb: Callback, after, repeat: bool = False) -> Timer:
        msecs = coerce_delay(after)
        self._timer_id += 1
        t = Timer(self._timer_id, cb, msecs, repeat)
        self.ref_count += 1
        self._insert(t, msecs, self.loop.libuv_now())
        return t

    def _insert(self, t: Timer, msecs: int, start: int) -> None:
        t.idle_start = start
        tl = self.lists.get(msecs)
        if tl is None:
            expiry = start + msecs
            self._list_id += 1
            tl = TimerList(msecs, expiry, self._list_id)
            self.lists[msecs] = tl
            self._push(tl)
            if self.next_expiry > expiry:
                self.loop.schedule_uv_timer(msecs)
                self.next_expiry = expiry
        t.list = tl
        tl.timers.append(t)

    def clear(self, t: Timer | None) -> None:
        if t is None or t.destroyed:
            return
        t.destroyed = True
        if t.refed:
            self.ref_count -= 1
        tl = t.list
        if tl is not None:
            try:
                tl.timers.remove(t)
            except ValueError:
                pass
            if not tl.timers and self.lists.get(tl.msecs) is tl:
                del self.lists[tl.msecs]
            t.list = None

    def set_ref(self, t: Timer, on: bool) -> None:
        """timeout.ref()/unref() (lib/internal/timers.js): only ref'd timers keep the loop alive."""
        if t.refed == on:
            return
        t.refed = on
        if not t.destroyed:
            self.ref_count += 1 if on else -1

    def refresh(self, t: Timer) -> None:
        """timeout.refresh(): start the same timer again from now, with its duration."""
        if t.destroyed:
            return
        tl = t.list
        if tl is not None:
            try:
                tl.timers.remove(t)
            except ValueError:
                pass
            if not tl.timers and self.lists.get(tl.msecs) is tl:
                del self.lists[tl.msecs]
        self._insert(t, t.msecs, self.loop.libuv_now())

    def pending(self) -> list[Timer]:
        out = []
        for tl in sorted(self.lists.values(), key=lambda l: (l.expiry, l.id)):
            out.extend(tl.timers)
        return out

    # -- processTimers(now), a generator so that every callback can take model time --

    def process(self, now: int):
        loop = self.loop
        self.next_expiry = math.inf
        ran_one_list = False
        while True:
            tl = self._peek()
            if tl is None:
                return 0
            if tl.expiry > now:
                self.next_expiry = tl.expiry
                return tl.expiry if self.ref_count > 0 else -tl.expiry
            if ran_one_list:
                yield from loop.drain()
            else:
                ran_one_list = True
            yield from self._list_on_timeout(tl, now)

    def _list_on_timeout(self, tl: TimerList, now: int):
        loop = self.loop
        ran_one = False
        while tl.timers:
            t = tl.timers[0]
            diff = now - t.idle_start
            if diff < tl.msecs:
                # Not due yet in this list: re-key the list (a fresh id puts it behind equals).
                tl.expiry = max(t.idle_start + tl.msecs, now + 1)
                self._list_id += 1
                tl.id = self._list_id
                self._push(tl)
                return
            if ran_one:
                yield from loop.drain()
                if t.destroyed or not tl.timers or tl.timers[0] is not t:
                    continue  # cleared by a tick or microtask that just ran
            else:
                ran_one = True
            tl.timers.popleft()
            t.list = None
            start = loop.libuv_now() if t.repeat is not None else 0
            t.cb.ready_at = t.idle_start + t.msecs
            yield from loop.invoke(t.cb, "timers")
            if t.repeat is not None and not t.destroyed:
                self._insert(t, t.repeat, start)
            elif not t.destroyed:
                t.destroyed = True
                if t.refed:
                    self.ref_count -= 1
        if self.lists.get(tl.msecs) is tl:
            del self.lists[tl.msecs]
