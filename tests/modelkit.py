"""Helpers for model tests: a runtime with exact (jitter-free) costs and an event list."""

from __future__ import annotations

from tui.core.ops import NodeAPI
from tui.core.runtime import Runtime
from tui.core.sim_work import SimWork


def make(pool_size: int = 4, jitter: float = 0.0, **costs) -> tuple[Runtime, NodeAPI, list]:
    costs = {k.replace("__", "."): v for k, v in costs.items()}
    costs.setdefault("jitter", jitter)
    rt = Runtime(pool_size, work=SimWork(seed=1, costs=costs))
    events: list = []
    rt.events.subscribe(events.append)
    return rt, NodeAPI(rt), events


def run(rt: Runtime, main, until=None) -> str:
    rt.start(main)
    return rt.run(until=until)


def of(events, ev, **match):
    out = []
    for e in events:
        if e.ev != ev:
            continue
        if all(getattr(e, k) == v for k, v in match.items()):
            out.append(e)
    return out


def max_concurrent(events, op=None) -> int:
    cur = best = 0
    for e in events:
        if op is not None and e.op != op:
            continue
        if e.ev == "start":
            cur += 1
            best = max(best, cur)
        elif e.ev == "done":
            cur -= 1
    return best
