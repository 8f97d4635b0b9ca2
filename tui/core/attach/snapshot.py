"""What the sampler hands out: frozen, self-contained, safe to keep and to pass between threads."""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass

from tui.core.attach.activity import Activity
from tui.core.procs.roles import NodeSettings

try:
    _CLK_TCK = os.sysconf("SC_CLK_TCK")
except (ValueError, OSError, AttributeError):
    _CLK_TCK = 100


@dataclass(frozen=True)
class ActivityShare:
    what: str
    target: str | None
    idle: bool
    samples: int
    share: float  # 0..1 of the horizon's samples


@dataclass(frozen=True)
class Stats:
    samples: int
    busy_pct: float
    cpu_pct: float | None  # None until two samples exist
    longest_busy_s: float  # longest run of consecutive busy samples
    activities: tuple[ActivityShare, ...]  # most frequent first


@dataclass(frozen=True)
class ThreadSnapshot:
    tid: int
    name: str
    role: str | None
    role_inferred: bool
    alive: bool
    state: str
    activity: Activity
    since: float  # clock time the current activity was first seen (it may have begun earlier)
    activity_s: float  # how long it has lasted so far
    busy_for_s: float  # current uninterrupted busy stretch (0 when idle)
    # The activity / busy stretch was already going on when the thread was first sampled (it was
    # there before the attach): activity_s / busy_for_s count from then, a lower bound ("≥").
    activity_open: bool
    busy_open: bool
    age_s: float | None  # since the thread started (stat's starttime): an upper bound on both; None: unknown
    window: Stats
    run: Stats


@dataclass(frozen=True)
class Snapshot:
    pid: int
    alive: bool
    ended: str | None  # why sampling stopped: "exited", "stopped", or an error
    is_node: bool
    syscall_readable: bool | None  # None before the first sample
    hz: float  # samples per second achieved over the window (0 before two samples)
    hz_run: float  # the same since the start: (samples - 1) / (last - first)
    hz_asked: float  # the rate asked for; the sampler lowers it to stay near 1.5 % of a core
    threads_per_tick: int | None  # threads read per sample when there are too many for every one; None: all
    window_s: float
    started_at: float
    taken_at: float
    elapsed_s: float  # time the samples cover: first to last, plus one period
    ticks: int  # samples taken of the process
    overruns: int  # ticks skipped because a sample took longer than the period
    threads: tuple[ThreadSnapshot, ...]  # by tid
    loop: ThreadSnapshot | None  # role "main"
    workers: tuple[ThreadSnapshot, ...]  # role "libuv worker", alive
    worker_threads: tuple[ThreadSnapshot, ...]  # role "Worker" (worker_threads, each its own loop), alive
    node: NodeSettings | None  # what Node was started with (pool sizes, --inspect); None: not Node
    environ_readable: bool  # /proc/PID/environ was read (else UV_THREADPOOL_SIZE is assumed unset)
    others: tuple[tuple[str, int], ...]  # the other live threads: (role or "unknown", how many), by count
    busy_others: tuple[ThreadSnapshot, ...]  # up to 3 of them that are busy now
    saturated: bool  # every libuv worker busy at the last sample
    saturated_since: float | None
    saturated_open: bool  # the workers were all busy when first seen: saturated_since is the attach, a lower bound
    pool_age_s: float | None  # since the youngest libuv worker started: an upper bound on the saturation
    saturated_pct: float  # share of window samples with every worker busy
    saturated_run_pct: float  # the same since the start


def stats_of(samples: int, busy: int, first: tuple[float, int] | None, last: tuple[float, int] | None,
             longest: float, counts: Counter[Activity]) -> Stats:
    cpu = None
    if first and last and last[0] > first[0]:
        cpu = 100.0 * (last[1] - first[1]) / _CLK_TCK / (last[0] - first[0])
    shares = tuple(
        ActivityShare(a.what, a.target, a.idle, n, n / samples if samples else 0.0)
        for a, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0].label))
    )
    return Stats(samples=samples, busy_pct=100.0 * busy / samples if samples else 0.0,
                 cpu_pct=cpu, longest_busy_s=longest, activities=shares)
