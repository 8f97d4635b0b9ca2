"""The key bar: help and quit first at every size, then the view's keys, whole entries only."""

import pytest

from tui.app import PtviewApp
from widgets.key_bar import KeyBar


def bar_text(app) -> str:
    return app.query_one(KeyBar).render().plain.rstrip()


def whole_entries(app) -> list[str]:
    return [text.plain for _rank, text in app.query_one(KeyBar).entries()]


@pytest.mark.parametrize("size", [(80, 24), (100, 30), (200, 50), (40, 12)])
async def test_help_and_quit_come_first_and_no_entry_is_cut(size):
    app = PtviewApp(autoplay=False)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        line = bar_text(app)
        assert line.startswith("? Help q Quit")
        assert len(line) <= size[0]
        # The line is a prefix of the entries, each whole: "setTime" cut mid-word cannot appear.
        rebuilt, entries = "", whole_entries(app)
        for entry in entries:
            candidate = (rebuilt + ("▏" if rebuilt.endswith("Quit") else " ") if rebuilt else "") + entry
            if len(candidate) > len(line):
                break
            rebuilt = candidate
        assert line == rebuilt


async def test_at_80x24_pause_step_and_the_views_are_on_the_bar():
    app = PtviewApp(autoplay=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        line = bar_text(app)
        for hint in ("space Pause/run", ". Step", "1/2/3/0 views"):
            assert hint in line


async def test_the_focused_pane_keys_come_before_the_fire_keys():
    app = PtviewApp(autoplay=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2")  # the processes view: the tree has focus
        await pilot.pause()
        line = bar_text(app)
        assert "C Collapse all" in line and "r readFile" not in line.split("C Collapse all")[0]
