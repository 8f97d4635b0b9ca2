"""What the app looks like (SVG snapshots): sim mode, seed 1, fixed process data."""

import pytest

from procs_helpers import node_server_procs, result, snapshot
from tui.app import PtviewApp
from widgets.proc_tree import ProcTree

NODE = 200


def fixed_tree() -> ProcTree:
    return ProcTree(autostart=False, self_pid=NODE, id="proctree")


def feed_tree(app) -> None:
    procs, threads = node_server_procs(NODE)
    app.query_one(ProcTree).feed(result(None, snapshot(procs, threads, self_pid=NODE)))


def make_app() -> PtviewApp:
    return PtviewApp(autoplay=False, seed=1, proc_pane=fixed_tree())


async def five_pbkdf2(pilot):
    app = pilot.app
    feed_tree(app)
    app.fire("pbkdf2", 750_000)
    app.fire("pbkdf2", 750_000, count=4)
    app.driver.advance(300)
    app.render_model()
    await pilot.pause()


async def readfile_then_immediate(pilot):
    app = pilot.app
    feed_tree(app)
    app.fire("readFile", "/dev/null")
    app.driver.advance(1)
    app.fire("timeout", 0)
    app.fire("immediate", None)
    app.driver.paused = True
    for _ in range(50):
        app.driver.step()
        if app.rt.loop.phase == "check" and app.rt.loop.running is not None:
            break
    app.render_model()
    await pilot.pause()


@pytest.mark.parametrize("size", [(80, 24), (100, 30), (120, 40), (142, 44), (160, 48), (200, 50)])
def test_five_pbkdf2_on_a_pool_of_four(snap_compare, size):
    assert snap_compare(make_app(), terminal_size=size, run_before=five_pbkdf2)


@pytest.mark.parametrize("size", [(80, 24), (160, 48)])
def test_immediate_runs_before_timeout_after_io(snap_compare, size):
    assert snap_compare(make_app(), terminal_size=size, run_before=readfile_then_immediate)
