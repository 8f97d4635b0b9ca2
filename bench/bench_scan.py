"""How long a process/thread scan takes, side by side with `ps -eLf` in the same run.

    python bench/bench_scan.py [--extra 1000] [--threads 500] [--runs 7]

Three situations: the system as it is; with N extra sleeping processes; and
one process with M threads. For each, the median of several runs of `ps`
(a fresh process each time, output to /dev/null: what a user pays) and of
our Scanner (in-process, warm: what the pane pays each refresh). Prints a
table and never fails; every process it starts is killed and reaped.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from tui.core.procs.scanner import Scanner  # noqa: E402
from tui.core.procs.tree import build_forest, render_text  # noqa: E402

MANY_THREADS = r"""
import sys, threading
threading.stack_size(64 * 1024)
stop = threading.Event()
ts = [threading.Thread(target=stop.wait, daemon=True) for _ in range(int(sys.argv[1]))]
for t in ts: t.start()
print("ready", flush=True)
sys.stdin.read()
"""


def median_ms(fn, runs: int) -> float:
    fn()  # warm: caches, the scanner's previous sample
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def run_ps(*args: str):
    return lambda: subprocess.run(["ps", *args], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def counts() -> tuple[int, int]:
    procs = [e for e in os.listdir("/proc") if e.isdigit()]
    threads = 0
    for p in procs:
        try:
            threads += len(os.listdir(f"/proc/{p}/task"))
        except OSError:
            pass
    return len(procs), threads


def measure(label: str, runs: int, rows: list, pid: int | None = None) -> None:
    scanner = Scanner()
    nprocs, nthreads = counts()
    situation = f"{label} ({nprocs} procs, {nthreads} threads)"
    ps_all = median_ms(run_ps("-eLf"), runs)
    ours_all = median_ms(lambda: scanner.scan(threads_of=None), runs)
    ours_procs = median_ms(lambda: scanner.scan(threads_of=()), runs)

    def tree_text():
        render_text(build_forest(scanner.scan(threads_of=None).snapshot))

    ours_text = median_ms(tree_text, runs)
    ours_cold = median_ms(lambda: Scanner().scan(threads_of=None), runs)
    rows.append((situation, "scan, all threads", ours_all, "ps -eLf", ps_all))
    rows.append((situation, "scan, processes only", ours_procs, "ps -eLf", ps_all))
    rows.append((situation, "scan all + text tree", ours_text, "ps -eLf", ps_all))
    rows.append((situation, "first scan, all (cold)", ours_cold, "ps -eLf", ps_all))
    if pid is not None:
        ps_one = median_ms(run_ps("-Lf", "-p", str(pid)), runs)
        ours_one = median_ms(lambda: scanner.scan(threads_of={pid}), runs)
        rows.append((situation, "scan, threads of 1 pid", ours_one, f"ps -Lf -p PID", ps_one))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--extra", type=int, default=1000, help="extra sleeping processes")
    ap.add_argument("--threads", type=int, default=500, help="threads in the one big process")
    ap.add_argument("--runs", type=int, default=7)
    a = ap.parse_args()
    if not os.path.isdir("/proc/self/task"):
        print("bench_scan: needs Linux /proc; nothing measured")
        return 0
    rows: list = []
    children: list[subprocess.Popen] = []
    try:
        measure("as is", a.runs, rows)
        for _ in range(a.extra):
            children.append(subprocess.Popen(["sleep", "600"], stdin=subprocess.DEVNULL))
        measure(f"+{a.extra} sleeping", a.runs, rows)
        for p in children:
            p.kill()
        for p in children:
            p.wait()
        children.clear()
        big = subprocess.Popen([sys.executable, "-c", MANY_THREADS, str(a.threads)],
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        children.append(big)
        big.stdout.readline()
        measure(f"1 process x {a.threads} threads", a.runs, rows, pid=big.pid)
    except Exception as e:  # a benchmark reports, it does not fail
        print(f"bench_scan: stopped early: {type(e).__name__}: {e}")
    finally:
        for p in children:
            p.kill()
        for p in children:
            p.wait()

    print(f"# bench_scan  {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}  "
          f"{platform.node()} {platform.machine()} {os.cpu_count()} CPUs  "
          f"Linux {platform.release()}  Python {platform.python_version()}  median of {a.runs}")
    w = max(len(r[0]) for r in rows) if rows else 10
    print(f"{'situation':<{w}}  {'ptview':<22} {'ms':>7}  {'reference':<14} {'ms':>7}  {'ratio':>6}")
    for situation, what, ours, ref, theirs in rows:
        ratio = ours / theirs if theirs else float("nan")
        print(f"{situation:<{w}}  {what:<22} {ours:7.1f}  {ref:<14} {theirs:7.1f}  {ratio:6.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
