"""Attach mode in the app: a real Node process's loop thread and pool, sampled."""

import shutil
import subprocess
import time

import pytest

from tui.attach_app import AttachApp
from tui.cli import main
from widgets.attach_view import AttachLoopView, AttachPoolView

NODE = shutil.which("node")
BUSY_POOL = """
const crypto = require('crypto');
function spin() { crypto.pbkdf2('a', 'b', 200000, 64, 'sha512', spin); }
require('fs').readFile('/etc/hostname', () => { spin(); spin(); console.log('ready'); });
setInterval(() => {}, 1000);
"""


def plain(widget) -> str:
    return widget.text()


@pytest.mark.skipif(NODE is None, reason="needs node")
async def test_attach_shows_the_real_workers_of_a_node_process():
    child = subprocess.Popen([NODE, "-e", BUSY_POOL], stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "ready"
        app = AttachApp(child.pid, refresh=0.5)
        async with app.run_test(size=(160, 40)) as pilot:
            pool = app.query_one(AttachPoolView)
            deadline = time.monotonic() + 15
            while time.monotonic() < deadline:
                await pilot.pause(0.1)
                snap = pool.snap
                if snap and len(snap.workers) == 4 and sum(not w.activity.idle for w in snap.workers) >= 2:
                    break
            snap = pool.snap
            assert snap is not None and snap.is_node and len(snap.workers) == 4
            text = plain(pool)
            assert "libuv pool 4 workers" in text and "w3" in text
            if snap.syscall_readable:
                assert "runnable" in text and "idle (futex)" in text
            loop_text = plain(app.query_one(AttachLoopView))
            assert f"loop thread {child.pid}" in loop_text
            status = str(app.query_one("#status").render())
            assert "Node.js" in status and "alive" in status
        thread = app.sampler._thread
        assert thread is None or not thread.is_alive()  # the sampler is joined when the app ends
    finally:
        child.kill()
        child.wait()


def test_pid_that_does_not_exist_is_an_error(capsys):
    assert main(["--pid", "999999999"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("ptview: error: no process with pid") and err.count("\n") == 1


@pytest.mark.skipif(NODE is None, reason="needs node")
async def test_after_the_target_exits_the_loop_line_is_history_not_on_cpu():
    child = subprocess.Popen([NODE, "-e", "const t = Date.now(); while (Date.now() - t < 60000) {}"])
    try:
        app = AttachApp(child.pid, refresh=0.5)
        async with app.run_test(size=(160, 40)) as pilot:
            view = app.query_one(AttachLoopView)
            deadline = time.monotonic() + 15
            while time.monotonic() < deadline and (view.snap is None or view.snap.loop is None):
                await pilot.pause(0.1)
            child.kill()
            child.wait()
            while time.monotonic() < deadline and view.snap.alive:
                await pilot.pause(0.1)
            text = plain(view)
            assert not view.snap.alive and "ended; last seen" in text, text
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
