"""The attach app as a whole (`ptview --pid PID`), at 80x24 and 200x50, side by side with another tree.

    python bench/bench_attach_app.py [--seconds 30] [--before DIR]

Targets: a Python process with 5,000 threads blocked on an Event, and node with its four pool workers
hashing for good (when node is installed). Each figure: the program on a pseudo-terminal, 3 s to
settle, then CPU % of one core over `--seconds` (utime + stime of its session), with the share of
each of ptview's threads (the sampler, the process pane's scans, the UI thread). `--before DIR` runs
the same from another source tree first (`git archive REV | tar -x -C DIR`), in the same minute.
Prints a Markdown table; never fails (budgets are benchmarks).
"""

from __future__ import annotations

import argparse
import os
import pathlib
import sys
import time

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from bench_attach_threads import app_cost_detail, node_target, shares, target  # noqa: E402


def cost(tree: str, pid: int, cols: int, rows: int, secs: float) -> tuple[float, dict[str, float]]:
    """The attach app of the source tree `tree` (this one, or a `--before` one) on `pid`."""
    return app_cost_detail(pid, secs, cols, rows, cwd=tree)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=float, default=30.0)
    ap.add_argument("--threads", type=int, default=5000)
    ap.add_argument("--before", help="another source tree to measure first, e.g. a git archive of an older commit")
    a = ap.parse_args()
    print(f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, {os.cpu_count()} CPUs, "
          f"load average {os.getloadavg()[0]:.1f}", flush=True)
    targets = [(f"{a.threads + 1:,} threads", target(a.threads))]
    node = node_target()
    if node is not None:
        targets.append(("node, 4 workers hashing for good", node))
    rows = []
    try:
        for name, proc in targets:
            for cols, lines in ((80, 24), (200, 50)):
                before = cost(a.before, proc.pid, cols, lines, a.seconds)[0] if a.before else None
                now, by = cost(str(ROOT), proc.pid, cols, lines, a.seconds)
                row = (f"{cols}x{lines}, {name}", "—" if before is None else f"{before:.2f} %", f"{now:.2f} %",
                       shares(by))
                print("  " + " | ".join(row), flush=True)
                rows.append(row)
    except Exception as e:  # a benchmark reports, it does not fail
        print(f"benchmark incomplete: {type(e).__name__}: {e}")
    finally:
        for _, proc in targets:
            proc.kill()
            proc.wait()
    print(f"\nload average at the end {os.getloadavg()[0]:.1f}\n")
    print("| attach app | before | now | shares of one core |\n|---|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
