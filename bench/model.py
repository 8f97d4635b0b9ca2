"""The model headless: pool jobs per second and peak memory, one run per process.

    python bench/model.py --kind pbkdf2 --jobs 100000 [--inflight 1000] [--json]

`--inflight K` keeps K tasks in flight: the main module fires K and every
user callback fires the next until the total is reached (a server under
steady load: memory must stay flat however many jobs go through).
`--inflight 0` fires them all in the main module at once (the worst case:
every task, job and closure lives until its turn). Peak RSS comes from
the kernel for this process (VmHWM), which is why run.py starts one process per
measurement.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from tui.core.ops import NodeAPI  # noqa: E402
from tui.core.runtime import Runtime  # noqa: E402
from tui.core.sim_work import SimWork  # noqa: E402
from tui.commands.lab_shared import run_main_module  # noqa: E402

# pool jobs per task: readFile of a one-read file is open, fstat, read, close
JOBS_PER_TASK = {"pbkdf2": 1, "lookup": 1, "readFile": 4}


def peak_rss_kib() -> int:
    """This process's peak RSS. Not getrusage: its maxrss survives exec, so a child of
    a big parent would report the parent's size."""
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def fire_fn(api: NodeAPI, kind: str, path: str):
    if kind == "pbkdf2":
        return lambda cb: api.pbkdf2(1, cb)  # 1 iteration: the model's overhead, not modelled CPU
    if kind == "lookup":
        return lambda cb: api.lookup("example.com", cb)
    return lambda cb: api.read_file(path, cb)


def run(kind: str, jobs: int, inflight: int, path: str) -> dict:
    tasks = max(1, jobs // JOBS_PER_TASK[kind])
    rt = Runtime(4, work=SimWork(1))
    api = NodeAPI(rt)
    fire = fire_fn(api, kind, path)
    left = [tasks]

    def next_one(err=None, result=None):
        if left[0] > 0:
            left[0] -= 1
            fire(next_one)

    def main():
        first = tasks if inflight <= 0 else min(inflight, tasks)
        for _ in range(first):
            left[0] -= 1
            fire(None if inflight <= 0 else next_one)

    t0, c0 = time.perf_counter(), time.process_time()
    rt.start(main)
    run_main_module(rt)  # as `ptview --headless --fire` runs its main module, then the loop
    ended = rt.run()
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    done = rt.pool.done + rt.pool.failed
    return {
        "kind": kind, "tasks": tasks, "jobs": done, "inflight": inflight, "ended": ended,
        "wall_s": round(wall, 3), "jobs_per_s": round(done / wall),
        # per CPU second: what the model costs, less sensitive to other processes on the machine
        "jobs_per_cpu_s": round(done / cpu) if cpu > 0 else None, "events": rt.events.count,
        "peak_rss_mib": round(peak_rss_kib() / 1024, 1),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--kind", choices=sorted(JOBS_PER_TASK), default="pbkdf2")
    ap.add_argument("--jobs", type=int, default=100_000)
    ap.add_argument("--inflight", type=int, default=1000)
    ap.add_argument("--path", default="/etc/hostname")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    r = run(a.kind, a.jobs, a.inflight, a.path)
    print(json.dumps(r) if a.json else
          f"{r['kind']}: {r['jobs']:,} jobs in {r['wall_s']} s = {r['jobs_per_s']:,} jobs/s ({r['jobs_per_cpu_s']:,}/CPU-s), "
          f"peak RSS {r['peak_rss_mib']} MiB ({r['inflight'] or 'all'} in flight)")


if __name__ == "__main__":
    main()
