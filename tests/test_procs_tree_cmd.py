"""`ptview --tree`: text, JSON, and a pid that does not exist."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import pathlib

import pytest

from procs_helpers import start_named_threads_child, stop_child
from tui.cli import main

ROOT = pathlib.Path(__file__).resolve().parent.parent
# Above the kernel's largest possible pid_max (2**22): never a live process.
NO_SUCH_PID = 2**22 + 1

linux_only = pytest.mark.skipif(not os.path.isdir("/proc/self/task"), reason="reads /proc")


def test_nonexistent_pid_is_one_line_on_stderr_and_exit_2():
    out = subprocess.run([sys.executable, "-m", "tui", "--tree", "--pid", str(NO_SUCH_PID)],
                         cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert out.returncode == 2
    assert out.stdout == ""
    assert out.stderr == f"ptview: error: no process with pid {NO_SUCH_PID}\n"


@linux_only
def test_tree_text_for_a_pid(capsys):
    child, grandchild = start_named_threads_child()
    try:
        assert main(["--tree", "--pid", str(child.pid)]) == 0
    finally:
        stop_child(child)
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith(f"python") and f"({child.pid})" in lines[0]
    assert any("{gamma}(" in line for line in lines)
    assert lines[-1].startswith("└─") and f"({grandchild})" in lines[-1]


@linux_only
def test_tree_json_is_nested(capsys):
    child, grandchild = start_named_threads_child()
    try:
        assert main(["--tree", "--json", "--pid", str(child.pid)]) == 0
    finally:
        stop_child(child)
    doc = json.loads(capsys.readouterr().out)
    assert doc["pid"] == child.pid and doc["ppid"] == os.getpid()
    assert isinstance(doc["cmdline"], list)
    assert {"alpha", "beta", "gamma"} <= {t["name"] for t in doc["threads"]}
    [gc] = doc["children"]
    assert gc["pid"] == grandchild and gc["children"] == [] and gc["threads"][0]["tid"] == grandchild


@linux_only
def test_whole_system_json_contains_this_process(capsys):
    assert main(["--tree", "--json"]) == 0
    roots = json.loads(capsys.readouterr().out)
    me = os.getpid()

    def find(nodes):
        for n in nodes:
            if n["pid"] == me:
                return n
            hit = find(n["children"])
            if hit:
                return hit
        return None

    found = find(roots)
    assert found is not None and found["threads"]
