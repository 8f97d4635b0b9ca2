"""What the sim lab and the live lab share: argument parsing, the main module of fires,
the printers (text timeline, JSON lines) and the summary."""

from __future__ import annotations

import gc
import json
import os
import sys
import time

from tui.errors import UsageError
from tui.core import events as E
from tui.core.describe import describe, who
from tui.core.ops import NodeAPI
from tui.core.pool import threadpool_size_from_env
from tui.core.runtime import BLOCKED, IDLE, Runtime
from tui.core.errors import echo
from tui.core.sim_work import DEFAULT_COSTS, SimWork, check_cost
from tui.core.spec import SpecError, parse_specs
from tui.core.untrusted import shown


def parse_costs(items: list[str]) -> dict[str, float]:
    costs = {}
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or name not in DEFAULT_COSTS:
            raise UsageError(f"--cost {echo(item)}: expected NAME=MS with NAME one of {', '.join(DEFAULT_COSTS)}")
        try:
            v = float(value)
        except ValueError:
            raise UsageError(f"--cost {echo(item)}: {echo(value)} is not a number") from None
        why = check_cost(name, v)
        if why is not None:
            raise UsageError(f"--cost {echo(item)}: {name} must be {why}")
        costs[name] = v
    return costs


def pool_size(args) -> int:
    if args.pool_size is not None:
        return args.pool_size
    return threadpool_size_from_env(os.environ.get("UV_THREADPOOL_SIZE"))


def attach_printer(args, rt: Runtime, out, title: str):
    """Stream events to `out` as the lab prints them (None with --summary)."""
    if args.summary:
        return None
    printer = JsonPrinter(out) if args.json else TextPrinter(out, rt)
    rt.events.subscribe(printer)
    if not args.json:
        out.write(f"ptview lab · {title}\n")
    return printer


def run_main_module(rt: Runtime) -> None:
    """The first step: the main module fires everything, synchronously.

    What it creates (up to millions of tasks) lives until its turn. CPython's GC,
    tuned for steady state, would walk that growing heap again and again — two
    thirds of the run for 100,000 fires — for no garbage: nothing runs JS yet.
    So no collection while it runs, and what exists after it is never walked
    again (gc.freeze; it is still freed by refcount when its task is done).
    """
    was = gc.isenabled()
    gc.disable()
    try:
        rt.step()
    finally:
        if was:
            gc.enable()
    gc.freeze()


def main_module(rt: Runtime, specs):
    """The fires as a script's top level: each call in order, each costing the loop `main_op`."""
    api = NodeAPI(rt)
    main_cost = rt.work.cost("main_op")

    def main():
        for spec in specs:
            for _ in range(spec.count):
                spec.fire_one(api)
                rt.consume(main_cost)

    return main


def print_summary(args, rt: Runtime, ended: str, wall: float, printer, out, **extra) -> None:
    rt.events.flush()  # the run is over: the records the log still held (Workers') print before the totals
    summary = summarize(rt, ended, wall)
    summary.update(extra)
    if args.summary and args.json:
        out.write(json.dumps(summary) + "\n")
    elif args.summary or not args.json:
        if printer is not None:
            out.write("\n")
        out.write(format_summary(summary))
    out.flush()


def summarize(rt: Runtime, ended: str, wall: float) -> dict:
    p = rt.pool
    jobs = p.done + p.failed
    blocked = [
        {"worker": w.index, "job": w.job.id, "op": w.job.op, "label": w.job.label}
        for w in p.workers if w.job is not None
    ]
    return {
        "ended": ended,
        "model_ms": round(rt.clock.now(), 3),
        "wall_s": round(wall, 6),
        "jobs_per_s": round(jobs / wall, 1) if wall > 0 else None,
        "pool_size": p.size,
        "tasks": dict(rt.task_counts),
        "jobs": {"submitted": p.submitted, "done": p.done, "failed": p.failed, "cancelled": p.cancelled,
                 "in_flight": p.in_flight()},
        "mean_wait_ms": round(p.wait_total / max(1, p.started), 3),
        "mean_run_ms": round(p.run_total / max(1, jobs), 3),
        "utilisation": round(p.utilisation(), 4),
        "iterations": rt.loop.iteration,
        "callbacks": rt.loop.callbacks_run,
        "events": rt.events.count,
        "still_running": blocked,
    }


def format_summary(s: dict) -> str:
    t, j = s["tasks"], s["jobs"]
    lines = [
        f"tasks    {t['submitted']} fired: {t['done']} done, {t['failed']} failed, {t['cancelled']} cancelled",
        f"pool     {j['submitted']} jobs on {s['pool_size']} workers: {j['done']} done, {j['failed']} failed, "
        f"{j['cancelled']} cancelled, {j['in_flight']} in flight; mean wait {s['mean_wait_ms']:.3f} ms, "
        f"mean run {s['mean_run_ms']:.3f} ms, utilisation {s['utilisation'] * 100:.0f}%",
        f"loop     {s['iterations']} iterations, {s['callbacks']} callbacks",
        f"time     {s['model_ms']:.3f} ms {'on the wall clock' if s.get('mode') == 'live' else 'model'}, "
        f"{s['wall_s']:.3f} s wall"
        + (f", {s['jobs_per_s']:,.0f} pool jobs/s" if s["jobs_per_s"] is not None and j["submitted"] else ""),
    ]
    if s["ended"] == IDLE:
        lines.append("ended    the loop had nothing left to do")
    elif s["ended"] == BLOCKED:
        lines.append("ended    blocked: the loop is alive but nothing can ever happen")
    elif s["ended"] == "interrupted":
        lines.append(f"ended    interrupted by signal {s.get('signal')}: queued work cancelled, nothing left running")
    else:
        lines.append("ended    at the --until limit, with work still in flight")
    for b in s["still_running"]:
        lines.append(f"         pool w{b['worker']} still runs job {b['job']} ({shown(b['label'])})")
    for th in s.get("threads", ()):
        lines.append(f"thread   pool w{th['worker']} = tid {th['tid']} '{shown(th['comm'])}'")
    return "\n".join(lines) + "\n"


class JsonPrinter:
    def __init__(self, out) -> None:
        self.out = out

    def __call__(self, e: E.Event) -> None:
        self.out.write(json.dumps(e.to_dict()) + "\n")


class TextPrinter:
    """A readable timeline: who (loop thread, worker K, pool) did what, when."""

    def __init__(self, out, rt: Runtime) -> None:
        self.out = out
        self.rt = rt
        self.phases: dict[int, tuple] = {}  # each loop's (iteration, phase): the main thread's and each Worker's
        self.shown_phase: tuple | None = None
        self.held: E.Event | None = None

    def line(self, t: float, who: str, what: str) -> None:
        # `what` quotes labels, results and errors: paths and hosts the user (or a file) chose.
        self.out.write(f"{t:12.3f}  {who:<9} {shown(what)}\n")

    def __call__(self, e: E.Event) -> None:
        held = self.held
        if held is not None:
            self.held = None
            # A one-step task's completion and its user callback are one JS call in Node.
            if not (e.ev == E.CALLBACK and e.detail == "user" and e.task == held.task and e.t == held.t):
                self._show(held)
        if e.ev == E.CALLBACK and e.detail == "internal":
            self.held = e
            return
        self._show(e)

    def _show(self, e: E.Event) -> None:
        ev = e.ev
        thread = e.thread or 0
        # A Worker's loop has its own iterations and phases: its headers say whose they are.
        whose = f"Worker {thread} · " if thread else ""
        if ev == E.PHASE:
            self.phases[thread] = (e.detail, e.phase)
            if e.phase == "exit":
                self.line(e.t, who(e), f"exit after {e.detail} iterations: nothing keeps the loop alive")
            return
        if ev == E.CALLBACK and e.op == "main":
            self.out.write(f"{'':12}  ── {whose}main module\n")
            self.shown_phase = (thread, 0, "main")
            return
        if ev == E.CALLBACK:
            phase = self.phases.get(thread)
            key = (thread, *phase) if e.phase != "main" and phase is not None else (thread, 0, "main")
            if key != self.shown_phase:
                self.shown_phase = key
                title = "main module" if key[2] == "main" else f"iteration {key[1]} · {key[2]} phase"
                self.out.write(f"{'':12}  ── {whose}{title}\n")
        text = describe(e, with_phase=False)
        if text is not None:
            self.line(e.t, who(e), text)
