"""Signals and terminals: the sim, live and attach apps on a real pseudo-terminal.

SIGINT, SIGTERM and SIGHUP with work in flight; resize storms; 20x6; TERM=dumb;
NO_COLOR; no terminal at all. Every time: a prompt exit, the status a shell
expects, the alternate screen left and the line discipline as ptview found it.
"""

from __future__ import annotations

import re
import signal
import subprocess
import sys
import time

import psutil
import pytest

from reliability_kit import ROOT, Tty, cli

LEAVE_ALT_SCREEN = b"\x1b[?1049l"
APPS = {"sim": ("--sim",), "live": (), "attach": None}  # attach: --pid of a process started per test


@pytest.fixture
def target():
    p = subprocess.Popen(["sleep", "120"])
    yield p
    p.kill()
    p.wait()


def app_args(kind: str, target) -> tuple[str, ...]:
    return ("--pid", str(target.pid)) if kind == "attach" else APPS[kind]


def descendants(pid: int) -> list[psutil.Process]:
    try:
        return psutil.Process(pid).children(recursive=True)
    except psutil.NoSuchProcess:
        return []


def assert_restored(tty: Tty) -> None:
    assert LEAVE_ALT_SCREEN in tty.out, "the alternate screen was not left"
    last_enter = tty.out.rfind(b"\x1b[?1049h")
    assert tty.out.rfind(LEAVE_ALT_SCREEN) > last_enter
    assert tty.terminal_attrs() == tty.slave_attrs, "the terminal modes were not restored"
    assert b"Traceback" not in tty.out


def put_work_in_flight(tty: Tty, kind: str) -> None:
    if kind == "attach":
        assert tty.read_until(b"alive"), tty.out[-400:]
        return
    assert tty.read_until(b"Event loop"), tty.out[-400:]
    tty.send(b"c")
    assert tty.read_until(b"iterations")
    tty.send(b"\r")
    assert tty.read_until(b"750,000")
    tty.send(b"b")  # five pbkdf2 on four workers: one waits in the queue
    if kind == "live":
        tty.send(b"f")  # and a real child process


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM, signal.SIGHUP], ids=lambda s: s.name)
@pytest.mark.parametrize("kind", ["sim", "live", "attach"])
def test_a_stop_signal_with_work_in_flight_exits_promptly_and_restores_the_terminal(kind, sig, target):
    tty = Tty(*app_args(kind, target))
    try:
        put_work_in_flight(tty, kind)
        if kind == "live":
            deadline = time.monotonic() + 20
            while not descendants(tty.proc.pid):
                assert time.monotonic() < deadline, "fork started no child"
                tty.read_until(b"\x00never", 0.05)
        kids = descendants(tty.proc.pid)
        tty.proc.send_signal(sig)
        took = tty.wait_exit(10)
        assert took < 5  # the design target is 2 s; a loaded CI box gets slack
        assert tty.proc.returncode == 128 + sig
        assert_restored(tty)
        gone, alive = psutil.wait_procs(kids, timeout=5)
        assert alive == []
        assert target.poll() is None  # attach never signals the process it watches
    finally:
        tty.close()


def _storm(tty: Tty, n: int) -> None:
    sizes = [(20, 6), (200, 60), (80, 24), (39, 9), (40, 10), (140, 36), (139, 35), (1, 1), (300, 100)]
    for i in range(n):
        cols, rows = sizes[i % len(sizes)]
        tty.resize(cols, rows)
        if i % 10 == 0:
            tty.read_until(b"\x00never", 0.01)  # keep the pty drained, or ptview blocks writing


@pytest.mark.parametrize("kind", ["sim", "live", "attach"])
def test_a_resize_storm_then_keys_still_work_and_q_restores_the_terminal(kind, target):
    tty = Tty(*app_args(kind, target))
    try:
        put_work_in_flight(tty, kind)
        _storm(tty, 60)
        # A SIGWINCH that lands while Textual is still laying out the previous size can be
        # missed (seen in CI: the app stayed at 40x10); any later resize corrects it, as a user's
        # next window change would. Settle on 100x30 with two more, after the backlog drains.
        for cols in (99, 100):
            tty.read_until(b"\x00never", 1.0)
            tty.resize(cols, 30)
        tty.out = b""
        tty.send(b"?")  # help: proves the app still reads keys and redraws after the storm
        # Textual lays out once per resize (0.1-1.5 s each on a loaded box): let the backlog drain.
        assert tty.read_until(b"phases in order", 90), tty.out[-300:]
        for _ in range(10):  # q closes the help, the next q quits: whichever it reaches first
            tty.send(b"q")
            try:
                tty.wait_exit(1)
                break
            except AssertionError:
                pass
        assert tty.proc.poll() is not None, "ptview did not exit"
        assert tty.proc.returncode == 0
        assert_restored(tty)
    finally:
        tty.close()


@pytest.mark.parametrize("kind", ["sim", "live", "attach"])
def test_20x6_shows_the_notice_survives_keys_and_grows_back(kind, target):
    tty = Tty(*app_args(kind, target), cols=20, rows=6)
    try:
        assert tty.read_until(b"needs 40x10", 20), tty.out[-300:]
        tty.send(b"nikmb2310")  # fire keys and views while nothing can be shown
        tty.read_until(b"\x00never", 0.5)
        assert tty.proc.poll() is None
        tty.resize(100, 30)
        assert tty.read_until(b"Event loop", 15)
        tty.send(b"q")
        tty.wait_exit(10)
        assert tty.proc.returncode == 0
        assert_restored(tty)
    finally:
        tty.close()


@pytest.mark.slow
async def test_pilot_resize_storm_keeps_the_layout_right():
    from tui.app import PtviewApp

    app = PtviewApp(autoplay=False, live=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c", "enter", "b")
        for i in range(12):  # each resize re-lays the whole app out: 0.15 s here, 1.5 s on a loaded box
            w, h = [(20, 6), (200, 50), (80, 24), (39, 10), (140, 36), (1, 1)][i % 6]
            await pilot.resize_terminal(w, h)
        await pilot.pause()
        assert app.effective_view() == "too-small"  # the last size was 1x1
        await pilot.resize_terminal(200, 50)
        await pilot.pause()
        assert app.effective_view() == "all" and app.screen.has_class("-view-all")
        app.driver.advance(5)  # the model was paused through the storm: the keys are still there to run
        app.render_model()
        assert len(app.rt.pool.workers) == 4 and app.rt.pool.submitted == 5


def test_TERM_dumb_is_refused_in_one_line_before_anything_is_drawn():
    tty = Tty("--sim", env={"TERM": "dumb"})
    try:
        tty.wait_exit(10)
        assert tty.proc.returncode == 2
        assert b"\x1b[" not in tty.out and tty.out.strip().startswith(b"ptview: error: TERM=dumb")
        assert tty.out.strip().count(b"\n") == 0
        assert tty.terminal_attrs() == tty.slave_attrs
    finally:
        tty.close()


def _colours(out: bytes) -> set[tuple]:
    found = set()
    for codes in re.findall(rb"\x1b\[([0-9;]*)m", out):
        parts = [int(p) for p in codes.split(b";") if p]
        i = 0
        while i < len(parts):
            if parts[i] in (38, 48) and i + 2 < len(parts) and parts[i + 1] == 5:
                found.add((parts[i + 2],))
                i += 3
            elif parts[i] in (38, 48) and i + 4 < len(parts) and parts[i + 1] == 2:
                found.add(tuple(parts[i + 2:i + 5]))
                i += 5
            else:
                i += 1
    return found


def _grey(c: tuple) -> bool:
    if len(c) == 3:
        return c[0] == c[1] == c[2]
    i = c[0]
    if i >= 232 or i in (0, 7, 8, 15):
        return True
    if 16 <= i <= 231:
        r, g, b = (i - 16) // 36, (i - 16) // 6 % 6, (i - 16) % 6
        return r == g == b
    return False


@pytest.mark.parametrize("kind", ["sim", "attach"])
def test_NO_COLOR_draws_in_greys_only(kind, target):
    tty = Tty(*app_args(kind, target), env={"NO_COLOR": "1"})
    try:
        put_work_in_flight(tty, kind)
        tty.read_until(b"\x00never", 0.5)
        tty.send(b"q")
        tty.wait_exit(10)
        colours = _colours(tty.out)
        assert colours and all(_grey(c) for c in colours), sorted(c for c in colours if not _grey(c))
        assert_restored(tty)
    finally:
        tty.close()


def test_with_colour_the_same_app_does_use_colour(target):
    # The NO_COLOR test above would pass vacuously if ptview never used colour at all.
    tty = Tty("--sim")
    try:
        put_work_in_flight(tty, "sim")
        tty.send(b"q")
        tty.wait_exit(10)
        assert any(not _grey(c) for c in _colours(tty.out))
    finally:
        tty.close()


@pytest.mark.parametrize("argv", [["--sim"], []])
def test_without_a_terminal_the_app_says_so_instead_of_hanging(argv):
    t0 = time.monotonic()
    r = subprocess.run([sys.executable, "-m", "tui", *argv], cwd=ROOT, stdin=subprocess.DEVNULL,
                       capture_output=True, text=True, timeout=30)
    assert time.monotonic() - t0 < 15
    assert r.returncode == 2 and r.stdout == "" and "\x1b" not in r.stderr
    assert r.stderr.startswith("ptview: error: the app needs a terminal") and r.stderr.count("\n") == 1


def test_a_bad_pid_is_reported_before_the_missing_terminal():
    code, out, err = cli("--pid", "999999999")
    assert code == 2 and "no process with pid 999999999" in err


@pytest.mark.parametrize("kind", ["sim", "live"])
def test_the_terminal_going_away_ends_ptview(kind, target):
    # A closed terminal window or a dropped SSH session: the kernel hangs up the session.
    tty = Tty(*app_args(kind, target))
    try:
        put_work_in_flight(tty, kind)
        kids = descendants(tty.proc.pid)
        import os

        os.close(tty.master)
        tty.master = os.open("/dev/null", os.O_RDONLY)  # so that close() has something to close
        tty.proc.wait(10)
        assert tty.proc.returncode == 128 + signal.SIGHUP
        gone, alive = psutil.wait_procs(kids, timeout=5)
        assert alive == []
    finally:
        tty.close()
