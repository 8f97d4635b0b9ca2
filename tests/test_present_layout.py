"""Presenter mode's layout (issue 16): the scene's panes, and a caption bar legible at 80x24 and 100x30."""

from __future__ import annotations

import pytest
from rich.console import Console
from rich.text import Text

from tests.test_present_keys import app_for
from tests.test_talk_file import GOOD

PANED = GOOD.replace('fire = ["pbkdf2x5:1000"]', 'fire = ["pbkdf2x5:1000"]\npanes = [["pool:2", "timeline:1"]]')


def shown_panes(app) -> set[str]:
    return {w.id.removeprefix("pane-") for w in app.query(".pane") if w.display and w.size.height > 2}


@pytest.mark.parametrize("size", [(80, 24), (100, 30)])
async def test_a_script_scene_shows_code_output_loop_and_pool_together(tmp_path, size):
    app = app_for(tmp_path)
    async with app.run_test(size=size) as pilot:
        await pilot.press("2")
        assert shown_panes(app) == {"code", "output", "loop", "pool"}
        code = app.query_one("#pane-code")
        assert code.size.width >= size[0] // 2 - 2  # half the width: the source is readable


async def test_a_scene_chooses_its_panes_and_their_heights(tmp_path):
    app = app_for(tmp_path, PANED)
    async with app.run_test(size=(100, 30)) as pilot:
        assert shown_panes(app) == {"pool", "timeline"}
        pool, timeline = app.query_one("#pane-pool"), app.query_one("#pane-timeline")
        assert pool.size.height >= 2 * timeline.size.height - 2
        await pilot.press("2")
        assert "timeline" not in shown_panes(app)


@pytest.mark.parametrize("size", [(80, 24), (100, 30)])
async def test_the_caption_bar_shows_title_counter_caption_and_why_whole(tmp_path, size):
    long = "A caption of three lines at eighty columns: " + "the loop thread runs every callback. " * 4
    app = app_for(tmp_path, GOOD.replace('caption = "four busy, one queued"', f'caption = "{long.strip()}"'))
    async with app.run_test(size=size) as pilot:
        await pilot.press("pagedown")
        text = app.query_one("#caption-text")
        # Every wrapped line of the caption has a row: nothing of the speaker's words is cut.
        width = text.content_region.width
        needed = len(Text(long.strip()).wrap(Console(width=width), width))
        assert needed >= 2 and text.content_region.height >= needed
        assert app.query_one("#caption-why").size.height >= 1
        assert app.query_one("#caption-count").size.width >= len("scene 1/2 · beat 2/4")
        stage = app.query_one("#stage")
        assert stage.size.height >= size[1] - 9  # the caption leaves the panes most of the screen
