"""`ptview --tree [--pid PID] [--json]`: print the process/thread tree once and exit."""

from __future__ import annotations

import argparse
import json
import sys
import time

import psutil

from tui.errors import UsageError
from tui.core.procs.scanner import Scanner
from tui.core.procs.tree import build_forest, node_dict, render_text, subtree_pids

# CPU % needs two samples; long enough to see a busy thread, short for a one-shot.
CPU_SAMPLE_SECONDS = 0.2


def require_pid(pid: int) -> None:
    """UsageError unless `pid` is a live process (for --pid, here and in the app)."""
    if not psutil.pid_exists(pid):
        raise UsageError(f"no process with pid {pid}")


def run_tree(args: argparse.Namespace) -> int:
    scanner = Scanner()
    first = scanner.scan(threads_of=())
    pid = getattr(args, "pid", None)
    if pid is not None:
        if pid not in first.snapshot.procs:
            raise UsageError(f"no process with pid {pid}")
        wanted: set[int] | None = subtree_pids(first.snapshot, pid)
    else:
        wanted = None  # every process's threads, like pstree -t
    scanner.scan(threads_of=wanted)  # baseline ticks for the threads
    time.sleep(CPU_SAMPLE_SECONDS)
    snap = scanner.scan(threads_of=wanted).snapshot
    if pid is not None and pid not in snap.procs:
        raise UsageError(f"process {pid} exited while being read")
    forest = build_forest(snap, pid)
    if getattr(args, "json", False):
        doc = node_dict(forest[0]) if pid is not None else [node_dict(n) for n in forest]
        text = json.dumps(doc, indent=1)
    else:
        text = render_text(forest)
    sys.stdout.write(text + "\n")  # a failed write: tui/stdio.py says it in one line (quiet for EPIPE)
    return 0
