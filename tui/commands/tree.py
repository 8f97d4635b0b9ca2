"""`ptview --tree [--pid PID] [--json]`: print the process/thread tree once and exit."""

from __future__ import annotations

import argparse
import json
import sys
import time

from tui.errors import UsageError
from tui.core.procs.scanner import Scanner
from tui.core.procs.tree import build_forest, node_dict, render_text, subtree_pids

# CPU % needs two samples; long enough to see a busy thread, short for a one-shot.
CPU_SAMPLE_SECONDS = 0.2


def run_tree(args: argparse.Namespace) -> int:
    scanner = Scanner()
    pid = getattr(args, "pid", None)
    if pid is not None:
        first = scanner.scan(threads_of=())  # the processes: which threads the subtree has
        if pid not in first.snapshot.procs:
            raise UsageError(f"no process with pid {pid}")
        wanted: set[int] | None = subtree_pids(first.snapshot, pid)
    else:
        wanted = None  # every process's threads, like pstree -t
    # The baseline for CPU %: only the ticks (one stat file a process or thread). While the
    # sample runs, what else a row needs (command line, executable, owner) is read; after it,
    # each process's stat once more (reread=False: not the rest). With 1,000 processes a
    # full scan costs as much as `ps -eLf` in all; here only the stat pass is waited for.
    t0 = scanner.sample_ticks(threads_of=wanted)
    scanner.read_details()
    time.sleep(max(0.0, CPU_SAMPLE_SECONDS - (time.monotonic() - t0)))
    snap = scanner.scan(threads_of=wanted, reread=False).snapshot
    if pid is not None and pid not in snap.procs:
        raise UsageError(f"process {pid} exited while being read")
    forest = build_forest(snap, pid)
    if getattr(args, "json", False):
        doc = node_dict(forest[0]) if pid is not None else [node_dict(n) for n in forest]
        # One line: the C encoder (indent= falls back to the pure-Python one, a third of the
        # time with 1,000 processes); `| jq` or `| python -m json.tool` lays it out.
        text = json.dumps(doc, separators=(",", ":"))
    else:
        text = render_text(forest)
    sys.stdout.write(text + "\n")  # a failed write: tui/stdio.py says it in one line (quiet for EPIPE)
    return 0
