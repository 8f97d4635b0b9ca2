"""Attached to real Node processes (issue 15): Workers, the inspector and the pool told apart; real CPU %
beside busy %; durations that began before the attach said to be lower bounds.

Each test starts its own node, waits for a state it can check in /proc (never a sleep), asserts what
ptview says against that, and kills and reaps the process.
"""

from __future__ import annotations

import collections
import json
import os
import shutil
import subprocess
import time

import pytest

from tui.cli import main
from tui.core.attach.proc_reader import ProcReader
from tui.core.attach.sampler import Sampler
from tui.core.attach.syscalls import syscall_name
from widgets.attach_view import pool_lines

NODE = shutil.which("node")
pytestmark = [
    pytest.mark.skipif(NODE is None, reason="node not installed"),
    pytest.mark.skipif(not os.path.isdir("/proc/self/task"), reason="needs Linux /proc"),
]

WORKERS = r"""
const { Worker, isMainThread } = require('worker_threads');
if (isMainThread) {
  let online = 0;
  for (let i = 0; i < 2; i++) {
    new Worker(__filename).on('online', () => {
      // the pool starts on the first request, after the Workers: they come first in creation order
      if (++online === 2) require('fs').readFile(__filename, () => console.log('ready'));
    });
  }
  setInterval(() => {}, 1000);
} else {
  setInterval(() => {}, 1000);  // a Worker idle in its own event loop
}
"""


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.kill()
    proc.wait(timeout=10)
    for f in (proc.stdin, proc.stdout, proc.stderr):
        if f:
            f.close()


def _wait_for(cond, what: str, limit: float = 20.0):
    end = time.monotonic() + limit
    while True:
        got = cond()
        if got:
            return got
        if time.monotonic() > end:
            pytest.fail(f"timed out waiting for {what}")
        time.sleep(0.02)


def _waits(pid: int) -> dict[int, str]:
    """tid → the system call each thread is in now ('' when on a CPU or unreadable)."""
    r = ProcReader()
    out = {}
    for tid in r.list_tids(pid):
        sc = r.read_thread(pid, tid).syscall
        out[tid] = syscall_name(sc.nr) if sc is not None and sc.nr is not None else ""
    return out


def _needs_ptrace(pid: int) -> None:
    if ProcReader().read_thread(pid, pid).syscall is None or ProcReader().environ(pid) is None:
        pytest.skip("no ptrace permission here: syscall and environ not readable")


@pytest.fixture
def workers_inspect(tmp_path):
    """Node 20 with two idle Workers, --inspect, NODE_OPTIONS=--v8-pool-size=2, UV_THREADPOOL_SIZE=2:
    main, delayed tasks, V8 x2, the SIGUSR1 watchdog, the inspector's I/O thread, 2 Workers, pool x2."""
    script = tmp_path / "workers.js"
    script.write_text(WORKERS)
    env = dict(os.environ, UV_THREADPOOL_SIZE="2", NODE_OPTIONS="--v8-pool-size=2")
    proc = subprocess.Popen([NODE, "--inspect=127.0.0.1:0", str(script)], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    try:
        assert proc.stdout.readline().strip() == b"ready"
        _needs_ptrace(proc.pid)
        # Settled: ten threads, five of them loops waiting in epoll (main, the delayed-task
        # scheduler, the inspector's I/O thread, the two Workers), the rest parked in futex.
        def settled():
            w = _waits(proc.pid)
            kinds = collections.Counter("epoll" if c.startswith("epoll") else c for c in w.values())
            return len(w) == 10 and kinds == {"epoll": 5, "futex": 5}
        _wait_for(settled, "the Workers and the pool to settle")
        yield proc
    finally:
        _stop(proc)


EXPECTED = {"main": 1, "delayed tasks": 1, "V8 platform": 2, "inspector": 2, "Worker": 2, "libuv worker": 2}


def test_tree_labels_workers_inspector_and_pool(workers_inspect, capsys):
    proc = workers_inspect
    assert main(["--tree", "--pid", str(proc.pid), "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    roles = collections.Counter(t["role"] for t in doc["threads"])
    # Before: six "libuv worker" (the Workers among them), v8-pool-size ignored (a pool thread
    # called "V8 platform", another "inspector").
    assert roles == EXPECTED


def test_watch_labels_them_and_an_idle_worker_is_not_busy(workers_inspect, capsys):
    proc = workers_inspect
    assert main(["--watch", str(proc.pid), "--seconds", "1", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert collections.Counter(t["role"] for t in doc["threads"]) == EXPECTED
    assert doc["node"] == {"v8_pool_size": 2, "uv_threadpool_size": 2, "uv_threadpool_size_known": True,
                           "inspector": True}
    for t in doc["threads"]:
        if t["role"] == "Worker":
            assert t["activities"][0]["what"].startswith("epoll") and t["activities"][0]["idle"], t
    assert doc["saturated_pct"] == 0.0  # the pool is idle; the Workers are not in it


SPIN = r"""
const crypto = require('crypto');
const spin = () => crypto.pbkdf2('p', 's', 200000, 32, 'sha512', spin);
spin(); spin();
setInterval(() => {}, 1000);
console.log('ready');
"""


def test_pool_rows_show_real_cpu_beside_busy():
    """Two pool threads spinning on one CPU: each is runnable (busy) all the time, but gets at most
    about half a core. The row used to say "on CPU 100 %"."""
    env = dict(os.environ, UV_THREADPOOL_SIZE="2")
    cpu = str(min(os.sched_getaffinity(0)))
    if shutil.which("taskset"):
        proc = subprocess.Popen(["taskset", "-c", cpu, NODE, "-e", SPIN], env=env, stdout=subprocess.PIPE)
    else:
        proc = subprocess.Popen([NODE, "-e", SPIN], env=env, stdout=subprocess.PIPE,
                                preexec_fn=lambda: os.sched_setaffinity(0, {int(cpu)}))
    try:
        assert proc.stdout.readline().strip() == b"ready"
        sampler = Sampler(proc.pid, hz=20.0)
        try:
            def ready():
                sampler.sample_once()
                snap = sampler.snapshot()
                ok = (len(snap.workers) == 2 and all(w.window.samples >= 20 for w in snap.workers)
                      and snap.elapsed_s >= 2.0)
                time.sleep(0.05)  # the sampling period: this loop is the sampler's, run by hand
                return snap if ok else None
            snap = _wait_for(ready, "two seconds of samples of both workers", 30)
        finally:
            sampler.stop()
        for w in snap.workers:
            assert w.window.busy_pct >= 80, w  # runnable, or blocked in a short call between jobs
            assert w.window.cpu_pct is not None and w.window.cpu_pct <= 70, w
        assert sum(w.window.cpu_pct for w in snap.workers) <= 115  # one core between them
        rows = [line for line in pool_lines(snap, 100) if line.plain.lstrip().startswith("w")]
        for line, w in zip(rows, snap.workers):
            assert f"{w.window.busy_pct:4.0f}%" in line.plain and f"{w.window.cpu_pct:3.0f}%" in line.plain
    finally:
        _stop(proc)


def test_a_pool_stuck_before_the_attach_is_said_to_be_so(tmp_path):
    """One pool thread blocked opening a FIFO before ptview looks: the saturation is at least as
    long as the attach, and at most as old as the pool; it used to read "SATURATED for 0.5 s"."""
    fifo = tmp_path / "stuck.fifo"
    os.mkfifo(fifo)
    env = dict(os.environ, UV_THREADPOOL_SIZE="1")
    js = f"require('fs').readFile({str(fifo)!r}, () => {{}}); setInterval(() => {{}}, 1000)"
    proc = subprocess.Popen([NODE, "-e", js], env=env)
    try:
        _wait_for(lambda: "openat" in _waits(proc.pid).values(), "the pool thread blocked in openat")
        _needs_ptrace(proc.pid)
        seen_blocked = time.monotonic()
        sampler = Sampler(proc.pid, hz=20.0)
        try:
            def saturated():
                sampler.sample_once()
                snap = sampler.snapshot()
                time.sleep(0.05)
                return snap if snap.saturated and snap.ticks >= 5 else None
            snap = _wait_for(saturated, "the sampler to see the pool saturated")
        finally:
            sampler.stop()
        lasting = snap.taken_at - snap.saturated_since
        assert snap.saturated_open and snap.workers[0].busy_open
        assert snap.pool_age_s is not None and snap.pool_age_s >= time.monotonic() - seen_blocked - 0.05
        assert snap.pool_age_s >= lasting  # the upper bound is above the lower one
        text = "\n".join(line.plain for line in pool_lines(snap, 120))
        assert "SATURATED ≥" in text and "since attach; the pool started" in text, text
        assert "≥" in text.splitlines()[2]  # the worker's row: its stretch began before we looked
    finally:
        _stop(proc)
