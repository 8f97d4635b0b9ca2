"""Processes under stress: a pid that exits while shown, 200 processes a second starting
and exiting while the tree refreshes, and ptview run as an unprivileged user.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import psutil
import pytest
from textual.app import App, ComposeResult

from reliability_kit import ROOT, can_drop_privileges, cli, run_as_nobody, setpriv_nobody_python_works
from widgets.proc_tree import ProcLines, ProcTree

linux_only = pytest.mark.skipif(not os.path.isdir("/proc/self/task"), reason="reads /proc")
CHURN = os.path.join(os.path.dirname(os.path.abspath(__file__)), "soak", "churn.py")


def start_churn(rate: float) -> subprocess.Popen:
    p = subprocess.Popen([sys.executable, CHURN, str(rate)], stdout=subprocess.PIPE, text=True)
    assert p.stdout.readline().strip() == "ready"
    return p


def stop_churn(p: subprocess.Popen) -> tuple[int, int]:
    p.send_signal(signal.SIGUSR1)
    line = p.stdout.readline().split()
    assert line[0] == "stopped", line
    return int(line[1]), int(line[2])


def end(p: subprocess.Popen) -> None:
    if p.poll() is None:
        p.terminate()
    p.wait(10)


class TreeApp(App):
    def __init__(self, **kw) -> None:
        super().__init__()
        self.kw = kw

    def compose(self) -> ComposeResult:
        yield ProcTree(**self.kw)


def rows(tree: ProcTree):
    return tree.query_one(ProcLines).rows


async def wait_for(pilot, predicate, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "condition not reached"
        await pilot.pause(0.05)


@linux_only
async def test_churn_of_200_processes_a_second_leaves_no_exception_and_no_stale_row():
    churn = start_churn(200)
    try:
        app = TreeApp(root_pid=churn.pid, refresh_interval=0.05)
        async with app.run_test(size=(120, 40)) as pilot:
            tree = app.query_one(ProcTree)
            tree.action_all_threads()  # the heavier scan: every shown process's threads too
            seen: set[int] = set()
            deadline = time.monotonic() + 5  # the 60 s run is tests/soak/procs_churn.py
            while time.monotonic() < deadline:
                await pilot.pause(0.05)
                assert tree._error == "", tree._error
                seen.update(r.pid for r in rows(tree) if r.thread is None and r.pid != churn.pid)
            started, reaped = stop_churn(churn)
            assert started >= 800 and reaped == started
            assert len(seen) > 20  # the pane did show the short-lived children
            # Every child is gone: within a few refreshes only the spawner itself is left.
            await wait_for(pilot, lambda: {r.pid for r in rows(tree)} == {churn.pid}, timeout=5)
            assert tree._error == ""
        assert tree._thread is None
    finally:
        end(churn)


@linux_only
async def test_the_root_pid_exits_while_shown():
    victim = subprocess.Popen(["sleep", "60"])
    try:
        app = TreeApp(root_pid=victim.pid, refresh_interval=0.05)
        async with app.run_test(size=(80, 24)) as pilot:
            tree = app.query_one(ProcTree)
            await wait_for(pilot, lambda: any(r.pid == victim.pid for r in rows(tree)))
            victim.kill()
            victim.wait()
            await wait_for(pilot, lambda: rows(tree) == [])
            assert tree.query_one(ProcLines).placeholder == f"process {victim.pid} is gone"
            await pilot.press("down", "up", "right", "left", "enter")  # keys on an empty pane
            assert tree._error == ""
    finally:
        victim.kill()
        victim.wait()


@linux_only
async def test_attach_app_on_a_process_that_exits_while_attached():
    from tui.attach_app import AttachApp

    victim = subprocess.Popen(["sleep", "60"])
    try:
        app = AttachApp(victim.pid, refresh=0.1)
        async with app.run_test(size=(120, 36)) as pilot:
            status = app.query_one("#status")
            await wait_for(pilot, lambda: "alive" in str(status.render()))
            victim.kill()
            victim.wait()
            await wait_for(pilot, lambda: "alive" not in str(status.render()) and "exited" in str(status.render()))
            await pilot.press("2", "3", "1", "0")
            await pilot.pause()
        assert app.return_code in (0, None)
        thread = app.sampler._thread
        assert thread is None or not thread.is_alive()
    finally:
        victim.kill()
        victim.wait()


@linux_only
def test_tree_pid_that_exits_between_the_two_scans_is_one_line(monkeypatch):
    import tui.commands.tree as tree_cmd

    victim = subprocess.Popen(["sleep", "60"])

    def exit_meanwhile(_s):  # the CPU-sampling pause is where a pid can vanish
        victim.kill()
        victim.wait()

    monkeypatch.setattr(tree_cmd.time, "sleep", exit_meanwhile)
    try:
        code, out, err = cli("--tree", "--pid", str(victim.pid))
    finally:
        victim.kill()
        victim.wait()
    assert code == 2 and out == "" and err == f"ptview: error: process {victim.pid} exited while being read\n"


@linux_only
def test_watch_a_process_that_exits_reports_what_was_sampled():
    victim = subprocess.Popen(["sleep", "0.6"])
    t0 = time.monotonic()
    code, out, err = cli("--watch", str(victim.pid), "--seconds", "10", "--json")
    victim.wait()
    doc = json.loads(out)
    assert code == 0 and doc["exited"] and "exited after" in err
    assert time.monotonic() - t0 < 5  # it stops when the process does, not at --seconds


# -- unprivileged -------------------------------------------------------------------------------

need_nobody = pytest.mark.skipif(not can_drop_privileges(), reason="needs root to become nobody")


@linux_only
@need_nobody
def test_tree_as_nobody_marks_what_it_may_not_read():
    r = run_as_nobody(["--tree", "--json"])
    assert r.returncode == 0 and r.stderr == ""
    procs = []

    def walk(n):
        procs.append(n)
        for c in n["children"]:
            walk(c)

    for root in json.loads(r.stdout):
        walk(root)
    others = [p for p in procs if p["user"] not in ("nobody", None)]
    assert others and any(p["unreadable"] for p in others)  # root's processes: exe denied
    mine = [p for p in procs if p["user"] == "nobody"]
    assert mine and all(p["unreadable"] == [] for p in mine)
    text = run_as_nobody(["--tree"])
    assert text.returncode == 0 and ": denied)" in text.stdout and "Traceback" not in text.stderr


@linux_only
@need_nobody
def test_headless_live_as_nobody_runs_and_fails_only_what_it_may_not_do():
    secret = "/root" if os.path.isdir("/root") and not os.stat("/root").st_mode & 0o004 else None
    fires = ["pbkdf2:1000", "readFile:/etc/hostname", "net", "lookup:localhost", "fork", "stat:/"]
    if secret:
        fires.append(f"readFile:{secret}/.bashrc")
    args = ["--headless", "--live", "--json"]
    for f in fires:
        args += ["--fire", f]
    r = run_as_nobody(args)
    assert r.returncode == 0, r.stderr
    evs = [json.loads(line) for line in r.stdout.splitlines()]
    user = {e["task"]: e for e in evs if e["ev"] == "callback" and e.get("detail") == "user"}
    ops = {e["op"]: e for e in user.values()}
    assert ops["crypto.pbkdf2"].get("error") is None and ops["net.request"].get("error") is None
    assert ops["fs.readFile"].get("error") is None or secret
    # The fork's interpreter may be unreadable for nobody (a pyenv under /root): then spawn EACCES, as Node.
    assert ops["child_process.fork"].get("error") in (None, "EACCES")
    if secret:
        assert user[len(fires)]["error"] == "EACCES"  # tasks are numbered in firing order
    assert len(user) == len(fires)


@linux_only
def test_ptview_itself_under_setpriv_as_nobody():
    why = setpriv_nobody_python_works()
    if why:
        pytest.skip(why)
    env = dict(os.environ, PYTHONPATH=ROOT)
    base = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", sys.executable, "-m", "tui"]
    r = subprocess.run(base + ["--tree"], capture_output=True, text=True, timeout=60, cwd="/", env=env)
    assert r.returncode == 0 and "Traceback" not in r.stderr
    r = subprocess.run(base + ["--headless", "--live", "--summary", "--fire", "pbkdf2:1000", "--fire", "fork",
                               "--fire", "readFile:/etc/hostname"], capture_output=True, text=True, timeout=60,
                       cwd="/", env=env)
    assert r.returncode == 0 and "3 fired" in r.stdout, r.stderr
