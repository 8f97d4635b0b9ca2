"""Model against reality: the same script's callbacks on ptview's model and on real node.

Both sides are reduced to the callbacks a program can tell apart by their
order, each a `Step` of a kind:
- `timer`, `immediate`, `nextTick`, `microtask`: the program's own (on node,
  resources made in its code: a tick that console.log schedules inside a
  stream is node's and left out; on the model every callback of these ops);
- `pool`: every threadpool request's completion, node's own steps included
  (readFile's open, fstat, read, close are four), since the model makes the
  same steps.
Sockets, pipes, child processes and c-ares (kind `io`) are not compared: node
serves them through handles the model does not have one for one (a fork's IPC
pipe, stdout's own pipe).

The model gives no creation site through its public events; steps are
aligned by position, kind and, for timers, immediates and ticks, creation
order (the n-th timer the program made is the same timer on both sides: the
model numbers tasks, node async ids, both in creation order). Node's side
carries its site, shown as context.
"""

from __future__ import annotations

import os
from typing import Iterable, NamedTuple

from tui.core.probe import kinds as K

COMPARED = frozenset({K.TIMER, K.IMMEDIATE, K.TICK, K.MICROTASK, K.POOL})

MODEL_KIND = {
    "setTimeout": K.TIMER, "setInterval": K.TIMER, "setImmediate": K.IMMEDIATE,
    "process.nextTick": K.TICK, "Promise.then": K.MICROTASK, "await": K.MICROTASK,
    "queueMicrotask": K.MICROTASK, "promise job": K.MICROTASK,  # the QuickJS host's one kind of job
}
POOL_PREFIXES = ("fs.", "crypto.", "zlib.")
POOL_OPS = frozenset({"dns.lookup", "dns.lookupService"})


class Step(NamedTuple):
    kind: str
    what: str       # the model's op, or node's resource type (and api)
    site: str       # node: where the resource was made (file:line:col), "" on the model
    t: float
    rank: int | None = None  # timers, immediates, ticks: which one, by creation order (ranked())


# Kinds whose callbacks belong to one resource each (an interval: one resource, many calls):
# both sides number them in creation order (model task ids, node async ids), so "the second
# timer the program made" is the same timer on both sides, whatever its delay.
RANKED = frozenset({K.TIMER, K.IMMEDIATE, K.TICK})


def ranked(steps: list[tuple[Step, int | None]]) -> list[Step]:
    """Steps with their rank: the creation order of their resource among those of their kind."""
    ids: dict[str, set[int]] = {}
    for s, rid in steps:
        if s.kind in RANKED and rid is not None:
            ids.setdefault(s.kind, set()).add(rid)
    order = {kind: {rid: i for i, rid in enumerate(sorted(v))} for kind, v in ids.items()}
    return [s._replace(rank=order[s.kind][rid]) if s.kind in RANKED and rid is not None else s
            for s, rid in steps]


def model_kind(e: dict) -> str | None:
    op, detail = e.get("op"), e.get("detail")
    if op == "main":
        return None
    if op in MODEL_KIND:
        return MODEL_KIND[op]
    if detail == "microtask":
        return K.MICROTASK
    if detail == "nextTick":
        # A Node API answering on nextTick. dns.lookup of an IP literal calls process.nextTick
        # right in lookup(), 2 frames below the program: the program's tick on node's side too.
        # A socket's 'error' comes from deep in net's internals: node's own, left out there.
        return K.IO if (op or "").startswith("net.") else K.TICK
    if op in POOL_OPS or (op or "").startswith(POOL_PREFIXES):
        return K.POOL
    return K.IO


def model_steps(events: Iterable[dict]) -> list[Step]:
    """The model's callback events (`ptview --headless SCRIPT --json`) as steps. A pool task's
    last internal step and its user callback are one JS call in node: one step."""
    steps: list[tuple[Step, int | None]] = []
    last_internal = None
    for e in events:
        if e.get("ev") != "callback":
            continue
        kind = model_kind(e)
        if kind is None:
            continue
        if e.get("detail") == "user" and last_internal is not None and \
                (last_internal.get("task"), last_internal["t"]) == (e.get("task"), e["t"]):
            last_internal = None
            continue
        last_internal = e if e.get("detail") == "internal" else None
        if kind in COMPARED:
            steps.append((Step(kind, e.get("op", "?"), "", e["t"]), e.get("task")))
    return ranked(steps)


def real_steps(events: Iterable[dict]) -> list[Step]:
    """Real node's callback events (`ptview --headless --node --json`) as steps."""
    steps: list[tuple[Step, int | None]] = []
    for e in events:
        if e.get("ev") != "callback":
            continue
        kind = e.get("kind")
        if kind not in COMPARED or (e.get("internal") and kind != K.POOL):
            continue
        steps.append((Step(kind, e.get("op", "?"), e.get("site", ""), e["t"]), e.get("task")))
    return ranked(steps)


def kinds(steps: list[Step]) -> tuple[tuple[str, int | None], ...]:
    """What is compared: each step's kind and, for timers, immediates and ticks, which one."""
    return tuple((s.kind, s.rank) for s in steps)


def first_divergence(a: list[Step], b: list[Step]) -> int | None:
    """Index of the first step that differs in kind or rank (or where one side ends first); None if the same."""
    for i, (x, y) in enumerate(zip(a, b)):
        if (x.kind, x.rank) != (y.kind, y.rank):
            return i
    if len(a) != len(b):
        return min(len(a), len(b))
    return None


class Verdict(NamedTuple):
    same: bool
    timing_dependent: bool   # node itself ran the callbacks in more than one order
    orders: int              # distinct orders node showed over the runs
    runs: int
    model: list[Step]
    real: list[Step]         # the node run compared (one the model matches, else the first)
    at: int | None           # first divergence


def judge(model: list[Step], real_runs: list[list[Step]]) -> Verdict:
    orders = {kinds(r) for r in real_runs}
    mk = kinds(model)
    match = next((r for r in real_runs if kinds(r) == mk), None)
    real = match if match is not None else real_runs[0]
    return Verdict(match is not None, len(orders) > 1, len(orders), len(real_runs), model, real,
                   None if match is not None else first_divergence(model, real))


def context(steps: list[Step], at: int, before: int = 3, after: int = 2) -> list[tuple[int, Step | None]]:
    """Steps around `at` (None past the end, to show that one side stopped there)."""
    out: list[tuple[int, Step | None]] = [(i, steps[i]) for i in range(max(0, at - before), min(at, len(steps)))]
    for i in range(at, at + after + 1):
        out.append((i, steps[i] if i < len(steps) else None))
        if i >= len(steps):
            break
    return out


def run_model(path: str, source: str) -> list[dict]:
    """The model's callback events for a script, through ScriptRun's public event stream (the same
    events `ptview --headless SCRIPT.js --json` prints); the script's output is dropped.
    ScriptError propagates: ptview refuses the script."""
    from tui.core.script.runner import ScriptRun

    events: list[dict] = []
    run = ScriptRun(path, source, write=_drop, write_err=_drop,
                    pool_env=os.environ.get("UV_THREADPOOL_SIZE"))
    run.rt.events.subscribe(lambda e: events.append(e.to_dict()) if e.ev == "callback" else None)
    run.run()
    return events


def _drop(_text: str) -> None:
    pass
