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


async def test_the_processes_view_opens_on_ptviews_own_process_with_its_threads_in_view():
    # A real system: ptview's process deep in the tree (init, 150 others, a terminal, a shell),
    # its pane built hidden at 80x24 and shown by `2` after the first scan came in.
    from procs_helpers import proc, result, snapshot, thread

    me = 5000
    procs = [proc(1, 0, "init")] + [proc(100 + i, 1, f"daemon{i}") for i in range(150)]
    procs += [proc(4000, 1, "tmux"), proc(4001, 4000, "bash"), proc(me, 4001, "ptview", threads=7)]
    procs += [proc(6000 + i, 1, f"late{i}") for i in range(50)]  # and more below it
    threads = {me: [thread(me + i, me, "ptview" if i == 0 else f"ptview-pool-{i - 1}") for i in range(7)]}
    tree = ProcTree(autostart=False, self_pid=me, id="proctree")
    app = PtviewApp(autoplay=False, seed=1, proc_pane=tree)
    async with app.run_test(size=(80, 24)) as pilot:
        tree.feed(result(None, snapshot(procs, threads, self_pid=me)))
        await pilot.press("2")
        await pilot.pause()
        await pilot.pause()
        lines = tree._lines
        mine = [i for i, r in enumerate(lines.rows) if r.pid == me]
        top, height = lines.scroll_offset.y, lines.size.height
        assert tree.selected == (me, None) and len(mine) == 8
        assert all(top <= i < top + height for i in mine), (top, height, mine)  # the row and its threads
        assert mine[0] - top <= 2  # near the top, not the last line
