"""The benchmark runs (it is never timed here: figures belong in the README, not in CI)."""

import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def test_bench_help():
    r = subprocess.run([sys.executable, "bench/run.py", "--help"], cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 0 and "--quick" in r.stdout


def test_model_bench_tiny_run():
    r = subprocess.run([sys.executable, "bench/model.py", "--kind", "readFile", "--jobs", "400",
                        "--inflight", "10", "--json"], cwd=ROOT, capture_output=True, text=True)
    out = json.loads(r.stdout)
    assert out["jobs"] == 400 and out["ended"] == "idle"


def test_churn_spawner_is_killed_and_reaped_with_its_children():
    sys.path.insert(0, os.path.join(ROOT, "bench"))
    from churn import Spawner

    def children(pid):
        try:
            with open(f"/proc/{pid}/task/{pid}/children") as f:
                return [int(c) for c in f.read().split()]
        except OSError:
            return []

    import time

    with Spawner(every=0.05, life=5) as s:
        deadline = time.monotonic() + 10
        while len(children(s.proc.pid)) < 3 and time.monotonic() < deadline:
            time.sleep(0.05)
        kids = children(s.proc.pid)
        assert len(kids) >= 3
    assert s.proc.returncode is not None  # reaped
    for pid in kids:  # its sleeps (5 s) went with it: killed and reaped, not left to end alone
        deadline = time.monotonic() + 3
        while os.path.exists(f"/proc/{pid}") and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not os.path.exists(f"/proc/{pid}"), pid
