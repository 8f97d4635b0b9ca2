"""What a real node is doing now, rebuilt from its probe events: the app's loop and pool panes.

`RealState.apply(event)` follows the events in order; `snapshot()` is an
immutable view a widget renders. Queues are what async_hooks lets us count:
- timers: `Timeout`s created and not destroyed (an interval stays until cleared);
- immediates, ticks: created and not yet called;
- microtasks: `queueMicrotask` callbacks not yet run, and promise reactions whose
  promise's parent has settled (`promiseResolve`) but which have not run yet;
- pool: threadpool requests created and not yet called back (queued or running:
  the hooks cannot tell which; attach with --pid to see the threads).
Everything is bounded by the number of live resources (tui.core.probe.lines).
"""

from __future__ import annotations

from typing import NamedTuple

from tui.core.probe import kinds as K

SHOWN = 8   # entries listed per queue in a snapshot (the counts are exact)


class Waiting(NamedTuple):
    id: int
    op: str
    site: str
    since: float   # ms since the probe started


class RealSnapshot(NamedTuple):
    t: float
    pid: int | None
    version: str | None
    phase: str                       # inferred
    running: Waiting | None          # the innermost callback running now
    timers: tuple[int, tuple[Waiting, ...]]
    immediates: tuple[int, tuple[Waiting, ...]]
    ticks: tuple[int, tuple[Waiting, ...]]
    microtasks: tuple[int, tuple[Waiting, ...]]
    pool: tuple[int, tuple[Waiting, ...]]
    pool_by_type: tuple[tuple[str, int], ...]
    callbacks: int
    callbacks_by_kind: tuple[tuple[str, int], ...]
    exit_code: int | None


class RealState:
    def __init__(self) -> None:
        self.t = 0.0
        self.pid: int | None = None
        self.version: str | None = None
        self.phase = "main"
        self.stack: list[Waiting] = []
        self.timers: dict[int, Waiting] = {}
        self.immediates: dict[int, Waiting] = {}
        self.ticks: dict[int, Waiting] = {}
        self.microtasks: dict[int, Waiting] = {}
        self.pool: dict[int, Waiting] = {}
        self.reactions: dict[int, list[Waiting]] = {}   # promise id → reactions waiting for it to settle
        self.callbacks = 0
        self.by_kind: dict[str, int] = {}
        self.exit_code: int | None = None

    def apply(self, e: dict) -> None:
        ev = e["ev"]
        self.t = e["t"]
        if ev == "submit":
            self._created(e)
        elif ev == "callback":
            self._called(e)
        elif ev == "after":
            rid = e["task"]
            if any(w.id == rid for w in self.stack):
                while self.stack and self.stack.pop().id != rid:
                    pass
        elif ev == "resolve":
            for w in self.reactions.pop(e["task"], ()):
                self.microtasks[w.id] = w
        elif ev == "destroy":
            rid = e["task"]
            for queue in (self.timers, self.immediates, self.ticks, self.microtasks, self.pool):
                queue.pop(rid, None)
            self.reactions.pop(rid, None)
        elif ev == "phase":
            if e["phase"] == "exit":
                self.exit_code = e.get("result")
            else:
                self.phase = e["phase"]
        elif ev == "process":
            self.pid = e.get("pid")
            self.version = (e.get("detail") or "").removeprefix("node ") or None

    def _created(self, e: dict) -> None:
        kind = e.get("kind")
        w = Waiting(e["task"], e.get("op", "?"), e.get("site", ""), e["t"])
        if kind == K.TIMER:
            self.timers[w.id] = w
        elif kind == K.IMMEDIATE:
            self.immediates[w.id] = w
        elif kind == K.TICK:
            self.ticks[w.id] = w
        elif kind == K.POOL:
            self.pool[w.id] = w
        elif kind == K.MICROTASK:
            if w.op == "Microtask":
                self.microtasks[w.id] = w
            elif e.get("trigger") is not None:
                # A promise made by .then()/await: its reaction is queued once its parent settles.
                # Bounded: a parent's list goes when it settles or is destroyed.
                self.reactions.setdefault(e["trigger"], []).append(w)

    def _called(self, e: dict) -> None:
        rid = e["task"]
        self.phase = e.get("phase", self.phase)
        kind = e.get("kind", K.OTHER)
        for queue in (self.immediates, self.ticks, self.microtasks, self.pool):
            queue.pop(rid, None)
        w = self.timers.get(rid) or Waiting(rid, e.get("op", "?"), e.get("site", ""), e["t"])
        self.stack.append(w)
        self.callbacks += 1
        self.by_kind[kind] = self.by_kind.get(kind, 0) + 1

    def snapshot(self) -> RealSnapshot:
        def listed(q: dict) -> tuple[int, tuple[Waiting, ...]]:
            items = []
            for w in q.values():  # oldest first: dicts keep insertion order
                items.append(w)
                if len(items) == SHOWN:
                    break
            return len(q), tuple(items)

        running_ids = {w.id for w in self.stack}
        timers = {k: v for k, v in self.timers.items() if k not in running_ids}
        by_type: dict[str, int] = {}
        for w in self.pool.values():
            by_type[w.op] = by_type.get(w.op, 0) + 1
        return RealSnapshot(
            self.t, self.pid, self.version, self.phase, self.stack[-1] if self.stack else None,
            listed(timers), listed(self.immediates), listed(self.ticks), listed(self.microtasks),
            listed(self.pool), tuple(sorted(by_type.items())), self.callbacks,
            tuple(sorted(self.by_kind.items())), self.exit_code)


def replay(events, upto: int | None = None) -> RealState:
    """The state after the first `upto` events (all of them by default): pause and scroll back."""
    s = RealState()
    for i, e in enumerate(events):
        if upto is not None and i >= upto:
            break
        s.apply(e)
    return s
