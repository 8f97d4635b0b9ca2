"""CPU of the live app while one readFile is stuck on a FIFO, beside the same app idle.

    python bench/bench_stuck.py [--seconds 10] [--runs 3] [--size 80x24]

One app per run, on a pseudo-terminal (bench/pty_run.py): after the first frame
and a warm-up, CPU % of one core (utime + stime of its whole session, from
/proc) over S seconds idle; then `r` fires fs.readFile on a FIFO that no one
ever opens for writing (its worker blocks in open(), as Node's would), and the
same S seconds are measured again. The FIFO is made in a temporary directory
and removed afterwards; the app is stopped with SIGTERM.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)

from pty_run import PtyProgram  # noqa: E402


def one_run(seconds: float, cols: int, rows: int, fifo: str, warmup: float = 3.0) -> tuple[float, float]:
    p = PtyProgram([sys.executable, "-m", "tui", "--live"], cols, rows, cwd=ROOT)
    try:
        if p.settle() is None:
            raise SystemExit("the app did not draw its first frame")
        p.pump(max(0.0, warmup - p.now()))
        c0, t0 = p.cpu_s(), p.now()
        p.pump(seconds)
        idle = 100.0 * (p.cpu_s() - c0) / (p.now() - t0)
        p.send(b"r")  # the fs.readFile dialog: replace its path with the FIFO's
        if p.wait_for(b"path", 5.0) is None:
            raise SystemExit("the readFile dialog did not open")
        p.send(b"\x15")  # ctrl+u: clear the input
        p.pump(0.2)
        p.send(fifo.encode() + b"\r")
        if p.wait_for(b"fifo", 5.0) is None:
            raise SystemExit("the readFile on the FIFO did not show")
        p.pump(1.0)  # the dialog closes, the worker blocks in open()
        c0, t0 = p.cpu_s(), p.now()
        p.pump(seconds)
        stuck = 100.0 * (p.cpu_s() - c0) / (p.now() - t0)
        if p.proc.poll() is not None:
            raise SystemExit("the app exited during the run")
    finally:
        p.stop()
    return idle, stuck


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seconds", type=float, default=10.0)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--size", default="80x24")
    a = ap.parse_args()
    cols, rows = (int(x) for x in a.size.split("x"))
    with tempfile.TemporaryDirectory() as d:
        fifo = os.path.join(d, "fifo")
        os.mkfifo(fifo)
        rows_out = [one_run(a.seconds, cols, rows, fifo) for _ in range(a.runs)]
    load = os.getloadavg()
    print(f"live app {cols}x{rows}, {a.seconds:g} s each, {a.runs} runs, load average {load[0]:.2f}")
    for i, (idle, stuck) in enumerate(rows_out, 1):
        print(f"run {i}: idle {idle:.2f} % of a core, one readFile stuck on a FIFO {stuck:.2f} %")
    idles, stucks = [r[0] for r in rows_out], [r[1] for r in rows_out]
    print(f"median: idle {statistics.median(idles):.2f} %, stuck {statistics.median(stucks):.2f} % "
          f"(+{statistics.median(stucks) - statistics.median(idles):.2f} points)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
