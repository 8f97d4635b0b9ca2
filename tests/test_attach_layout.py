"""The attach app's layout at 80x24, 120x40 and 200x50 (issue 15: at 120x40 two thirds of the pool pane
were empty while the process tree and the log were behind keys).

A scripted process (tests/attach_kit.py) stands in for node, so what the panes hold is known: four pool
workers blocked reading a FIFO, two Workers (one idle in its loop, one running), the loop idle.
"""

from __future__ import annotations

import pathlib
import time

import pytest

from attach_kit import X, FakeProc, raw
from tui.attach_app import AttachApp
from tui.core.attach.sampler import Sampler
from widgets.attach_view import AttachLoopView, AttachPoolView

PID_MAX = int(pathlib.Path("/proc/sys/kernel/pid_max").read_text()) if pathlib.Path(
    "/proc/sys/kernel/pid_max").exists() else 4194304


def scripted() -> FakeProc:
    pid = PID_MAX + 100  # no such process: the tree finds nothing to show, the sampler reads the script
    proc = FakeProc(pid=pid, workers=0)
    # main, delayed, V8 x4, watchdog, 2 Workers, then the pool of 4
    proc.tids = [pid] + list(range(pid + 1, pid + 7)) + [pid + 8, pid + 9] + list(range(pid + 10, pid + 14))
    proc.workers = list(range(pid + 10, pid + 14))
    proc.env = {}
    proc.set(pid + 1, raw(X["epoll_pwait"]))
    proc.set(pid + 8, raw(X["epoll_pwait"]))
    proc.set(pid + 9, raw(X["epoll_pwait"]))
    for w in proc.workers:
        proc.set(w, raw(X["read"], 20))
    return proc


async def _settle(app, pilot, proc) -> None:
    """Until the panes show the four stuck workers, the two Workers, one of them running."""
    deadline = time.monotonic() + 15
    pool = app.query_one(AttachPoolView)

    def seen(cond) -> bool:
        return pool.snap is not None and cond(pool.snap)

    while time.monotonic() < deadline and not seen(lambda s: len(s.workers) == 4 and len(s.worker_threads) == 2
                                                   and s.saturated):
        await pilot.pause(0.1)
    proc.set(proc.pid + 9, raw(running=True))  # a Worker starts running JavaScript
    while time.monotonic() < deadline and not seen(lambda s: not s.worker_threads[1].activity.idle):
        await pilot.pause(0.1)
    assert time.monotonic() < deadline, "the scripted process never showed on the panes"


def _fits(view) -> None:
    width = view.size.width
    for line in view.lines:
        assert line.cell_len <= width, f"cut at {width} columns: {line.plain!r}"


@pytest.mark.parametrize("size", [(80, 24), (120, 40), (200, 50)], ids=lambda s: f"{s[0]}x{s[1]}")
async def test_every_size_shows_what_it_has_room_for(size):
    proc = scripted()
    sampler = Sampler(proc.pid, hz=20.0, reader=proc, machine="x86_64", publish_interval=0.1)
    app = AttachApp(proc.pid, sampler=sampler)
    sampler._on_snapshot = app._from_sampler
    async with app.run_test(size=size) as pilot:
        await _settle(app, pilot, proc)
        pool, loop = app.query_one(AttachPoolView), app.query_one(AttachLoopView)
        text = pool.text()
        assert "libuv pool 4 workers" in text and "SATURATED ≥" in text and "since attach" in text
        assert "Workers 2" in text and "idle in epoll" in text
        _fits(pool)
        _fits(loop)
        shown = {p: app.query_one(f"#{p}").region.area > 0 for p in ("procs", "loop", "pool", "log", "timeline")}
        if size == (80, 24):
            assert app.effective_view() == "flow"
            assert shown == {"procs": False, "loop": True, "pool": True, "log": False, "timeline": False}
            return
        assert app.effective_view() == "all"
        assert all(shown.values()), shown  # the tree, the log and the timeline too: no key needed
        pane = app.query_one("#pool")
        # Every line of the pool pane in view, and few empty rows under them: the space went to the log.
        room = pane.scrollable_content_region.height
        assert room >= len(pool.lines)
        assert room - len(pool.lines) <= max(3, int(0.45 * (size[1] - 2)) - 4 - len(pool.lines) - len(loop.lines))
        assert app.query_one("#procs").size.width >= 50  # "{node} libuv worker?" fits beside the columns
        assert app.query_one("#log").size.height >= 8


def test_the_process_pane_rescans_less_often_when_a_scan_is_dear():
    """Attached to 5,000 threads, scanning and showing them each second cost ~5 % of a core: with a
    cpu_share the pane waits long enough between scans to stay under it, in whole seconds, and says so."""
    from widgets.proc_tree import ProcTree

    tree = ProcTree(refresh_interval=1.0, cpu_share=0.003, autostart=False)
    for _ in range(2):
        assert tree._next_interval(0.2) == 1.0  # the first scans are cold: not a measure
    tree._feed_cost = 0.01
    for _ in range(6):
        tree._next_interval(0.05)
    assert tree.interval == 20.0  # (0.05 + 0.01) / 0.003
    tree._feed_cost = 0.0
    for _ in range(12):
        tree._next_interval(0.001)
    assert tree.interval == 1.0  # cheap again: every refresh_interval
    assert ProcTree(refresh_interval=1.0)._next_interval(5.0) == 1.0  # no cpu_share: as asked
