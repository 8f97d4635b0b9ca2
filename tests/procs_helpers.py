"""Shared by the test_procs_* files: real child processes, and fake snapshots."""

from __future__ import annotations

import os
import subprocess
import sys
import time

from tui.core.procs.scanner import ProcRow, ScanResult, Snapshot, ThreadRow, diff_snapshots

# A child with three threads that name themselves, and a grandchild. It prints
# one line once all of that exists and exits (reaping the grandchild) when its
# stdin closes.
NAMED_THREADS_CHILD = r"""
import ctypes, subprocess, sys, threading
libc = ctypes.CDLL(None)
ready = threading.Barrier(4)
done = threading.Event()
def run(name):
    libc.prctl(15, name.encode(), 0, 0, 0)
    ready.wait()
    done.wait()
threads = [threading.Thread(target=run, args=(n,)) for n in ("alpha", "beta", "gamma")]
for t in threads: t.start()
ready.wait()
grandchild = subprocess.Popen([sys.executable, "-c", "import sys; sys.stdin.read()"], stdin=subprocess.PIPE)
print(grandchild.pid, flush=True)
sys.stdin.read()
done.set()
grandchild.stdin.close(); grandchild.wait()
for t in threads: t.join()
"""


def start_named_threads_child() -> tuple[subprocess.Popen, int]:
    child = subprocess.Popen([sys.executable, "-c", NAMED_THREADS_CHILD],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    line = child.stdout.readline()
    assert line.strip().isdigit(), f"child did not start: {line!r}"
    return child, int(line)


def stop_child(child: subprocess.Popen) -> None:
    try:
        child.stdin.close()
        child.wait(timeout=10)
    except subprocess.TimeoutExpired:
        child.kill()
        child.wait()


def wait_for(cond, timeout: float = 10.0, what: str = "condition"):
    """Poll `cond` until it returns something truthy; fail after `timeout`."""
    deadline = time.monotonic() + timeout
    while True:
        value = cond()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.01)


def proc(pid: int, ppid: int, name: str = "p", *, cpu: float | None = 0.0, threads: int = 1,
         cmdline: tuple[str, ...] | None = None, node: bool = False, start: int = 1) -> ProcRow:
    return ProcRow(pid=pid, ppid=ppid, name=name, exe=f"/usr/bin/{name}",
                   cmdline=cmdline if cmdline is not None else (name,), user="u", state="S",
                   cpu_percent=cpu, rss=1 << 20, num_threads=threads, start=start,
                   create_time=0.0, node=node)


def thread(tid: int, pid: int, name: str, role: str | None = None, inferred: bool = False) -> ThreadRow:
    return ThreadRow(tid=tid, pid=pid, name=name, state="S", cpu_percent=0.0, start=1,
                     role=role, role_inferred=inferred)


def snapshot(procs: list[ProcRow], threads: dict[int, list[ThreadRow]] | None = None,
             self_pid: int = os.getpid(), t: float = 0.0) -> Snapshot:
    return Snapshot(t, {p.pid: p for p in procs},
                    {pid: tuple(ts) for pid, ts in (threads or {}).items()}, self_pid)


def result(prev: Snapshot | None, snap: Snapshot) -> ScanResult:
    return ScanResult(snap, diff_snapshots(prev, snap))


NODE20_ROLES = ["main", "delayed tasks", "V8 platform", "V8 platform", "V8 platform", "V8 platform",
                "inspector", "libuv worker", "libuv worker", "libuv worker", "libuv worker"]


def node_server_procs(node: int, extra=()):
    """A small fixed system with one Node 20 process (pid `node`) that has used its pool."""
    threads = [thread(node + i, node, "node", role, inferred=i > 0) for i, role in enumerate(NODE20_ROLES)]
    procs = [proc(1, 0, "init"), proc(100, 1, "bash", cmdline=("bash",)),
             proc(node, 100, "node", threads=11, node=True, cpu=41.5, cmdline=("node", "server.js")),
             *extra,
             proc(400, 1, "sshd", cmdline=("sshd:", "/usr/sbin/sshd", "-D"))]
    return procs, {node: threads}
