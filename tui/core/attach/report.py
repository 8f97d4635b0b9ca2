"""The `--watch` summary of a sampler snapshot: one JSON document (exact values), or text for a terminal
(names and paths through shown())."""

from __future__ import annotations

from typing import Any

from tui.core.attach.snapshot import Snapshot, ThreadSnapshot
from tui.core.untrusted import shown

TOP_JSON = 5
TOP_TEXT = 3


def _r(x: float | None, nd: int = 1) -> float | None:
    return None if x is None else round(x, nd)


def _has_pool(snap: Snapshot) -> bool:
    return any(t.role == "libuv worker" for t in snap.threads)


def _thread_doc(t: ThreadSnapshot) -> dict[str, Any]:
    s = t.run
    return {
        "tid": t.tid,
        "name": t.name,
        "role": t.role,
        "role_inferred": t.role_inferred,
        "alive": t.alive,
        "samples": s.samples,
        "busy_pct": _r(s.busy_pct),
        "cpu_pct": _r(s.cpu_pct),
        "longest_busy_s": _r(s.longest_busy_s, 2),
        # busy since before the first sample (the watch began in the middle of a busy stretch, which is
        # counted from there: longest_busy_s may then be a lower bound); the thread's age bounds it
        "busy_at_start": t.busy_open,
        "age_s": _r(t.age_s, 1),
        "activities": [
            {"what": a.what, "target": a.target, "idle": a.idle, "share": round(a.share, 3)}
            for a in s.activities[:TOP_JSON]
        ],
    }


def to_doc(snap: Snapshot, requested_s: float | None = None) -> dict[str, Any]:
    return {
        "pid": snap.pid,
        "seconds": round(snap.elapsed_s, 2),
        "requested_seconds": requested_s,
        "hz": round(snap.hz_run, 2),  # achieved: samples per second over the run
        "hz_asked": snap.hz_asked,
        "threads_per_sample": snap.threads_per_tick,  # null: every thread in every sample
        "samples": snap.ticks,
        "overruns": snap.overruns,
        "syscall_readable": snap.syscall_readable,
        "is_node": snap.is_node,
        # what Node was started with, as read from NODE_OPTIONS, its command line and UV_THREADPOOL_SIZE
        # (null for a process that is not Node); the size is libuv's default when environ was not readable
        "node": None if snap.node is None else {
            "v8_pool_size": snap.node.v8_pool_size,
            "uv_threadpool_size": snap.node.uv_pool_size,
            "uv_threadpool_size_known": snap.node.uv_pool_known,
            "inspector": snap.node.inspector,
        },
        "exited": snap.ended == "exited",
        # without syscall lines a worker blocked in read(2) looks asleep: no verdict; and a
        # process with no libuv pool (none yet, or not Node) has nothing to saturate: null, not 0
        "saturated_pct": _r(snap.saturated_run_pct) if snap.syscall_readable and _has_pool(snap) else None,
        "threads": [_thread_doc(t) for t in snap.threads],
    }


def _lowered(snap: Snapshot) -> str:
    """Why the rate achieved is below the one asked for, when the sampler lowered it."""
    if snap.hz_run >= 0.9 * snap.hz_asked and snap.threads_per_tick is None:
        return ""
    per = f", {snap.threads_per_tick:,} threads per sample" if snap.threads_per_tick else ""
    return f" (asked {snap.hz_asked:g} Hz: lowered to keep the sampler under 2 % of a core{per})"


def to_text(snap: Snapshot) -> str:
    what = "Node.js" if snap.is_node else "not recognised as Node.js: no thread roles"
    lines = [
        f"pid {snap.pid} ({what}): {snap.ticks} samples over {snap.elapsed_s:.1f} s at {snap.hz_run:.1f} Hz"
        + _lowered(snap) + (f", {snap.overruns} ticks skipped" if snap.overruns else ""),
    ]
    if snap.syscall_readable is False:
        lines.append("system calls not readable (no ptrace permission): activity is scheduler state only")
    if snap.node is not None:
        n = snap.node
        pool = f"{n.uv_pool_size}" + ("" if n.uv_pool_known else " (assumed: environ not readable)")
        lines.append(f"started with: libuv pool {pool}, V8 platform {n.v8_pool_size}"
                     + (", --inspect" if n.inspector else "") + f"; Workers now {len(snap.worker_threads)}")
    if snap.syscall_readable and _has_pool(snap):
        lines.append(f"pool saturated (every libuv worker busy) in {snap.saturated_run_pct:.0f}% of samples")
    for t in snap.threads:
        s = t.run
        role = (t.role + (" (inferred)" if t.role_inferred else "")) if t.role else "-"
        cpu = f"{s.cpu_pct:5.1f}%" if s.cpu_pct is not None else "    -"
        # A comm is at most 15 bytes; its visible form (^[ for ESC) may be longer: kept whole.
        head = (f"{t.tid:>7} {shown(t.name):<15} {role:<24} {s.samples:>5} samples"
                f"  busy {s.busy_pct:5.1f}%  cpu {cpu}")
        if t.role == "main" or s.longest_busy_s > 0:
            at_least = "≥" if t.busy_open and s.longest_busy_s >= t.busy_for_s else ""
            head += f"  longest busy {at_least}{s.longest_busy_s:.2f} s"
        if not t.alive and snap.ended != "exited":
            head += "  (exited)"
        lines.append(head)
        for a in s.activities[:TOP_TEXT]:
            label = shown(f"{a.what} {a.target}" if a.target else a.what)  # a path any user may name
            lines.append(f"{'':>9}{100 * a.share:4.0f}%  {label}{'  (idle)' if a.idle else ''}")
    return "\n".join(lines)
