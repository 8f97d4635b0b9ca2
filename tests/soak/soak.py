"""Seeded random firing for a long time: memory stays bounded, nothing raises, counters add up.

    python tests/soak/soak.py --mode sim --seconds 600 --seed 1
    python tests/soak/soak.py --mode live --seconds 120 --seed 1

Operations arrive as the app delivers keys: a callback in the poll phase that
fires a random batch (every operation, good and bad arguments: missing files,
a directory, /dev/zero, names that do not exist, a DNS server that refuses),
and now and then cancels a random task still in flight. Prints one JSON line
with the figures; exit 1 if an invariant broke. `run()` is what
tests/test_reliability_soak.py calls for a few seconds.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import socket
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

from tui.core.callbacks import Callback  # noqa: E402
from tui.core.ops import NodeAPI  # noqa: E402
from tui.core.runtime import Runtime  # noqa: E402
from tui.core.sim_work import SimWork  # noqa: E402


def rss_mib() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1048576


def _closed_udp_port() -> int:
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def _operations(live: bool, small: str, tmpdir: str):
    pbkdf2 = (1_000, 20_000) if live else (1_000, 100_000)  # a load the pool keeps up with
    ops = [
        (8, lambda api, r: api.read_file(small)),
        (2, lambda api, r: api.read_file(os.path.join(tmpdir, "missing"))),
        (2, lambda api, r: api.read_file(tmpdir)),  # EISDIR
        (1, lambda api, r: api.read_file("/dev/zero")),  # ERR_FS_FILE_TOO_LARGE after 64 MiB
        (6, lambda api, r: api.stat(r.choice([small, "/", os.path.join(tmpdir, "missing")]))),
        (4, lambda api, r: api.lookup(r.choice(["localhost", "nothing.invalid", "127.0.0.1"]))),
        (2, lambda api, r: api.resolve(r.choice(["localhost", "example.com"]))),
        (6, lambda api, r: api.pbkdf2(r.randint(*pbkdf2))),
        (3, lambda api, r: api.gzip(small)),
        (4, lambda api, r: api.net_request()),
        (6, lambda api, r: api.set_timeout(r.choice([0, 1, 5, 50]))),
        (2, lambda api, r: api.set_interval(r.choice([1, 10]))),
        (6, lambda api, r: api.set_immediate()),
        (6, lambda api, r: api.next_tick()),
        (6, lambda api, r: api.promise_then()),
        (1, lambda api, r: api.block(r.choice([1, 5, 20]))),
        (0.5, lambda api, r: [api.pbkdf2(pbkdf2[1]) for _ in range(10)]),  # a burst: a queue to cancel from
    ]
    if not live or os.environ.get("SOAK_FORK", "1") == "1":
        ops.append((1 if not live else 0.2, lambda api, r: api.fork(stay_ms=r.choice([0, 10]))))
    weights = [w for w, _ in ops]
    return [f for _, f in ops], weights


def run(mode: str = "sim", seconds: float = 5.0, seed: int = 1, pool_size: int = 4, fires_per_s: float = 200.0,
        quiet: bool = True) -> dict:
    """Soak for `seconds` of wall time; returns the figures (raises on an exception in the model)."""
    rng = random.Random(seed)
    tmpdir = tempfile.mkdtemp(prefix="ptview-soak-")
    small = os.path.join(tmpdir, "small.txt")
    with open(small, "w") as f:
        f.write("node event loop\n" * 4000)  # 64 KB: one read, a couple of gzip chunks
    live = mode == "live"
    if live:
        from tui.core.live.driver import LiveDriver
        from tui.core.live.runtime import LiveRuntime

        rt = LiveRuntime(pool_size, dns_server=("127.0.0.1", _closed_udp_port()))
        driver = LiveDriver(rt)
    else:
        rt = Runtime(pool_size, work=SimWork(seed))
        driver = None
    api = NodeAPI(rt)
    ops, weights = _operations(live, small, tmpdir)
    rt.loop.active_handles += 1  # a TTY handle, as in the app: the loop waits for keys
    rt.start(None)
    fired = cancels = cancelled_ok = batches = 0
    rss: list[tuple[float, float]] = []
    t0 = time.monotonic()
    next_sample = t0
    next_report = t0 + 30
    try:
        while True:
            now = time.monotonic()
            if now - t0 >= seconds:
                break
            if now >= next_sample:
                rss.append((round(now - t0, 1), round(rss_mib(), 1)))
                next_sample += max(0.5, seconds / 120)
            if not quiet and now >= next_report:
                next_report += 30
                print(f"  {now - t0:6.0f} s  fired {fired:,}  rss {rss[-1][1]} MiB  model {rt.clock.now():,.0f} ms",
                      file=sys.stderr)
            batch = [rng.choices(ops, weights)[0] for _ in range(rng.randint(1, 8))]

            def on_key(batch=batch):
                for op in batch:
                    op(api, rng)

            rt.loop.io_ready_now(Callback(on_key, "key → soak", op="tty.keypress", cost=rt.work.cost("callback")))
            fired += len(batch)
            batches += 1
            if rng.random() < 0.3:
                flying = rt.in_flight_tasks()
                if flying:
                    cancels += 1
                    cancelled_ok += api.cancel(rng.choice(flying)) == "ECANCELED"
            if live:
                # Pace the keys in wall time; pump what is ready in between.
                until = time.monotonic() + len(batch) / fires_per_s
                while time.monotonic() < until:
                    driver.pump()
                    driver.wait(max(0.0, min(0.01, until - time.monotonic())))
            else:
                rt.run_until(rt.clock.now() + rng.uniform(0.0, 100.0))
        # Drain: stop firing and let everything that can finish, finish.
        rt.loop.active_handles -= 1
        if live:
            driver.run_until_idle(30)
        else:
            rt.run()
    finally:
        pool, counts = rt.pool, dict(rt.task_counts)
        in_flight_tasks = len(rt.in_flight_tasks())
        figures = {
            "mode": mode, "seed": seed, "seconds": round(time.monotonic() - t0, 1), "pool_size": pool_size,
            "fired": fired, "batches": batches, "cancel_attempts": cancels, "cancelled_queued": cancelled_ok,
            "tasks": counts, "tasks_in_flight": in_flight_tasks,
            "jobs": {"submitted": pool.submitted, "done": pool.done, "failed": pool.failed,
                     "cancelled": pool.cancelled, "in_flight": pool.in_flight()},
            "model_ms": round(rt.clock.now(), 1), "events": rt.events.count, "kept_tasks": len(rt.tasks),
            "rss_mib": rss,
        }
        if live:
            figures["children_left"] = len(rt.loop_io.live_children())
            rt.shutdown()
        os.unlink(small)
        os.rmdir(tmpdir)
    j, t = figures["jobs"], figures["tasks"]
    figures["jobs_add_up"] = j["submitted"] == j["done"] + j["failed"] + j["cancelled"] + j["in_flight"]
    figures["tasks_add_up"] = t["submitted"] == t["done"] + t["failed"] + t["cancelled"] + in_flight_tasks
    settled = [m for s, m in rss if s >= figures["seconds"] * 0.2] or [m for _, m in rss]
    figures["rss_settled_min_max"] = (min(settled), max(settled)) if settled else None
    return figures


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--mode", choices=["sim", "live"], default="sim")
    p.add_argument("--seconds", type=float, default=600.0)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--pool-size", type=int, default=4)
    p.add_argument("--rate", type=float, default=200.0, help="live: operations fired per second")
    a = p.parse_args()
    f = run(a.mode, a.seconds, a.seed, a.pool_size, a.rate, quiet=False)
    print(json.dumps(f))
    lo, hi = f["rss_settled_min_max"]
    ok = f["jobs_add_up"] and f["tasks_add_up"] and hi - lo < 50 and f.get("children_left", 0) == 0
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
