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
