"""What does attaching cost on a process with thousands of threads?

    python bench/bench_attach_threads.py [--threads 5000] [--seconds 10]

The target is a Python process with N threads (64 KiB stacks) all blocked on one
Event. Measured side by side in one run, CPU % of one core:
  1. the sampler thread, adaptive (this version), in this process (schedstat);
  2. the same with the rate fixed at the 20 Hz asked for (adaptation off: what
     ptview did before), for the baseline;
  3. `ptview --watch PID --seconds S --json` as a whole, minus a Python that only
     imports the same modules and sleeps as long;
  4. the attach app (`ptview --pid PID`, 80x24 and 200x50, on a pseudo-terminal),
     beside the same app attached to a 4-thread process.
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
from pty_run import PtyProgram  # noqa: E402
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


def app_cost(pid: int, secs: float, cols: int, rows: int) -> float:
    p = PtyProgram([sys.executable, "-m", "tui", "--pid", str(pid)], cols, rows, cwd=str(ROOT))
    try:
        p.settle()
        p.pump(3.0)
        c0, t0 = p.cpu_s(), p.now()
        p.pump(secs)
        return 100 * (p.cpu_s() - c0) / (p.now() - t0)
    finally:
        p.stop()


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
        for cols, rows in ((80, 24), (200, 50)):  # at 200x50 the process pane shows the threads too
            print(f"4. attach app, {cols}x{rows}, {n} threads: {app_cost(big.pid, secs, cols, rows):6.2f} % of a core; "
                  f"4 threads: {app_cost(small.pid, secs, cols, rows):.2f} %")
    except Exception as e:  # a benchmark reports, it does not fail
        print(f"benchmark incomplete: {type(e).__name__}: {e}")
    finally:
        for p in (big, small):
            p.kill()
            p.wait()
    return 0


if __name__ == "__main__":
    sys.exit(main())
