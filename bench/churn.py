"""Terminal bytes and CPU of a full-screen program while processes come and go beside it.

    python bench/churn.py [--seconds 20] [--runs 3] [--size 80x24] [--every 0.15] [--life 2] [--dump PREFIX]

A spawner (a small Python loop in a session of its own) starts `sleep LIFE`
every EVERY seconds and reaps those that ended, so ~LIFE/EVERY are alive at
any time (13 by default) and one comes and one goes every 150 ms. Beside it,
on the same pseudo-terminal harness as the idle figures (bench/pty_run.py):
ptview on its processes view (`2` pressed after the first frame) and
`htop -d 10` (a refresh a second, as ptview's tree), one after the other,
alternating. The spawner starts after the program, so that in ptview's tree
its children sit right below ptview's own process, on screen. It is stopped
with SIGTERM (it kills and reaps its children), then its whole session gets
SIGKILL, and it is reaped, whatever happened.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)

from pty_run import PtyProgram  # noqa: E402

SPAWNER = r"""
import os, signal, subprocess, sys, time
every, life = float(sys.argv[1]), sys.argv[2]
parent = os.getppid()
kids = []

def stop(*_):
    for p in kids:
        p.kill()
    for p in kids:
        p.wait()
    sys.exit(0)

signal.signal(signal.SIGTERM, stop)
signal.signal(signal.SIGHUP, stop)
while os.getppid() == parent:  # the bench gone, even by SIGKILL: so is the spawner
    kids = [p for p in kids if p.poll() is None]
    kids.append(subprocess.Popen(["sleep", life], stdin=subprocess.DEVNULL))
    time.sleep(every)
stop()
"""


class Spawner:
    """The spawner as a context manager: started on enter, killed and reaped on exit."""

    def __init__(self, every: float = 0.15, life: float = 2.0) -> None:
        self.argv = [sys.executable, "-c", SPAWNER, str(every), f"{life:g}"]
        self.proc: subprocess.Popen | None = None

    def __enter__(self) -> Spawner:
        self.proc = subprocess.Popen(self.argv, stdin=subprocess.DEVNULL, start_new_session=True)
        return self

    def __exit__(self, *exc) -> None:
        p = self.proc
        if p is None:
            return
        if p.poll() is None:
            p.send_signal(signal.SIGTERM)
            try:
                p.wait(timeout=3)
            except subprocess.TimeoutExpired:
                pass
        try:
            os.killpg(p.pid, signal.SIGKILL)  # anything of its session still there (pgid = its pid)
        except (ProcessLookupError, PermissionError):
            pass
        p.wait()


def churn_cost(argv: list[str], cols: int, rows: int, seconds: float, keys: bytes = b"",
               every: float = 0.15, life: float = 2.0, warmup: float = 3.0, cwd: str | None = None,
               dump: str | None = None) -> dict:
    """Bytes/s and CPU % of one core of `argv` over `seconds` of process churn beside it
    (`dump`: a file for the bytes written meanwhile)."""
    p = PtyProgram(argv, cols, rows, cwd)
    try:
        settled = p.settle()
        if keys:
            p.send(keys)
            p.pump(1.0)
        with Spawner(every, life):
            p.pump(warmup)  # the spawner's first children are there, and the program has seen them
            b0, c0, t0 = p.total, p.cpu_s(), p.now()
            p.mark()
            p.pump(seconds)
            b1, c1, t1 = p.total, p.cpu_s(), p.now()
        if dump:  # what was written while measured, to see which lines it redraws
            with open(dump, "wb") as f:
                f.write(bytes(p.buf))
        alive = p.proc.poll() is None
    finally:
        p.stop()
    span = t1 - t0
    return {"settled": settled is not None, "alive": alive, "bytes_per_s": (b1 - b0) / span,
            "cpu_pct": 100.0 * (c1 - c0) / span, "seconds": span}


PTVIEW_PROCS = ([sys.executable, "-m", "tui"], b"2")  # the processes view: key 2
HTOP = (["htop", "-d", "10"], b"")


def compare(cols: int, rows: int, seconds: float, runs: int, every: float = 0.15,
            life: float = 2.0, dump: str | None = None) -> dict[str, list[dict]]:
    """ptview and htop alternating, `runs` each: {"ptview": [...], "htop": [...]}."""
    progs = {"ptview": PTVIEW_PROCS}
    if shutil.which("htop"):
        progs["htop"] = HTOP
    got: dict[str, list[dict]] = {name: [] for name in progs}
    for i in range(runs):
        for name, (argv, keys) in progs.items():
            out = f"{dump}.{name}.{i}" if dump else None
            got[name].append(churn_cost(argv, cols, rows, seconds, keys, every, life, cwd=ROOT, dump=out))
    return got


def exit_on_signals() -> None:
    """SIGTERM and SIGHUP end the bench through its `finally` blocks: every program it started
    (the spawner and its children, the pseudo-terminal's program) is stopped and reaped."""
    for sig in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, lambda n, _f: sys.exit(128 + n))


def main() -> int:
    exit_on_signals()
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seconds", type=float, default=20.0)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--size", default="80x24")
    ap.add_argument("--every", type=float, default=0.15)
    ap.add_argument("--life", type=float, default=2.0)
    ap.add_argument("--dump", metavar="PREFIX", help="write each run's output to PREFIX.NAME.RUN")
    a = ap.parse_args()
    cols, rows = (int(x) for x in a.size.split("x"))
    got = compare(cols, rows, a.seconds, a.runs, a.every, a.life, a.dump)
    print(f"churn {cols}x{rows}: a sleep {a.life:g} s every {a.every:g} s, {a.seconds:g} s each, "
          f"{a.runs} runs, load {os.getloadavg()[0]:.2f}")
    for name, rs in got.items():
        bs = [r["bytes_per_s"] for r in rs]
        cpu = [r["cpu_pct"] for r in rs]
        print(f"{name:7} bytes/s median {statistics.median(bs):,.0f} ({', '.join(f'{b:,.0f}' for b in bs)})"
              f"  CPU % median {statistics.median(cpu):.2f} ({', '.join(f'{c:.2f}' for c in cpu)})"
              + ("" if all(r["alive"] for r in rs) else "  (exited during a run)"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
