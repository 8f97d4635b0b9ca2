"""What does attaching cost? The sampler at 20 Hz on a Node process with 11 threads.

    PYTHONPATH=. python bench/bench_attach.py [--seconds 10]

Prints figures, never fails (the budget is < 2 % of one core; DESIGN.md
treats budgets as benchmarks, not timed tests). Measured side by side in one
run:
  1. the sampler thread in this process (its own CPU time, from schedstat);
  2. `ptview --watch PID --seconds S --json` as a subprocess, minus a Python
     that only imports the same modules and sleeps as long (startup cost);
  3. `top -b -H -d 0.05 -p PID` for the same time: a C tool sampling the same
     threads at the same rate, for scale.
"""

from __future__ import annotations

import argparse
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tui.core.attach.sampler import Sampler  # noqa: E402

WORKLOAD = r"""
const fs = require('fs');
const [a, b, f] = process.argv.slice(2);
fs.read(fs.openSync(a, 'r+'), Buffer.alloc(1), 0, 1, null, () => {});
fs.read(fs.openSync(b, 'r+'), Buffer.alloc(1), 0, 1, null, () => {});
setInterval(() => fs.stat(f, () => {}), 50);
console.log('ready');
"""


def thread_cpu_s(tid: int) -> float:
    """CPU seconds of one of our threads; schedstat is in ns, stat only in ticks."""
    try:
        return int(pathlib.Path(f"/proc/self/task/{tid}/schedstat").read_text().split()[0]) / 1e9
    except (OSError, ValueError, IndexError):
        f = pathlib.Path(f"/proc/self/task/{tid}/stat").read_text()
        rest = f[f.rindex(")") + 2:].split()
        return (int(rest[11]) + int(rest[12])) / os.sysconf("SC_CLK_TCK")


def child_cpu_s(cmd: list[str]) -> tuple[float, float]:
    """(CPU seconds, wall seconds) of a command run to completion."""
    t0 = time.monotonic()
    p = subprocess.Popen(cmd, cwd=ROOT, env=dict(os.environ, PYTHONPATH=str(ROOT)),
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _, ru = os.wait4(p.pid, 0)
    p.returncode = 0  # reaped by wait4
    return ru.ru_utime + ru.ru_stime, time.monotonic() - t0


def pct(cpu: float, wall: float) -> str:
    return f"{100 * cpu / wall:5.2f} % of a core"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=float, default=10.0)
    secs = ap.parse_args().seconds
    node = shutil.which("node")
    if node is None:
        print("node not found: nothing to measure")
        return 0
    tmp = tempfile.mkdtemp(prefix="ptview-bench-")
    fifos = [os.path.join(tmp, "a.fifo"), os.path.join(tmp, "b.fifo")]
    for f in fifos:
        os.mkfifo(f)
    script = os.path.join(tmp, "load.js")
    pathlib.Path(script).write_text(WORKLOAD)
    proc = subprocess.Popen([node, script, *fifos, script], stdout=subprocess.PIPE,
                            env=dict(os.environ, UV_USE_IO_URING="0"))
    try:
        proc.stdout.readline()
        time.sleep(0.5)
        n_threads = len(os.listdir(f"/proc/{proc.pid}/task"))
        print(f"target: node pid {proc.pid}, {n_threads} threads "
              f"(2 pool threads blocked on FIFOs, fs.stat every 50 ms); {os.cpu_count()} CPUs")

        # 1. the sampler thread itself
        s = Sampler(proc.pid, hz=20.0).start()
        time.sleep(0.5)  # first samples read names and roles: measure the steady state
        tid = s.native_id
        c0, t0, k0 = thread_cpu_s(tid), time.monotonic(), s.snapshot().ticks
        time.sleep(secs)
        c1, t1, k1 = thread_cpu_s(tid), time.monotonic(), s.snapshot().ticks
        snap = s.snapshot()
        s.stop()
        ticks = k1 - k0
        print(f"1. sampler thread @20 Hz:   {pct(c1 - c0, t1 - t0)}  "
              f"({ticks} samples, {1e6 * (c1 - c0) / max(1, ticks):.0f} µs CPU per sample, "
              f"{snap.overruns} skipped, syscall readable: {snap.syscall_readable})")

        # 2. the command a user would run, against Python startup + imports
        py = sys.executable
        watch, wall_w = child_cpu_s([py, "-m", "tui", "--watch", str(proc.pid), "--seconds", str(secs), "--json"])
        base, wall_b = child_cpu_s([py, "-c", f"import tui.commands.watch, time; time.sleep({secs})"])
        print(f"2. ptview --watch {secs:g} s:     {watch:.3f} s CPU in {wall_w:.1f} s; "
              f"baseline (python, same imports, sleep): {base:.3f} s")
        print(f"   sampling alone:          {pct(max(0.0, watch - base), secs)}")

        # 3. for scale: top sampling the same threads at the same rate
        if shutil.which("top"):
            n = int(secs * 20)
            top, wall_t = child_cpu_s(["top", "-b", "-H", "-d", "0.05", "-n", str(n), "-p", str(proc.pid)])
            print(f"3. top -H -d 0.05 ({n} frames): {pct(top, wall_t)}  ({top:.3f} s CPU in {wall_t:.1f} s)")
        print(f"budget: < 2 % of a core for the sampler -> {'OK' if 100 * (c1 - c0) / (t1 - t0) < 2 else 'OVER'}")
    except Exception as e:  # a benchmark reports, it does not fail
        print(f"benchmark incomplete: {type(e).__name__}: {e}")
    finally:
        proc.kill()
        proc.wait()
        proc.stdout.close()
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
