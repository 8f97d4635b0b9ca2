"""`--tree` reads each process's details once (issue 15: its marginal cost against `ps -eLf`).

The CPU % baseline reads only stat files; the command lines, executables and owners are
read while the sample runs (read_details); the last pass reads stat again and nothing
else for a process it already knows, unless its name changed (an exec).
"""

from __future__ import annotations

import os

import tui.core.procs.scanner as scanner_mod
from tui.core.procs.scanner import Scanner


def _fake(root, pid, comm="p", utime=5, start=100, cmdline=None, exe=None):
    d = root / str(pid)
    d.mkdir(exist_ok=True)
    fields = ["S", "1"] + ["0"] * 9 + [str(utime), "7"] + ["0"] * 4 + ["1", "0", str(start), "0", "25"]
    (d / "stat").write_bytes(f"{pid} ({comm}) {' '.join(fields)}\n".encode())
    (d / "cmdline").write_bytes(cmdline if cmdline is not None else comm.encode() + b"\0")
    if exe and not (d / "exe").is_symlink():
        os.symlink(exe, d / "exe")
    (d / "task").mkdir(exist_ok=True)


def _fake_root(tmp_path):
    (tmp_path / "self" / "task").mkdir(parents=True)
    (tmp_path / "stat").write_bytes(b"cpu 0 0\nbtime 1700000000\n")
    _fake(tmp_path, 10, "sleep", cmdline=b"sleep\x00600\x00", exe="/usr/bin/sleep")
    _fake(tmp_path, 20, "sh", cmdline=b"sh\x00-c\x00x\xff\x00", exe="/bin/sh")


def test_the_last_pass_reads_stat_only_for_what_read_details_read(tmp_path, monkeypatch):
    _fake_root(tmp_path)
    scan = Scanner(proc_root=str(tmp_path))
    scan.sample_ticks(threads_of=None)
    scan.read_details()
    opened = []
    real_read, real_readlink = scanner_mod._read, os.readlink
    monkeypatch.setattr(scanner_mod, "_read", lambda path: (opened.append(path), real_read(path))[1])
    monkeypatch.setattr(scanner_mod.os, "readlink", lambda path: (opened.append(path), real_readlink(path))[1])
    _fake(tmp_path, 10, "sleep", utime=30, cmdline=b"sleep\x00600\x00")
    _fake(tmp_path, 20, "python3", cmdline=b"python3\x00app.py\x00")  # exec'd meanwhile: its name changed
    snap = scan.scan(threads_of=None, reread=False).snapshot
    assert sorted(p.rsplit("/", 2)[1] for p in opened) == ["20", "20"]  # its cmdline and exe, no more
    sleep, sh = snap.procs[10], snap.procs[20]
    assert sleep.cmdline == ("sleep", "600") and sleep.exe == "/usr/bin/sleep" and sleep.user
    assert sleep.cpu_percent is not None and sleep.cpu_percent > 0  # over the sample, from stat
    assert sh.name == "python3" and sh.cmdline == ("python3", "app.py")
    assert [t.tid for t in snap.threads[10]] == [10]


def test_a_full_pass_and_the_one_shot_path_give_the_same_rows(tmp_path):
    _fake_root(tmp_path)
    full = Scanner(proc_root=str(tmp_path)).scan(threads_of=None).snapshot
    one = Scanner(proc_root=str(tmp_path))
    one.sample_ticks(threads_of=None)
    one.read_details()
    shot = one.scan(threads_of=None, reread=False).snapshot
    strip = lambda r: (r.pid, r.ppid, r.name, r.exe, r.cmdline, r.user, r.state, r.rss, r.num_threads,
                       r.start, r.node, r.unreadable)
    assert {p: strip(r) for p, r in full.procs.items()} == {p: strip(r) for p, r in shot.procs.items()}
    assert shot.procs[20].cmdline == ("sh", "-c", "x\udcff")  # bytes kept exactly, as before
