"""Attach sampler without a real process: a fake /proc and a manual clock."""

from __future__ import annotations

import dataclasses
import pathlib
import re
import struct

import pytest

from tui.core.attach import syscalls
from tui.core.attach.activity import TargetResolver, classify
from tui.core.attach.proc_reader import (
    ProcessGone, SocketInfo, SyscallLine, ThreadGone, ThreadRaw, describe_socket,
    parse_inet_table, parse_stat, parse_syscall, parse_unix_table,
)
from tui.core.attach.report import to_doc, to_text
from tui.core.attach.sampler import Sampler
from tui.core.attach.thread_roles import label_threads

from attach_kit import X, Clock, FakeProc, FakeSource, make, raw, run  # noqa: F401



# -- syscall tables ---------------------------------------------------------

@pytest.mark.parametrize("header,table,pattern", [
    ("/usr/include/x86_64-linux-gnu/asm/unistd_64.h", syscalls.X86_64, r"^#define __NR_(\w+)\s+(\d+)"),
    ("/usr/include/asm-generic/unistd.h", syscalls.AARCH64, r"^#define __NR(?:3264)?_(\w+)\s+(\d+)"),
])
def test_tables_agree_with_kernel_headers(header, table, pattern):
    path = pathlib.Path(header)
    if not path.exists():
        pytest.skip(f"{header} not installed")
    nums = {m.group(1): int(m.group(2)) for m in re.finditer(pattern, path.read_text(), re.M)}
    # the generic header spells the 64-bit stat calls __NR3264_fstatat / _fstat
    nums.setdefault("newfstatat", nums.get("fstatat"))
    wrong = {nr: name for nr, name in table.items() if name in nums and nums[name] != nr}
    unknown = [name for name in table.values() if name not in nums]
    assert wrong == {} and unknown == []


def test_table_choice_and_unknown_numbers():
    assert syscalls.table_for("x86_64")[202] == "futex"
    assert syscalls.table_for("aarch64")[98] == "futex"
    assert syscalls.table_for("sparc") == {}
    assert syscalls.syscall_name(9999, {}) == "syscall 9999"


# -- parsing /proc text ------------------------------------------------------

def test_parse_syscall_forms():
    assert parse_syscall("running\n") == SyscallLine(True, None)
    assert parse_syscall("-1 0x7ffc 0x7f12\n") == SyscallLine(False, None)
    sc = parse_syscall("0 0x17 0x7f00 0x10000 0x0 0x0 0x0 0x7ffc 0x7f12\n")
    assert sc.nr == 0 and sc.args[0] == 0x17 and len(sc.args) == 6


def test_parse_stat_with_odd_comm():
    line = "42 (a) b (c)) S 1 42 42 0 -1 4194304 1 0 0 0 7 5 0 0 20 0 1 0 1 1 1"
    assert parse_stat(line) == ("a) b (c)", "S", 12)


def test_inet_and_unix_tables():
    udp = ("  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n"
           " 1: 0100007F:A1B2 0200000A:0035 01 00000000:00000000 00:00000000 00000000 0 0 4242 2\n")
    t = parse_inet_table(udp, "udp")
    assert t[4242].remote == "10.0.0.2:53"
    assert describe_socket(t[4242]) == "DNS query to 10.0.0.2:53"
    tcp6 = ("  sl  local_address                         remote_address                        st\n"
            " 0: 00000000000000000000000000000000:1F90 00000000000000000000000000000000:0000 0A"
            " 00000000:00000000 00:00000000 00000000 0 0 77 1\n")
    assert describe_socket(parse_inet_table(tcp6, "tcp6")[77]) == "listening on [::]:8080"
    tcp = (" hdr\n 0: 0100007F:C350 0302010A:1538 02 00000000:00000000 00:00000000 00000000 0 0 88 1\n")
    assert describe_socket(parse_inet_table(tcp, "tcp")[88]) == "10.1.2.3:5432"
    unix = ("Num       RefCount Protocol Flags    Type St Inode Path\n"
            "0000: 00000002 00000000 00010000 0001 01 99 /run/app.sock\n")
    assert describe_socket(parse_unix_table(unix)[99]) == "unix socket /run/app.sock"
    assert describe_socket(None) == "socket"


# -- classification ---------------------------------------------------------

def test_idle_depends_on_role():
    futex, epoll = raw(X["futex"]), raw(X["epoll_pwait"])
    assert classify(futex, "libuv worker", None).idle
    assert classify(epoll, "main", None).idle
    assert not classify(futex, "main", None).idle  # a loop stuck on a lock is blocked
    assert not classify(epoll, "libuv worker", None).idle
    assert classify(raw(X["clock_nanosleep"]), None, None).idle


def test_targets_resolved():
    src = FakeSource(
        fds={7: "/tmp/a.fifo", 8: "/var/log/app.log", 9: "socket:[4242]", 3: "/srv"},
        fifos={7, "/tmp/b.fifo"},
        socks={4242: SocketInfo("udp", "127.0.0.1:5000", "10.0.0.2:53", 53)},
        mem={0x1000: b"/etc/hosts\0junk", 0x4000: b"/tmp/b.fifo\0", 0x2000: struct.pack("ihh", 9, 1, 0), 0x3000: b"data.bin\0"},
    )
    res = TargetResolver(src, 100)
    w = "libuv worker"
    assert classify(raw(X["read"], 7), w, res).label == "read fifo /tmp/a.fifo"
    assert classify(raw(X["pread64"], 8), w, res).label == "pread64 /var/log/app.log"
    assert classify(raw(X["openat"], 0xFFFFFFFFFFFFFF9C, 0x1000), w, res).label == "openat /etc/hosts"
    assert classify(raw(X["openat"], 3, 0x3000), w, res).label == "openat /srv/data.bin"
    assert classify(raw(X["openat"], 0xFFFFFFFFFFFFFF9C, 0x4000), w, res).label == "openat fifo /tmp/b.fifo"
    assert classify(raw(X["poll"], 0x2000, 1), w, res).label == "poll DNS query to 10.0.0.2:53"
    assert classify(raw(X["recvfrom"], 9), w, res).target == "DNS query to 10.0.0.2:53"
    # fd closed between reading the syscall and the link: no target, no error
    assert classify(raw(X["read"], 55), w, res).label == "read"
    assert classify(raw(X["openat"], 0xFFFFFFFFFFFFFF9C, 0xDEAD), w, res).label == "openat"


def test_cpu_and_no_permission_states():
    assert classify(raw(running=True), "libuv worker", None).kind == "cpu"
    assert classify(raw(None, state="R"), "libuv worker", None).kind == "cpu"  # preempted in user space
    blind = ThreadRaw(1, "S", 0, None)
    assert classify(blind, "libuv worker", None).what == "sleeping"
    assert classify(dataclasses.replace(blind, state="R"), None, None).kind == "cpu"
    assert not classify(dataclasses.replace(blind, state="D"), None, None).idle


# -- roles: the process tree's labeller, for Node processes only --------------

def test_roles_node20_by_creation_order():
    tids = [(100, "node")] + [(t, "node") for t in range(102, 108)] + [(t, "node") for t in range(110, 114)]
    roles = label_threads(tids, 100, ["/usr/bin/node", "server.js"])
    got = [roles[t][0] for t, _ in tids]
    assert got == (["main", "delayed tasks"] + ["V8 platform"] * 4 + ["inspector"] + ["libuv worker"] * 4)
    assert all(roles[t][1] for t, _ in tids[1:])


def test_roles_by_name_and_non_node():
    tids = [(5, "MainThread"), (6, "DelayedTaskSche"), (7, "V8Worker"), (8, "libuv-worker")]
    roles = label_threads(tids, 5, ["node"])
    assert roles[5] == ("main", False) and roles[8] == ("libuv worker", False)
    assert set(label_threads([(9, "python3")], 9, ["python3"]).values()) == {(None, False)}


# -- the sampler on a scripted process ---------------------------------------

def test_busy_pct_stretch_and_saturation():
    proc, clock = FakeProc(), Clock()
    s = make(proc, clock)
    for w in proc.workers:
        proc.set(w, raw(X["read"], 20))
    proc.set(proc.main, raw(running=True))
    run(s, clock, 5)  # 0.0..0.4: all busy, loop on CPU
    proc.set(proc.main, raw(X["epoll_pwait"]))
    proc.set(proc.workers[0], raw(X["futex"]))
    run(s, clock, 5)  # 0.5..0.9
    snap = s.snapshot()
    loop = snap.loop
    assert loop.tid == proc.pid and loop.role == "main"
    assert loop.window.busy_pct == pytest.approx(50.0)
    assert loop.window.longest_busy_s == pytest.approx(0.5)
    assert loop.run.longest_busy_s == pytest.approx(0.5)
    assert loop.activity.what == "epoll_pwait" and loop.since == pytest.approx(0.5)
    assert len(snap.workers) == 4 and not snap.saturated
    assert snap.saturated_pct == pytest.approx(50.0)
    w1 = snap.workers[1]
    assert w1.activity.label == "read fifo /tmp/a.fifo" and w1.busy_for_s == pytest.approx(1.0)
    assert w1.run.activities[0].share == 1.0
    with pytest.raises(dataclasses.FrozenInstanceError):
        snap.saturated = True  # type: ignore[misc]
    assert s.snapshot() is snap  # cached until the next sample


def test_window_forgets_but_run_remembers():
    proc, clock = FakeProc(), Clock()
    s = make(proc, clock)
    proc.set(proc.main, raw(running=True))
    run(s, clock, 10)
    proc.set(proc.main, raw(X["epoll_pwait"]))
    run(s, clock, 30)  # 3 s of idle: more than the 2 s window
    loop = s.snapshot().loop
    assert loop.window.busy_pct == 0.0 and loop.window.longest_busy_s == 0.0
    assert loop.run.busy_pct == pytest.approx(25.0) and loop.run.longest_busy_s == pytest.approx(1.0)
    assert loop.window.samples <= 21


def test_threads_and_process_vanishing():
    proc, clock = FakeProc(), Clock()
    s = make(proc, clock, keep_gone=True)
    run(s, clock, 3)
    proc.tids.remove(proc.workers[3])
    run(s, clock, 3)
    snap = s.snapshot()
    gone = [t for t in snap.threads if t.tid == proc.workers[3]][0]
    assert not gone.alive and gone.run.samples == 3
    assert len(snap.workers) == 3
    proc.gone = True
    assert s.sample_once() is False
    snap = s.snapshot()
    assert not snap.alive and snap.ended == "exited" and snap.ticks == 6
    assert s.sample_once() is False


def test_gone_threads_pruned_after_window_without_keep_gone():
    proc, clock = FakeProc(), Clock()
    s = make(proc, clock)
    run(s, clock, 2)
    proc.tids.remove(proc.workers[0])
    run(s, clock, 30)
    assert proc.workers[0] not in {t.tid for t in s.snapshot().threads}


def test_zombie_counts_as_exited():
    proc, clock = FakeProc(), Clock()
    s = make(proc, clock)
    run(s, clock, 2)
    proc.tids = [proc.pid]
    proc.set(proc.pid, raw(None, state="Z"))
    assert s.sample_once() is False and s.snapshot().ended == "exited"


def test_permission_refused_falls_back_to_state():
    proc, clock = FakeProc(), Clock()
    proc.deny = True
    proc.set(proc.main, raw(running=True, state="R"))
    s = make(proc, clock)
    run(s, clock, 4)
    snap = s.snapshot()
    assert snap.syscall_readable is False
    assert snap.loop.activity.what == "runnable" and snap.loop.run.busy_pct == 100.0
    assert {t.activity.what for t in snap.workers} == {"sleeping"}
    assert "not readable" in to_text(snap)
    assert to_doc(snap)["syscall_readable"] is False


def test_activity_tally_is_bounded():
    proc, clock = FakeProc(workers=1), Clock()
    s = make(proc, clock)
    w = proc.workers[0]
    for i in range(200):
        proc.fds[1000 + i] = f"/data/{i}"
        proc.set(w, raw(X["read"], 1000 + i))
        s.sample_once()
        clock.t += 0.1
    acts = s.snapshot().workers[0].run.activities
    assert len(acts) <= 65 and any(a.what == "other" for a in acts)


def test_report_document_shape():
    proc, clock = FakeProc(), Clock()
    s = make(proc, clock)
    proc.set(proc.workers[0], raw(X["read"], 20))
    run(s, clock, 5)
    doc = to_doc(s.snapshot(), requested_s=0.5)
    assert {"pid", "seconds", "hz", "syscall_readable", "threads"} <= set(doc)
    t = [t for t in doc["threads"] if t["tid"] == proc.workers[0]][0]
    assert {"tid", "name", "role", "samples", "busy_pct", "activities"} <= set(t)
    assert t["activities"][0] == {"what": "read", "target": "fifo /tmp/a.fifo", "idle": False, "share": 1.0}
    assert "read fifo /tmp/a.fifo" in to_text(s.snapshot())


def test_labeller_failure_does_not_stop_sampling(monkeypatch):
    import tui.core.attach.sampler as mod

    def boom(*a):
        raise RuntimeError("bug")

    monkeypatch.setattr(mod, "label_threads", boom)
    proc, clock = FakeProc(), Clock()
    s = make(proc, clock)
    run(s, clock, 2)
    snap = s.snapshot()
    assert snap.ticks == 2 and all(t.role is None for t in snap.threads)


def test_snapshot_from_another_thread_while_sampling():
    """Smoke test: the UI reads snapshots while the sampler adds and drops threads.

    Under the GIL the race it guards against is rare; the lock in the sampler
    is what rules it out, this only shows nothing deadlocks or raises."""
    import threading

    proc, clock = FakeProc(), Clock()
    s = make(proc, clock)
    stop = threading.Event()
    errors = []

    def reader():
        while not stop.is_set():
            try:
                s.snapshot()
            except Exception as e:  # pragma: no cover - the failure being tested
                errors.append(e)
                return

    th = threading.Thread(target=reader)
    th.start()
    try:
        for i in range(300):
            extra = 1000 + i
            proc.tids.append(extra)
            s.sample_once()
            proc.tids.remove(extra)
            clock.t += 0.1
    finally:
        stop.set()
        th.join()
    assert errors == []


def test_background_thread_publishes_and_ends_with_the_process():
    import threading

    proc = FakeProc()
    got = []
    published = threading.Event()

    def on_snapshot(snap):
        got.append(snap)
        if len(got) >= 3:
            published.set()

    s = Sampler(proc.pid, hz=100, reader=proc, on_snapshot=on_snapshot, publish_interval=0.01, machine="x86_64")
    with s:
        assert published.wait(10)
        proc.gone = True
        assert s.finished.wait(10)
    assert got[-1].alive is False and got[-1].ended == "exited"
    assert all(a.ticks <= b.ticks for a, b in zip(got, got[1:]))
    assert s._thread is not None and not s._thread.is_alive()


def test_reader_on_a_fake_proc_tree(tmp_path):
    """ProcReader against a directory laid out like /proc: gone threads, missing
    syscall files and unreadable ones each end up where the sampler expects."""
    from tui.core.attach.proc_reader import ProcReader

    task = tmp_path / "7" / "task"
    stat = "{tid} (node) {st} 1 1 1 0 -1 0 0 0 0 0 3 4 0 0 20 0 1 0 1 1 1\n"
    for tid, st, sc in [(7, "S", "202 0x1 0x2 0x3 0x4 0x5 0x6 0x7 0x8\n"), (8, "R", "running\n"), (9, "S", None)]:
        d = task / str(tid)
        d.mkdir(parents=True)
        (d / "stat").write_text(stat.format(tid=tid, st=st))
        if sc is not None:
            (d / "syscall").write_text(sc)
    r = ProcReader(str(tmp_path))
    assert r.list_tids(7) == [7, 8, 9]
    a = r.read_thread(7, 7)
    assert a.state == "S" and a.cpu_ticks == 7 and a.syscall.nr == 202
    assert r.read_thread(7, 8, want_stat=False).syscall.running
    assert r.read_thread(7, 9).syscall is None  # no syscall file: treated as unreadable
    with pytest.raises(ThreadGone):
        r.read_thread(7, 10)
    with pytest.raises(ProcessGone):
        r.list_tids(8)
    r.forget(7, 7)
    r.close()


def test_reader_permission_refused_on_syscall(monkeypatch):
    """The real reader on this process, with the kernel's refusal simulated."""
    import os as _os

    from tui.core.attach.proc_reader import ProcReader

    r = ProcReader()
    real = r._task_file

    def refuse(pid, tid, name):
        if name == "syscall":
            raise PermissionError(13, "Permission denied")
        return real(pid, tid, name)

    monkeypatch.setattr(r, "_task_file", refuse)
    me = _os.getpid()
    raw_ = r.read_thread(me, me)
    assert raw_.syscall is None and raw_.state in "RSD" and raw_.cpu_ticks >= 0
    s = Sampler(me, reader=r)
    assert s.sample_once()
    snap = s.snapshot()
    assert snap.syscall_readable is False and snap.threads
    s.stop()


def test_saturated_pct_is_null_for_a_process_without_a_pool(capsys):
    import json
    import subprocess

    from tui.cli import main

    child = subprocess.Popen(["sleep", "30"])
    try:
        assert main(["--watch", str(child.pid), "--seconds", "0.3", "--json"]) == 0
        doc = json.loads(capsys.readouterr().out)
    finally:
        child.kill()
        child.wait()
    assert doc["saturated_pct"] is None  # no libuv worker: nothing to saturate (it said 0.0)


# -- what issue 15 found attached to real processes ------------------------------------------------

def test_window_tallies_kept_as_samples_come_and_go_match_a_recount():
    """The window's busy %, activity shares and longest busy stretch are kept incrementally (a
    snapshot no longer recounts 200 samples a thread): they must equal a recount of the window."""
    import random

    rng = random.Random(15)
    proc, clock = FakeProc(workers=1), Clock()
    s = make(proc, clock)
    w = proc.workers[0]
    calls = [raw(X["futex"]), raw(X["read"], 20), raw(running=True), raw(X["openat"], 0, 0)]
    for _ in range(400):
        if rng.random() < 0.3:
            proc.set(w, rng.choice(calls))
        s.sample_once()
        clock.t += rng.choice((0.05, 0.1, 0.1, 0.3))
        track = s._tracks[w]
        got = s.snapshot().workers[0].window
        # the recount, as the sampler did it before
        busy_n, longest, start, counts = 0, 0.0, None, {}
        for t, act, busy, _ in track.window:
            counts[act] = counts.get(act, 0) + 1
            if busy:
                busy_n += 1
                start = t if start is None else start
            elif start is not None:
                longest, start = max(longest, t - start), None
        if start is not None:
            longest = max(longest, track.window[-1][0] - start + s.period)
        assert got.samples == len(track.window)
        assert got.busy_pct == pytest.approx(100.0 * busy_n / len(track.window))
        assert got.longest_busy_s == pytest.approx(longest)
        assert {(a.what, a.target): a.samples for a in got.activities} == \
            {(a.what, a.target): n for a, n in counts.items()}


def test_durations_begun_before_the_attach_are_lower_bounds_with_the_threads_age():

    from tui.core.attach.proc_reader import boot_clock

    proc, clock = FakeProc(workers=2), Clock()
    started = boot_clock() - 50.0  # the process, and its pool, started 50 s before the attach
    proc.starts = {t: started for t in proc.tids}
    for w in proc.workers:
        proc.set(w, raw(X["read"], 20))  # both stuck since before we looked
    s = make(proc, clock)
    run(s, clock, 5)
    snap = s.snapshot()
    assert snap.saturated and snap.saturated_open
    assert all(w.busy_open and w.activity_open for w in snap.workers)
    assert snap.pool_age_s == pytest.approx(50.0, abs=5.0)
    assert all(w.age_s >= w.busy_for_s for w in snap.workers)  # the upper bound is above the lower
    # A stretch that begins while we watch is exact, and so is a saturation it completes.
    proc.set(proc.workers[0], raw(X["futex"]))
    run(s, clock, 3)
    proc.set(proc.workers[0], raw(X["read"], 20))
    run(s, clock, 3)
    snap = s.snapshot()
    w0 = snap.workers[0]
    assert not w0.busy_open and w0.busy_for_s == pytest.approx(0.3)
    assert snap.saturated and not snap.saturated_open
    # A thread that starts after the attach: nothing of it happened before we looked.
    proc.starts[999] = boot_clock() + 1.0
    proc.tids.append(999)
    proc.set(999, raw(X["read"], 20))
    run(s, clock, 2)
    new = next(t for t in s.snapshot().threads if t.tid == 999)
    assert not new.busy_open and not new.activity_open


def test_workers_and_the_pool_told_apart_by_what_they_wait_in_with_the_environment():
    """Node 20 names no thread. Two Workers (each its own loop, idle in epoll) created before the
    pool; UV_THREADPOOL_SIZE=2 and NODE_OPTIONS=--v8-pool-size=2 in the environment."""
    proc, clock = FakeProc(workers=0), Clock()
    pid = proc.pid
    proc.tids = [pid, pid + 1, pid + 2, pid + 3, pid + 4, pid + 5, pid + 6, pid + 7, pid + 8]
    # delayed, V8 x2, signal watchdog, Worker, Worker, pool x2
    proc.env = {"UV_THREADPOOL_SIZE": "2", "NODE_OPTIONS": "--v8-pool-size=2"}
    for tid in (pid + 1, pid + 5, pid + 6):
        proc.set(tid, raw(X["epoll_pwait"]))
    proc.set(pid + 6, raw(running=True))  # one Worker busy running JavaScript...
    s = make(proc, clock)
    run(s, clock, 2)
    proc.set(pid + 6, raw(X["epoll_pwait"]))  # ...then idle in its loop
    run(s, clock, 3)
    snap = s.snapshot()
    roles = {t.tid: t.role for t in snap.threads}
    assert [roles[t] for t in proc.tids] == ["main", "delayed tasks", "V8 platform", "V8 platform",
                                             "inspector", "Worker", "Worker", "libuv worker", "libuv worker"]
    assert [w.tid for w in snap.workers] == [pid + 7, pid + 8]
    assert [w.tid for w in snap.worker_threads] == [pid + 5, pid + 6]
    assert all(w.activity.idle for w in snap.worker_threads)  # idle in its loop: not "busy"
    assert not snap.saturated  # the pool is idle; Workers are not pool workers
    assert snap.node.uv_pool_size == 2 and snap.node.v8_pool_size == 2 and snap.environ_readable
    doc = to_doc(snap)
    assert doc["node"] == {"v8_pool_size": 2, "uv_threadpool_size": 2, "uv_threadpool_size_known": True,
                           "inspector": False}
    assert "Workers now 2" in to_text(snap)


def test_a_partial_tick_rebuilds_only_what_it_read():
    """With thousands of threads read in turn, a snapshot remakes the threads that changed, not all."""
    proc, clock = FakeProc(workers=0), Clock()
    proc.tids = [proc.pid] + list(range(proc.pid + 1, proc.pid + 3000))
    s = make(proc, clock)
    run(s, clock, 2)
    s.snapshot()
    s.per_tick, s._full_every = 64, 4
    made = []
    real = s._make_thread_snapshot
    s._make_thread_snapshot = lambda k, now: made.append(k.tid) or real(k, now)
    for i in range(1, 4):  # partial ticks (the 4th would list the threads)
        s.sample_once()
        clock.t += 0.1
        made.clear()
        snap = s.snapshot()
        assert len(made) <= 64 + 1, (i, len(made))
        assert len(snap.threads) == 3000
