"""The app driven from the keyboard (Pilot): each key changes the model and the screen."""

import pytest
from textual.command import CommandPalette
from textual.widgets import Input, Label

from tui.app import PtviewApp
from tui.screens.fire_dialog import FireDialog
from tui.screens.help import HelpScreen
from tui.screens.task_details import TaskDetails
from widgets.loop_view import LoopView
from widgets.pool_view import PoolView


def make_app(**kw):
    kw.setdefault("autoplay", False)
    return PtviewApp(**kw)


def advance(app, ms):
    app.driver.advance(ms)
    app.render_model()


def rendered(widget) -> str:
    return str(widget.render().renderables if hasattr(widget.render(), "renderables") else widget.render())


def plain(widget) -> str:
    from rich.console import Console

    console = Console(width=200, record=True, color_system=None)
    console.print(widget.render())
    return console.export_text()


async def fire_with_default(pilot, key):
    await pilot.press(key)
    await pilot.pause()
    assert isinstance(pilot.app.screen, FireDialog)
    await pilot.press("enter")
    await pilot.pause()


async def test_fire_then_burst_is_five_pbkdf2_four_running_one_queued():
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await fire_with_default(pilot, "c")
        await pilot.press("b")
        await pilot.pause()
        advance(app, 10)
        pool = app.rt.pool
        assert pool.submitted == 5
        assert sum(1 for w in pool.workers if w.job) == 4 and len(pool.wq) == 1
        text = plain(app.query_one(PoolView))
        assert "pbkdf2 750,000 iterations" in text and "queue" in text and "+" not in text.split("queue")[0][-3:]
        assert text.count("pbkdf2 750,000") == 5  # four on workers, one in the queue


async def test_keys_fire_every_operation_as_a_poll_phase_keypress(tmp_path):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        for key in ["n", "i", "k", "m", "f"]:
            await pilot.press(key)
        await pilot.pause()
        advance(app, 5)
        ops = {t.op for t in app.rt.tasks.values()}
        assert ops == {"net.request", "setImmediate", "process.nextTick", "Promise.then", "child_process.fork"}
        keypresses = [e for e in app.rt.events.recent if e.op == "tty.keypress"]
        assert keypresses and {e.phase for e in keypresses} == {"poll"}


async def test_dialog_rejects_what_cannot_work_and_remembers_the_last_value():
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        for key, bad, needle in [("l", "", "empty host"), ("c", "0", "iterations"), ("t", "-5", "0 or more")]:
            await pilot.press(key)
            await pilot.pause()
            inp = app.screen.query_one(Input)
            inp.value = bad
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, FireDialog)
            assert needle in str(app.screen.query_one("#error", Label).render())
            await pilot.press("escape")
            await pilot.pause()
        assert app.rt.task_counts["submitted"] == 0
        await pilot.press("t")
        await pilot.pause()
        app.screen.query_one(Input).value = "250"
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()
        assert app.screen.query_one(Input).value == "250"


async def test_missing_path_is_allowed_and_fails_ENOENT_in_the_task(tmp_path):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        app.screen.query_one(Input).value = str(tmp_path / "missing")
        await pilot.press("enter")
        await pilot.pause()
        advance(app, 50)
        task = app.task_of(app.selected)
        assert task.error.code == "ENOENT"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, TaskDetails)
        life = str(app.screen.query_one("#life").render())
        assert "ENOENT" in life and "started on pool thread w" in life and "poll phase" in life


async def test_pause_step_and_speed():
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("space")
        assert app.driver.paused
        await fire_with_default(pilot, "c")
        t0 = app.rt.clock.now()
        advance(app, 1000)
        assert app.rt.clock.now() == t0 and app.rt.pool.submitted == 0  # paused: nothing moves
        await pilot.press("full_stop")   # the keypress callback runs: the job is submitted
        assert app.rt.pool.submitted == 1
        before = app.driver.steps
        await pilot.press("full_stop")
        assert app.driver.steps == before + 1
        await pilot.press("plus")
        assert app.driver.speed == 2.0
        await pilot.press("minus", "minus", "minus")
        assert app.driver.speed == 0.25
        for _ in range(10):
            await pilot.press("minus")
        assert app.driver.speed == 0.05
        for _ in range(12):
            await pilot.press("plus")
        assert app.driver.speed == 20.0


async def test_selection_highlights_the_task_in_loop_and_pool():
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("t")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await fire_with_default(pilot, "c")
        advance(app, 1)
        pbkdf2 = app.selected
        await pilot.press("left_square_bracket")
        timer = app.selected
        assert app.task_of(timer).op == "setTimeout" and app.task_of(pbkdf2).op == "crypto.pbkdf2"
        assert app.query_one(LoopView).selected == timer
        assert app.query_one(PoolView).selected == timer
        await pilot.press("right_square_bracket")
        assert app.query_one(PoolView).selected == pbkdf2


async def test_cancel_queued_job_from_the_keyboard():
    app = make_app(pool_size=1)
    async with app.run_test(size=(100, 30)) as pilot:
        await fire_with_default(pilot, "c")
        await pilot.press("b")
        advance(app, 1)
        last = app.selected
        await pilot.press("x")
        advance(app, 1)
        assert app.task_of(last).state == "cancelled"
        await pilot.press("left_square_bracket", "left_square_bracket", "left_square_bracket",
                          "left_square_bracket", "x")
        assert app.task_of(app.selected).state == "running"  # EBUSY: it already holds a worker


async def test_help_palette_screenshot_and_quit(tmp_path):
    app = make_app(screenshot_dir=str(tmp_path))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.pause()
        titles = [c.title for c in app.get_system_commands(app.screen)]
        for needed in ["crypto.pbkdf2", "Burst ×4", "Pause/run", "Step", "Screenshot", "Help"]:
            assert needed in titles
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("w")
        await pilot.pause()
        svgs = list(tmp_path.glob("*.svg"))
        assert len(svgs) == 1 and "<svg" in svgs[0].read_text()[:200]
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


@pytest.mark.parametrize("size,view", [((80, 24), "flow"), ((200, 50), "all"), ((20, 6), "too-small")])
async def test_layout_by_terminal_size(size, view):
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        assert app.effective_view() == view
        assert app.screen.has_class(f"-view-{view}")
        await pilot.press("c")  # no crash, even when too small
        await pilot.pause()


async def test_view_keys_switch_panes_at_80x24():
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2")
        assert app.screen.has_class("-view-procs") and app.query_one("#procs").display
        await pilot.press("3")
        assert app.screen.has_class("-view-log") and not app.query_one("#top").display
        await pilot.press("1")
        assert app.query_one("#loop").display and app.query_one("#pool").display
