"""What does attaching cost on a process with thousands of threads?

    python bench/bench_attach_threads.py [--threads 5000] [--seconds 10]

The target is a Python process with N threads (64 KiB stacks) all blocked on one
Event. Measured side by side in one run, CPU % of one core:
  1. the sampler thread, adaptive (this version), in this process (schedstat);
  2. the same with the rate fixed at the 20 Hz asked for (adaptation off: what
     ptview did before), for the baseline;
  3. `ptview --watch PID --seconds S --json` as a whole, minus a Python that only
     imports the same modules and sleeps as long;
  4. the attach app (`ptview --pid PID`, 80x24 and 200x50, on a pseudo-terminal), with its
     threads' shares (the sampler, the process pane's scans, the UI thread), beside the same app
     attached to a 4-thread process and to node with a saturated pool (when node is installed),
     and beside `htop -d 10 -p PID` (threads shown, refreshed each second like the panes) at the
     same size.
Prints figures and the rates achieved; never fails (budgets are benchmarks).
"""

from __future__ import annotations

import argparse
import json
import os
import pathlib
import subprocess
import sys
import time

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

from bench_attach import child_cpu_s, pct, thread_cpu_s  # noqa: E402
from pty_run import CLK, PtyProgram  # noqa: E402
from tui.core.attach.sampler import Sampler  # noqa: E402

MANY = """
import sys, threading
threading.stack_size(64 * 1024)
ev = threading.Event()
for _ in range({n}):
    threading.Thread(target=ev.wait, daemon=True).start()
print("ready", flush=True)
sys.stdin.read()
"""


class FixedRate(Sampler):
    """The sampler as it was: the rate asked for, whatever a tick costs."""

    def adapt(self, cost_s: float) -> None:
        pass


def target(n: int) -> subprocess.Popen:
    p = subprocess.Popen([sys.executable, "-c", MANY.format(n=n)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                         text=True)
    p.stdout.readline()
    return p


def sampler_cost(cls, pid: int, secs: float) -> tuple[float, object, float]:
    s = cls(pid, hz=20.0, on_snapshot=lambda snap: None, publish_interval=0.25).start()
    time.sleep(3.0)  # names, roles, and the rate settling
    tid = s.native_id
    c0, t0 = thread_cpu_s(tid), time.monotonic()
    time.sleep(secs)
    c1, t1 = thread_cpu_s(tid), time.monotonic()
    snap = s.snapshot()
    s.stop()
    return 100 * (c1 - c0) / (t1 - t0), snap, s.period


SATURATED_NODE = """
const crypto = require('crypto');
const spin = () => crypto.pbkdf2('p', 's', 1000000, 32, 'sha512', spin);
for (let i = 0; i < 4; i++) spin();
setInterval(() => {}, 1000);
console.log('ready');
"""


def node_target() -> subprocess.Popen | None:
    """node with its four pool workers busy for good (pbkdf2 after pbkdf2); None without node."""
    import shutil

    node = shutil.which("node")
    if node is None:
        return None
    p = subprocess.Popen([node, "-e", SATURATED_NODE], stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, text=True)
    p.stdout.readline()
    return p


def _threads_cpu(pid: int) -> dict[tuple[int, str], int]:
    out = {}
    try:
        tids = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return out
    for tid in tids:
        try:
            with open(f"/proc/{pid}/task/{tid}/stat", "rb") as f:
                stat = f.read().decode(errors="replace")
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2:].split()
        out[(int(tid), stat[stat.index("(") + 1:stat.rindex(")")])] = int(fields[11]) + int(fields[12])
    return out


def app_cost_detail(pid: int, secs: float, cols: int, rows: int,
                    argv: list[str] | None = None, cwd: str | None = None) -> tuple[float, dict[str, float]]:
    """CPU % of one core of a program on a pty over `secs` after it settled, and per thread name
    (ptview names its threads: ptview-sampler, ptview-scan; the UI thread is the program's own)."""
    argv = argv or [sys.executable, "-m", "tui", "--pid", str(pid)]
    p = PtyProgram(argv, cols, rows, cwd=cwd or str(ROOT))  # cwd: another source tree (a before)
    try:
        p.settle()
        p.pump(3.0)
        c0, t0, th0 = p.cpu_s(), p.now(), _threads_cpu(p.proc.pid)
        p.pump(secs)
        c1, t1, th1 = p.cpu_s(), p.now(), _threads_cpu(p.proc.pid)
    finally:
        p.stop()
    dt = t1 - t0
    by_name: dict[str, float] = {}
    for key, ticks in th1.items():
        by_name[key[1]] = by_name.get(key[1], 0.0) + 100 * (ticks - th0.get(key, 0)) / CLK / dt
    return 100 * (c1 - c0) / dt, by_name


def app_cost(pid: int, secs: float, cols: int, rows: int) -> float:
    return app_cost_detail(pid, secs, cols, rows)[0]


def htop_cost(pid: int, secs: float, cols: int, rows: int) -> float | None:
    """htop showing the same process's threads, refreshed every second, at the same size."""
    import shutil

    if shutil.which("htop") is None:
        return None
    return app_cost_detail(pid, secs, cols, rows, ["htop", "-d", "10", "-p", str(pid)])[0]


def shares(by_name: dict[str, float]) -> str:
    ui = sum(v for k, v in by_name.items() if not k.startswith("ptview-"))
    return (f"sampler {by_name.get('ptview-sampler', 0.0):.2f}, process pane {by_name.get('ptview-scan', 0.0):.2f}, "
            f"UI {ui:.2f}")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--threads", type=int, default=5000)
    ap.add_argument("--seconds", type=float, default=10.0)
    a = ap.parse_args()
    secs = a.seconds
    big = target(a.threads)
    small = target(3)
    try:
        n = len(os.listdir(f"/proc/{big.pid}/task"))
        print(f"target: python pid {big.pid}, {n} threads blocked on an Event; {os.cpu_count()} CPUs, "
              f"load average {os.getloadavg()[0]:.2f}")
        for name, cls in (("1. sampler, adaptive", Sampler), ("2. sampler, fixed 20 Hz (adaptation off)", FixedRate)):
            cpu, snap, period = sampler_cost(cls, big.pid, secs)
            per = snap.threads_per_tick or "all"
            print(f"{name:34} {cpu:6.2f} % of a core; achieved {snap.hz_run:.2f} Hz over the run "
                  f"({snap.ticks} samples), {per} threads a sample")
        py = sys.executable
        watch, wall = child_cpu_s([py, "-m", "tui", "--watch", str(big.pid), "--seconds", str(secs), "--json"])
        base, _ = child_cpu_s([py, "-c", f"import tui.commands.watch, time; time.sleep({secs})"])
        out = subprocess.run([py, "-m", "tui", "--watch", str(big.pid), "--seconds", "3", "--json"], cwd=ROOT,
                             capture_output=True, text=True).stdout
        doc = json.loads(out) if out.strip() else {}
        print(f"3. ptview --watch {secs:g} s:            {pct(max(0.0, watch - base), secs)} beyond a Python that "
              f"imports and sleeps ({watch:.2f} s vs {base:.2f} s CPU); its report says "
              f"{doc.get('hz')} Hz (asked {doc.get('hz_asked')})")
        node = node_target()
        try:
            for cols, rows in ((80, 24), (200, 50)):  # at 200x50 the process pane shows the threads too
                total, by = app_cost_detail(big.pid, secs, cols, rows)
                ref = htop_cost(big.pid, secs, cols, rows)
                print(f"4. attach app, {cols}x{rows}, {n} threads: {total:6.2f} % of a core ({shares(by)}); "
                      f"htop -d 10 -p PID: {'—' if ref is None else f'{ref:.2f} %'}; "
                      f"4 threads: {app_cost(small.pid, secs, cols, rows):.2f} %")
                if node is not None:
                    total, by = app_cost_detail(node.pid, secs, cols, rows)
                    print(f"   attach app, {cols}x{rows}, node with a saturated pool: {total:.2f} % ({shares(by)})")
        finally:
            if node is not None:
                node.kill()
                node.wait()
    except Exception as e:  # a benchmark reports, it does not fail
        print(f"benchmark incomplete: {type(e).__name__}: {e}")
    finally:
        for p in (big, small):
            p.kill()
            p.wait()
    return 0


if __name__ == "__main__":
    sys.exit(main())
