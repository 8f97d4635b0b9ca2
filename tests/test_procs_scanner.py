"""The /proc scanner against real processes: names, parentage, churn, exits, odd files."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time

import pytest

from procs_helpers import start_named_threads_child, stop_child, wait_for
from tui.core.procs import scanner as scanner_mod
from tui.core.procs.scanner import Scanner
from tui.core.procs.tree import build_forest, node_dict, render_text

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")


@linux_only
def test_child_with_named_threads_and_a_grandchild():
    child, grandchild = start_named_threads_child()
    try:
        scan = Scanner()
        snap = scan.scan(threads_of={child.pid, grandchild}).snapshot
        me = os.getpid()
        assert snap.procs[child.pid].ppid == me
        assert snap.procs[grandchild].ppid == child.pid
        assert snap.procs[child.pid].num_threads == 4
        names = sorted(t.name for t in snap.threads[child.pid])
        assert [n for n in names if n in ("alpha", "beta", "gamma")] == ["alpha", "beta", "gamma"]
        assert len(snap.threads[grandchild]) == 1

        [root] = build_forest(snap, child.pid)
        assert [c.proc.pid for c in root.children] == [grandchild]
        assert {t.tid for t in root.threads} == {int(t) for t in os.listdir(f"/proc/{child.pid}/task")}
        text = render_text([root])
        assert "{beta}(" in text and f"({grandchild})" in text
        doc = node_dict(root)
        assert doc["pid"] == child.pid and doc["ppid"] == me
        assert doc["children"][0]["pid"] == grandchild
        assert {"alpha", "beta", "gamma"} <= {t["name"] for t in doc["threads"]}
        assert all({"tid", "name", "state", "role"} <= t.keys() for t in doc["threads"])
    finally:
        stop_child(child)


@linux_only
def test_a_process_that_exits_goes_away():
    p = subprocess.Popen(["sleep", "60"])
    scan = Scanner()
    try:
        first = scan.scan(threads_of={p.pid}).snapshot
        assert first.procs[p.pid].name == "sleep"
        key = first.procs[p.pid].key
    finally:
        p.kill()
        p.wait()
    res = scan.scan(threads_of={p.pid})
    assert p.pid not in res.snapshot.procs
    assert p.pid not in res.snapshot.threads
    assert key in res.diff.removed_procs


@linux_only
def test_many_short_lived_children_while_scanning():
    scan = Scanner()
    stop = threading.Event()
    overlapped = threading.Event()
    spawned: list[int] = []
    deadline = time.monotonic() + 60

    def churn():
        # 300 children at least, and on until a scan has caught one alive (a loaded machine can
        # run a whole batch between two scans).
        while not stop.is_set() and (len(spawned) < 300 or not overlapped.is_set()) \
                and time.monotonic() < deadline:
            batch = [subprocess.Popen(["sleep", "0.02"]) for _ in range(5)]
            spawned.extend(p.pid for p in batch)
            for p in batch:
                p.wait()

    t = threading.Thread(target=churn)
    t.start()
    me = os.getpid()
    seen_children = 0
    try:
        while t.is_alive():
            res = scan.scan(threads_of=None)  # every thread too: the most to trip over
            seen_children += sum(1 for p in res.snapshot.procs.values() if p.ppid == me)
            if seen_children:
                overlapped.set()
    finally:
        stop.set()
        t.join()
    assert seen_children > 0, "the scans never overlapped a child: the test proved nothing"
    res = scan.scan(threads_of=None)
    stale = [p for p in res.snapshot.procs.values() if p.ppid == me]
    assert stale == []
    assert not any(pid in res.snapshot.threads and res.snapshot.procs[pid].ppid == me for pid in spawned)


@linux_only
def test_cpu_percent_of_a_busy_thread():
    code = "import sys\nsys.stdout.write('go\\n'); sys.stdout.flush()\nwhile True: pass\n"
    p = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        p.stdout.readline()
        scan = Scanner()
        first = scan.scan(threads_of={p.pid}).snapshot
        assert first.procs[p.pid].cpu_percent is None  # one sample says nothing yet
        # CPU time advances in clock ticks: wait until a tick or more has been counted.
        busy = wait_for(lambda: (s := scan.scan(threads_of={p.pid}).snapshot).procs[p.pid].cpu_percent and s,
                        what="CPU time of a spinning process")
        assert busy.procs[p.pid].cpu_percent > 0
        assert busy.threads[p.pid][0].cpu_percent is not None
    finally:
        p.kill()
        p.wait()


def _fake_proc(root, pid, stat, cmdline=b"", exe=None):
    d = root / str(pid)
    d.mkdir()
    if stat is not None:
        (d / "stat").write_bytes(stat)
    (d / "cmdline").write_bytes(cmdline)
    if exe:
        os.symlink(exe, d / "exe")
    (d / "task").mkdir()
    return d


def _stat(pid, comm, state="S", ppid=1, threads=1, start=100):
    fields = [state, str(ppid)] + ["0"] * 9 + ["5", "7"] + ["0"] * 4 + [str(threads), "0", str(start), "0", "25"]
    return f"{pid} ({comm}) {' '.join(fields)}\n".encode()


def test_odd_proc_entries_do_not_break_the_scan(tmp_path, monkeypatch):
    (tmp_path / "self" / "task").mkdir(parents=True)
    (tmp_path / "stat").write_bytes(b"cpu 0 0\nbtime 1700000000\n")
    _fake_proc(tmp_path, 10, _stat(10, "we (i) rd) x", threads=2), b"/usr/bin/node\0app.js\0", exe="/usr/bin/node")
    _fake_proc(tmp_path, 20, _stat(20, "defunct", state="Z", ppid=10))
    _fake_proc(tmp_path, 50, _stat(50, "MainThread"), b"node\0x.js\0", exe="/opt/n24/bin/node")
    _fake_proc(tmp_path, 30, None)  # vanished between listdir and reading its stat
    (tmp_path / "40").mkdir()  # a bare directory: same thing, earlier
    d = tmp_path / "10" / "task"
    for tid, name in ((10, "node"), (11, "node")):
        (d / str(tid)).mkdir()
        (d / str(tid) / "stat").write_bytes(_stat(tid, name, start=100 + tid))
    (d / "12").mkdir()  # a thread that ended mid-scan

    real_readlink = os.readlink

    def readlink(path, *a, **k):
        if str(path).endswith("/20/exe"):
            raise PermissionError(13, "Permission denied")
        return real_readlink(path, *a, **k)

    monkeypatch.setattr(scanner_mod.os, "readlink", readlink)
    scan = Scanner(proc_root=str(tmp_path))
    assert scan.linux
    snap = scan.scan(threads_of={10, 20}).snapshot
    assert sorted(snap.procs) == [10, 20, 50]
    assert snap.procs[50].name == "node"  # not its main thread's name (Node 24)
    weird = snap.procs[10]
    assert weird.name == "we (i) rd) x"
    assert weird.node and weird.cmdline == ("/usr/bin/node", "app.js")
    assert weird.rss == 25 * os.sysconf("SC_PAGE_SIZE")
    assert weird.create_time == 1700000000 + 100 / os.sysconf("SC_CLK_TCK")
    assert [(t.tid, t.role) for t in snap.threads[10]] == [(10, "main"), (11, "delayed tasks")]
    zombie = snap.procs[20]
    assert zombie.state == "Z" and zombie.cmdline == () and zombie.unreadable == {"exe"}
    # One thread left: read from the process's own stat, not the (empty) task dir.
    assert [(t.tid, t.state) for t in snap.threads[20]] == [(20, "Z")]


def test_scanner_without_proc_falls_back_to_psutil(tmp_path):
    scan = Scanner(proc_root=str(tmp_path))  # no self/task there: not usable as /proc
    assert not scan.linux
    me = os.getpid()
    snap = scan.scan(threads_of={me}).snapshot
    assert snap.procs[me].pid == me
    assert me in {t.tid for t in snap.threads[me]}
    assert all(t.name is None for t in snap.threads[me])


@linux_only
def test_hundreds_of_threads_in_one_process():
    code = (
        "import sys, threading\n"
        "threading.stack_size(64 * 1024)\n"
        "stop = threading.Event()\n"
        "ts = [threading.Thread(target=stop.wait) for _ in range(300)]\n"
        "[t.start() for t in ts]\n"
        "print('ready', flush=True)\n"
        "sys.stdin.read(); stop.set(); [t.join() for t in ts]\n"
    )
    p = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert p.stdout.readline() == "ready\n"
        snap = Scanner().scan(threads_of={p.pid}).snapshot
        assert snap.procs[p.pid].num_threads == 301
        tids = [t.tid for t in snap.threads[p.pid]]
        assert len(tids) == 301 and tids == sorted(tids) and tids[0] == p.pid
    finally:
        p.stdin.close()
        p.wait()


def test_sample_ticks_is_the_cpu_baseline_of_the_next_scan():
    import os

    from tui.core.procs.scanner import Scanner

    cold = Scanner().scan(threads_of={os.getpid()}).snapshot
    assert cold.procs[os.getpid()].cpu_percent is None  # one sample: no CPU % yet
    s = Scanner()
    s.sample_ticks(threads_of={os.getpid()})
    snap = s.scan(threads_of={os.getpid()}).snapshot
    assert snap.procs[os.getpid()].cpu_percent is not None
    assert all(t.cpu_percent is not None for t in snap.threads[os.getpid()])
    assert snap.procs[1].cpu_percent is not None  # every process, threads or not
