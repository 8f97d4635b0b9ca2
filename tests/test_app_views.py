"""Views and the panes made on first show: what app.tcss hides is not built until it is shown."""

import pytest

from tui.app import PtviewApp
from tui.pane_app import PANES_IN_VIEW

PANE_IDS = ("procs", "loop", "pool", "log", "timeline")


def shown(app, pane_id: str) -> bool:
    node = app.query_one(f"#{pane_id}")
    while node is not None and node is not app.screen:
        if not node.display:
            return False
        node = node.parent
    return True


@pytest.mark.parametrize("view", ["flow", "procs", "log", "all"])
async def test_panes_in_view_agree_with_the_stylesheet(view):
    app = PtviewApp(autoplay=False)
    async with app.run_test(size=(200, 50)) as pilot:
        app.action_view(view)
        await pilot.pause()
        assert {p for p in PANE_IDS if shown(app, p)} == PANES_IN_VIEW[view] & set(PANE_IDS)


async def test_hidden_panes_are_not_built_at_80x24_and_are_built_when_shown():
    app = PtviewApp(autoplay=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert not app.query("ProcTree") and not app.query("EventLog") and not app.query("Timeline")
        await pilot.press("2")
        await pilot.pause()
        tree = app.query_one("ProcTree")
        assert app.focused is tree.query_one("ProcLines")  # focus waited for the lines to exist
        await pilot.press("3")
        await pilot.pause()
        assert app.query("EventLog") and app.query("Timeline")


async def test_a_log_shown_late_holds_what_happened_while_it_was_hidden():
    app = PtviewApp(autoplay=False)
    async with app.run_test(size=(80, 24)) as pilot:
        app.fire("timeout", 5)
        app.driver.advance(10)
        app.render_model()
        assert not app.query("EventLog")
        await pilot.press("3")
        await pilot.pause()
        log = app.query_one("EventLog")
        text = "\n".join(log.render_line(y).text for y in range(log.size.height))
        assert "setTimeout" in text and "fire" in text
        timeline = app.query_one("Timeline")
        assert timeline.rec is app.recorder  # drawn at once, not at the next pool event


async def test_the_tree_module_is_not_imported_for_the_first_frame_at_80x24():
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from tui.app import PtviewApp\n"
        "async def first_frame(pilot):\n"
        "    await pilot.pause()\n"
        "    pilot.app.exit()\n"
        "PtviewApp(autoplay=False).run(headless=True, size=(80, 24), auto_pilot=first_frame)\n"
        "print('widgets.proc_tree' in sys.modules, 'psutil' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.stdout.strip().splitlines()[-1] == "False False", out.stderr[-2000:]


async def test_the_collector_paused_for_start_up_runs_again_after_the_first_frame():
    import gc

    gc.disable()  # what run_app does before it imports the app
    try:
        app = PtviewApp(autoplay=False)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert gc.isenabled()
            assert gc.get_freeze_count() > 0  # start-up's objects moved out of its sight
    finally:
        gc.unfreeze()
        gc.enable()


async def test_the_log_follows_new_lines_until_the_user_scrolls_up():
    app = PtviewApp(autoplay=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3")
        await pilot.pause()
        log = app.query_one("EventLog")
        for _ in range(12):
            app.fire("timeout", 1)
            app.driver.advance(5)
            app.render_model()
            await pilot.pause()
        assert len(log.buffer.lines) > log.size.height  # more lines than fit
        assert log.scroll_y == log.max_scroll_y > 0  # following the end
        last = log.render_line(log.size.height - 1).text
        assert "setTimeout" in last or "timer" in last or "callback" in last
        log.scroll_to(y=0, animate=False, immediate=True)
        app.fire("timeout", 1)
        app.driver.advance(5)
        app.render_model()
        await pilot.pause()
        assert log.scroll_y == 0  # the reader scrolled up: new lines do not pull the view away


async def test_a_resize_under_the_help_screen_lays_out_the_panes_screen_for_its_new_size():
    app = PtviewApp(autoplay=False)
    async with app.run_test(size=(80, 24)) as pilot:
        main = app.screen
        await pilot.press("question_mark")
        await pilot.pause()
        assert app.screen is not main  # help is open
        await pilot.resize_terminal(200, 50)
        await pilot.pause()
        assert not any(c.startswith("-view-") for c in app.screen.classes)  # help's own classes
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is main
        assert "-view-all" in main.classes and "-view-flow" not in main.classes
        assert {p for p in PANE_IDS if shown(app, p)} == PANES_IN_VIEW["all"] & set(PANE_IDS)
