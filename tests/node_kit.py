"""Helpers for the tests that run a real node under the probe (skipped where there is no node)."""

from __future__ import annotations

import json
import os
import pathlib
import shutil
import subprocess
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
CONFORMANCE = ROOT / "tests" / "conformance"
NODE = shutil.which("node")

needs_node = pytest.mark.skipif(NODE is None, reason="no node on PATH")


def ptview(*argv: str, timeout: float = 60, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tui", *argv], capture_output=True, text=True,
                          timeout=timeout, cwd=ROOT, **kw)


def real_events(script: str | os.PathLike, *node_flags: str) -> list[dict]:
    """`ptview --headless --node --json` on a script, its events as dicts."""
    argv = ["--headless", "--node", "--json"]
    argv += ["--", "node", *node_flags, str(script)] if node_flags else [str(script)]
    r = ptview(*argv)
    assert r.returncode == 0, r.stderr
    return [json.loads(line) for line in r.stdout.splitlines()]


def user_callbacks(events: list[dict]) -> list[dict]:
    return [e for e in events if e["ev"] == "callback" and not e.get("internal")]
