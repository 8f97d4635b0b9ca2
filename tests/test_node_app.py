"""`ptview --node SCRIPT.js`: a real node's run in the panes (issue 17, step 5)."""

from __future__ import annotations

import os
import time

from tests.node_kit import needs_node
from tui.core.probe.runner import find_node, probe_command
from tui.node_app import NodeApp, make_run
from widgets.attach_view import AttachPoolView
from widgets.real_view import RealLoopView, RealPoolView

pytestmark = needs_node

BUSY = """
const fs = require('fs'), crypto = require('crypto');
let n = 0;
function round() {
  n++;
  fs.readFile(__filename, () => console.log('read', n));
  crypto.pbkdf2('pw', 'salt', 100000, 16, 'sha512', () => {});
  setImmediate(() => {});
  if (n < 400) setTimeout(round, 50);
}
round();
"""


def plain(widget) -> str:
    from rich.console import Console

    c = Console(width=120, record=True, color_system=None)
    c.print(widget.render())
    return c.export_text()


async def _until(pilot, cond, seconds=20.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        await pilot.pause(0.05)
        if cond():
            return True
    return False


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().split(") ")[1][0] != "Z"
    except FileNotFoundError:
        return False


async def test_the_panes_show_real_callbacks_pool_requests_and_output(tmp_path):
    script = tmp_path / "busy.js"
    script.write_text(BUSY)
    run = make_run(probe_command(find_node(), [], [str(script)]))
    app = NodeApp(run, "busy.js", refresh=0.5)
    async with app.run_test(size=(200, 50)) as pilot:
        assert await _until(pilot, lambda: app.state.callbacks > 10 and "read 2" in
                            "".join(str(x) for x in app.query_one("#output").lines))
        loop = plain(app.query_one(RealLoopView))
        assert "(inferred)" in loop and f"pid {run.pid}" in loop and "node v" in loop
        assert await _until(pilot, lambda: "PBKDF2REQUEST" in plain(app.query_one(RealPoolView)))
        # The real worker threads, sampled from /proc: node 20's pool of 4 once it has started.
        pool = app.query_one(AttachPoolView)
        assert await _until(pilot, lambda: pool.snap is not None and len(pool.snap.workers) == 4), (
            # what the roles were, if a CI run under load ever fails here again (once, 2026-12-01)
            None if pool.snap is None else
            [(t.tid, t.role, t.role_inferred, t.activity.what) for t in pool.snap.threads])
        assert "w3" in plain(app.query_one(AttachPoolView))
        status = str(app.query_one("#status").render())
        assert f"pid {run.pid}" in status and "live" in status
        tree = app.query_one("ProcTree")
        assert tree.root_pid == run.pid   # the tree is the real node and its threads
    assert not _alive(run.pid)             # quitting the app killed and reaped node
    assert app.sampler._thread is None or not app.sampler._thread.is_alive()


async def test_pause_records_on_and_steps_back_through_the_recording(tmp_path):
    script = tmp_path / "busy.js"
    script.write_text(BUSY)
    app = NodeApp(make_run(probe_command(find_node(), [], [str(script)])), "busy.js")
    async with app.run_test(size=(80, 24)) as pilot:
        assert await _until(pilot, lambda: app.state.callbacks > 5)
        await pilot.press("space")
        assert app.paused
        shown_at = app.query_one(RealLoopView).snap
        recorded = len(app.recorded)
        assert await _until(pilot, lambda: len(app.recorded) > recorded + 10)  # node runs on, recorded
        assert app.query_one(RealLoopView).snap == shown_at                    # the panes stay put
        await pilot.press("comma")
        await pilot.press("comma")
        back = app.query_one(RealLoopView).snap
        assert app.cursor < recorded and back.callbacks < shown_at.callbacks
        assert "PAUSED" in str(app.query_one("#status").render())
        await pilot.press("full_stop")
        assert app.query_one(RealLoopView).snap.callbacks == back.callbacks + 1
        await pilot.press("space")
        assert not app.paused and app.cursor is None
        await pilot.press("question_mark")   # help says what is real and what is inferred here
        from tui.screens.node_help import NodeHelpScreen

        assert isinstance(app.screen, NodeHelpScreen)
        await pilot.press("escape")
        assert not isinstance(app.screen, NodeHelpScreen)


async def test_a_program_that_exits_leaves_the_app_showing_its_exit_code(tmp_path):
    script = tmp_path / "short.js"
    script.write_text("setTimeout(() => { console.log('bye'); process.exitCode = 4 }, 10)\n")
    run = make_run(probe_command(find_node(), [], [str(script)]))
    app = NodeApp(run, "short.js")
    async with app.run_test(size=(80, 24)) as pilot:
        assert await _until(pilot, lambda: run.returncode is not None)
        await pilot.pause(0.1)
        assert "exited with code 4" in plain(app.query_one(RealLoopView))
        assert "exited 4" in str(app.query_one("#status").render())
    assert os.waitid is not None and not _alive(run.pid)
