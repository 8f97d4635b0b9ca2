"""bench/node_costs.py runs on real node (tiny counts; its figures belong in the README, not in CI)."""

import json
import os
import shutil
import subprocess
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")
def test_node_costs_tiny_run():
    r = subprocess.run([sys.executable, "bench/node_costs.py", "--runs", "2", "--race-runs", "2",
                        "--kernel-runs", "1", "--worker-runs", "1", "--json"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    whats = [row["what"] for row in out["inside"]]
    assert "1. first console.log (main module)" in whats and "3. require('crypto') cached" in whats
    assert len(out["race"]) == 4 and all(row["runs"] == 2 for row in out["race"])
    assert len(out["kernels"]) == 4 and all(row["node_ms"]["median"] > 0 for row in out["kernels"])
    spawn = {row["what"]: row["median"] for row in out["workers"]}
    # A Worker is a thread with its own isolate: megabytes; a forked child a whole node: tens of them.
    assert 0 < spawn["6. new Worker() to 'online' (ms)"] <= spawn["6. new Worker() to its first message (ms)"]
    assert spawn["6. RSS of the forked child (MiB)"] > spawn["6. RSS a Worker adds (MiB)"] > 1
