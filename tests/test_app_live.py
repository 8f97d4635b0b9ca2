"""The app in live mode: real named pool threads, and the selected task's thread lit in the tree."""

import time

from tui.app import PtviewApp
from widgets.proc_tree import ProcTree


def _thread_name(tid: int) -> str:
    with open(f"/proc/self/task/{tid}/comm") as f:
        return f.read().strip()


async def test_selected_task_lights_its_real_worker_thread_in_the_tree():
    app = PtviewApp(live=True, autoplay=False, pool_size=2)
    async with app.run_test(size=(200, 50)) as pilot:
        app.fire("pbkdf2", 4_000_000)  # long enough to still be running when we look
        deadline = time.monotonic() + 10
        worker = None
        while time.monotonic() < deadline and worker is None:
            app.driver.advance(10)
            worker = next((w for w in app.rt.pool.workers if w.job is not None), None)
            await pilot.pause(0.01)
        assert worker is not None and worker.tid
        assert _thread_name(worker.tid) == f"ptview-pool-{worker.index}"
        app.render_model()
        tree = app.query_one(ProcTree)
        assert tree._lines.highlight == frozenset({worker.tid})
        app.selected = None
        app.render_model()
        assert tree._lines.highlight == frozenset()
        await pilot.press("q")


async def test_live_has_no_speed_keys():
    app = PtviewApp(live=True, autoplay=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("plus")
        assert app.driver.speed == 1.0
        assert app.check_action("faster", ()) is False and app.check_action("fire", ("pbkdf2",)) is True
