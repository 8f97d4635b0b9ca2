"""Issue 14: a worker stuck on a FIFO costs what idle costs, not 20 frames a second.

A live job has no expected end, so its row shows only the elapsed time; past its
first second the app redraws it once a second (the 1 s timer) and lets the 20 fps
frame timer sleep, as when idle. Frames are counted, not timed: `frame()` is
called directly, in a row, as the frame timer would call it.
"""

from __future__ import annotations

import os

from tui.app import FINE_ELAPSED_MS, PtviewApp


async def _until(pilot, app, cond, tries=500):
    for _ in range(tries):
        app.driver.advance(0)
        if cond():
            return True
        await pilot.pause(0.01)
    return False


async def test_a_live_job_stuck_past_its_first_second_does_not_redraw_every_frame(tmp_path):
    fifo = str(tmp_path / "fifo")
    os.mkfifo(fifo)  # no writer: the worker blocks in open(), as Node's would
    app = PtviewApp(live=True, pool_size=1)
    async with app.run_test(size=(100, 30)) as pilot:
        app.fire("readFile", fifo)
        assert await _until(pilot, app, lambda: app.rt.pool.workers and app.rt.pool.workers[0].job is not None)
        job = app.rt.pool.workers[0].job
        assert job.op == "fs.open"
        renders = []
        real = app.render_model
        app.render_model = lambda: (renders.append(1), real())[1]
        app.render_model()  # the screen is up to date now: what follows is the frames' own doing
        renders.clear()
        job.t_start = app.rt.clock.now()  # as if it had just started (however slow this machine is)
        for _ in range(5):  # its first second: the elapsed time is shown to the millisecond
            app.frame()
        assert len(renders) == 5
        job.t_start -= 2 * FINE_ELAPSED_MS  # as if it had been stuck for two seconds
        renders.clear()
        for _ in range(40):
            app.frame()
        assert renders == [] and app._idle  # nothing to redraw, and the 20 fps timer sleeps
        await pilot.press("q")


async def test_sim_progress_bars_still_move_every_frame():
    app = PtviewApp(pool_size=1)
    async with app.run_test(size=(100, 30)) as pilot:
        app.fire("pbkdf2", 10_000_000)  # ~6.6 model seconds on the worker, with a known end
        assert await _until(pilot, app, lambda: app.rt.pool.workers and app.rt.pool.workers[0].job is not None)
        app.rt.pool.workers[0].job.t_start -= 2 * FINE_ELAPSED_MS
        renders = []
        real = app.render_model
        app.render_model = lambda: (renders.append(1), real())[1]
        for _ in range(10):
            app.frame()
        assert len(renders) == 10 and not app._idle
        await pilot.press("q")
