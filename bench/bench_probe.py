"""What the async_hooks probe costs a real node program, as a ratio to the same program without it.

    PYTHONPATH=. python bench/bench_probe.py [--runs N] [--scale F] [--json]

Two programs, each run in turn (interleaved, so load changes hit all alike):
- promise-heavy: 20,000 async functions each awaiting 10 times (≈ 400,000
  promise resources with their init, before/after, resolve and destroy);
- I/O-heavy: 3,000 fs.readFile of a small file, 50 in flight at a time
  (12,000 pool requests: open, fstat, read, close), plus 3,000 fs.stat.
Four ways:
- plain: `node SCRIPT`;
- no sites → /dev/null: the probe without creation sites (PTVIEW_PROBE_SITES=0),
  to show what the stack captures cost;
- probe → /dev/null: the probe writing to /dev/null (node's own share);
- ptview: NodeRun, as `ptview --headless --node` runs it: the probe's lines
  read and decoded into events by ptview on another core (the whole cost).
Figures: the median wall time of node's process (spawn to exit) over the
runs, the ratio to plain, and node's CPU time (user + sys of the child).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time

from tui.core.probe.runner import FD_ENV, NodeRun, find_node, probe_command

PROMISES = """
const N = %(n)d;
async function leaf(i) { return i; }
async function chain(i) { let s = 0; for (let k = 0; k < 10; k++) s += await leaf(k); return s; }
(async () => { let t = 0; for (let i = 0; i < N; i += 100) {
  const batch = []; for (let j = 0; j < 100; j++) batch.push(chain(i + j));
  for (const v of await Promise.all(batch)) t += v; } console.log(t); })();
"""

IO = """
const fs = require('fs');
const N = %(n)d; let started = 0, done = 0;
function next() {
  if (started >= N) return;
  started++;
  fs.readFile(__filename, () => { fs.stat(__filename, () => { if (++done === N) console.log(done); else next(); }); });
}
for (let i = 0; i < 50; i++) next();
"""


def child_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def plain(node: str, script: str) -> tuple[float, float]:
    c0, t0 = child_cpu(), time.perf_counter()
    subprocess.run([node, script], stdout=subprocess.DEVNULL, check=True)
    return time.perf_counter() - t0, child_cpu() - c0


def probe_to_devnull(node: str, script: str, sites: bool = True) -> tuple[float, float]:
    fd = os.open(os.devnull, os.O_WRONLY)
    env = {**os.environ, FD_ENV: str(fd)}
    if not sites:
        env["PTVIEW_PROBE_SITES"] = "0"
    try:
        c0, t0 = child_cpu(), time.perf_counter()
        subprocess.run(probe_command(node, [], [script]), stdout=subprocess.DEVNULL, check=True,
                       pass_fds=(fd,), env=env)
        return time.perf_counter() - t0, child_cpu() - c0
    finally:
        os.close(fd)


def with_ptview(node: str, script: str) -> tuple[float, float, int]:
    events = 0

    def count(_e):
        nonlocal events
        events += 1

    c0, t0 = child_cpu(), time.perf_counter()
    with NodeRun(probe_command(node, [], [script]), on_event=count, stdout=subprocess.DEVNULL) as run:
        run.start()
        assert run.wait() == 0
    return time.perf_counter() - t0, child_cpu() - c0, events


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--scale", type=float, default=1.0, help="multiply the programs' sizes")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    node = find_node()
    version = subprocess.run([node, "--version"], capture_output=True, text=True).stdout.strip()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, src, n in (("promise-heavy", PROMISES, 20_000), ("I/O-heavy", IO, 3_000)):
            path = os.path.join(tmp, name.replace("/", "") + ".js")
            with open(path, "w") as f:
                f.write(src % {"n": max(100, int(n * args.scale))})
            got = {"plain": [], "nosites": [], "devnull": [], "ptview": []}
            events = 0
            for _ in range(args.runs):
                got["plain"].append(plain(node, path))
                got["nosites"].append(probe_to_devnull(node, path, sites=False))
                got["devnull"].append(probe_to_devnull(node, path))
                w, c, events = with_ptview(node, path)
                got["ptview"].append((w, c))
            med = {k: (statistics.median(x[0] for x in v), statistics.median(x[1] for x in v)) for k, v in got.items()}
            rows.append({
                "program": name, "events": events,
                "plain_s": round(med["plain"][0], 3), "plain_cpu_s": round(med["plain"][1], 3),
                "nosites_s": round(med["nosites"][0], 3), "nosites_ratio": round(med["nosites"][0] / med["plain"][0], 2),
                "devnull_s": round(med["devnull"][0], 3), "devnull_ratio": round(med["devnull"][0] / med["plain"][0], 2),
                "ptview_s": round(med["ptview"][0], 3), "ptview_ratio": round(med["ptview"][0] / med["plain"][0], 2),
                "node_cpu_ratio": round(med["ptview"][1] / med["plain"][1], 2) if med["plain"][1] else None,
                "spread_plain": [round(min(x[0] for x in got["plain"]), 3), round(max(x[0] for x in got["plain"]), 3)],
                "spread_ptview": [round(min(x[0] for x in got["ptview"]), 3), round(max(x[0] for x in got["ptview"]), 3)],
            })
    load = os.getloadavg()[0]
    if args.json:
        print(json.dumps({"node": version, "runs": args.runs, "load": load, "rows": rows}))
        return 0
    print(f"node {version}, median of {args.runs} runs, load average {load:.1f}")
    print(f"{'program':<14} {'events':>9} {'plain s':>8} {'no sites':>9} {'ratio':>6} {'probe→null':>11} {'ratio':>6} "
          f"{'ptview s':>9} {'ratio':>6} {'node CPU':>9}")
    for r in rows:
        print(f"{r['program']:<14} {r['events']:>9,} {r['plain_s']:>8.3f} {r['nosites_s']:>9.3f} "
              f"{r['nosites_ratio']:>5.2f}x {r['devnull_s']:>11.3f} "
              f"{r['devnull_ratio']:>5.2f}x {r['ptview_s']:>9.3f} {r['ptview_ratio']:>5.2f}x {r['node_cpu_ratio']:>8.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
