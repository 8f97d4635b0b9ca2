"""The process pane while 200 processes a second start and exit (issue: 60 s).

    python tests/soak/procs_churn.py [--seconds 60] [--rate 200]

Runs the real ProcTree widget (headless Textual), rooted at a churning
process, refreshing every 50 ms with every thread shown; prints one JSON line:
scans, rows seen, scan errors, and how long the last child's row took to go.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import signal
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, ROOT)

from textual.app import App, ComposeResult  # noqa: E402

from widgets.proc_tree import ProcLines, ProcTree  # noqa: E402


class TreeApp(App):
    def __init__(self, pid: int) -> None:
        super().__init__()
        self.pid = pid

    def compose(self) -> ComposeResult:
        yield ProcTree(root_pid=self.pid, refresh_interval=0.05)


async def soak(seconds: float, rate: float) -> dict:
    churn = subprocess.Popen([sys.executable, os.path.join(HERE, "churn.py"), str(rate)], stdout=subprocess.PIPE,
                             text=True)
    assert churn.stdout.readline().strip() == "ready"
    errors: list[str] = []
    seen: set[int] = set()
    renders = 0
    try:
        app = TreeApp(churn.pid)
        async with app.run_test(size=(120, 40)) as pilot:
            tree = app.query_one(ProcTree)
            tree.action_all_threads()
            lines = tree.query_one(ProcLines)
            t0 = time.monotonic()
            last = None
            while time.monotonic() - t0 < seconds:
                await pilot.pause(0.05)
                if tree._error and tree._error not in errors:
                    errors.append(tree._error)
                if lines.rows is not last:
                    renders += 1
                    last = lines.rows
                seen.update(r.pid for r in lines.rows if r.thread is None)
            churn.send_signal(signal.SIGUSR1)
            started, reaped = map(int, churn.stdout.readline().split()[1:])
            t1 = time.monotonic()
            while {r.pid for r in lines.rows} != {churn.pid}:
                assert time.monotonic() - t1 < 10, "stale rows stayed 10 s after their processes"
                await pilot.pause(0.05)
            cleared = time.monotonic() - t1
    finally:
        churn.terminate()
        churn.wait()
    return {"seconds": seconds, "rate": rate, "started": started, "reaped": reaped,
            "distinct_pids_shown": len(seen) - 1, "row_updates": renders, "scan_errors": errors,
            "stale_rows_cleared_in_s": round(cleared, 2)}


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--seconds", type=float, default=60.0)
    p.add_argument("--rate", type=float, default=200.0)
    a = p.parse_args()
    r = asyncio.run(soak(a.seconds, a.rate))
    print(json.dumps(r))
    return 0 if not r["scan_errors"] else 1


if __name__ == "__main__":
    sys.exit(main())
