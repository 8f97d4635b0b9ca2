"""A real Node process: its threads and their roles, before and after the pool starts."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from tui.core.procs.scanner import Scanner

NODE = shutil.which("node")
pytestmark = pytest.mark.skipif(NODE is None or not os.path.isdir("/proc/self/task"),
                                reason="needs node and Linux /proc")

# Says "ready" at once, does one fs.readFile per line on stdin, says "done" after each.
SCRIPT = r"""
const fs = require('fs');
process.stdout.write('ready\n');
process.stdin.on('data', () => fs.readFile('/etc/hostname',
  () => process.stdout.write('done\n')));
"""


def test_one_readfile_adds_four_libuv_workers():
    env = {k: v for k, v in os.environ.items() if k not in ("UV_THREADPOOL_SIZE", "NODE_OPTIONS")}
    p = subprocess.Popen([NODE, "-e", SCRIPT], stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env, text=True)
    try:
        assert p.stdout.readline() == "ready\n"
        scan = Scanner()
        before = scan.scan(threads_of={p.pid}).snapshot
        assert before.procs[p.pid].node
        tids_before = {t.tid for t in before.threads[p.pid]}
        assert before.threads[p.pid][0].role == "main" and before.threads[p.pid][0].tid == p.pid
        assert all(t.role != "libuv worker" for t in before.threads[p.pid])

        p.stdin.write("go\n")
        p.stdin.flush()
        assert p.stdout.readline() == "done\n"
        after = scan.scan(threads_of={p.pid}).snapshot
        new = [t for t in after.threads[p.pid] if t.tid not in tids_before]
        assert len(after.threads[p.pid]) == len(tids_before) + 4
        assert len(new) == 4
        assert all(t.role == "libuv worker" for t in new), [(t.tid, t.name, t.role) for t in new]
        roles_before = {t.tid: t.role for t in after.threads[p.pid] if t.tid in tids_before}
        assert "libuv worker" not in roles_before.values()
        assert "V8 platform" in roles_before.values()
    finally:
        p.kill()
        p.wait()
