"""A resize that reaches the app as it closes is dropped; one at any other time still counts.

The resize storm that raised NoMatches from a closing app made the error the test runner
reported, not the failure that had ended the test. At 80x24 the process tree, the log and
the timeline are not built yet (tui/pane_app.py): a resize to 200x50 builds them, which is
the work a closing app must not start.
"""

from __future__ import annotations

import pytest
from textual.css.query import NoMatches
from textual.events import Resize, Unmount
from textual.geometry import Size

from tui.app import PtviewApp

WIDE = Size(200, 50)


def app() -> PtviewApp:
    return PtviewApp(autoplay=False, live=False)


async def test_a_resize_still_in_flight_when_the_app_closes_raises_nothing():
    a = app()
    async with a.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        # Not awaited: run_test takes the screen apart while the app still handles it.
        a.post_message(Resize(WIDE, WIDE))
    assert a.return_code in (None, 0)


async def test_a_resize_after_exit_began_raises_nothing():
    a = app()
    async with a.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        a.exit()
        a.post_message(Resize(WIDE, WIDE))  # queued behind the exit, handled before the loop ends
        await pilot.pause()
    assert a.return_code == 0


async def test_a_resize_while_the_screens_widgets_are_removed_raises_nothing():
    a = app()
    sent = []

    def resize_as_the_log_pane_goes(message) -> None:
        # A SIGWINCH as Textual takes the screen apart: the pane the resize would fill is gone.
        if isinstance(message, Unmount) and getattr(message._sender, "id", None) == "log" and not sent:
            sent.append(a.post_message(Resize(WIDE, WIDE)))

    async with a.run_test(size=(80, 24), message_hook=resize_as_the_log_pane_goes) as pilot:
        await pilot.pause()
    assert sent == [True]  # the app took the resize, in the middle of the teardown


async def test_a_pane_missing_while_the_app_runs_is_still_an_error():
    """What the teardown rule must not hide: the app running, its screen whole but for a pane."""
    a = app()
    with pytest.raises(NoMatches):
        async with a.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await a.query_one("#log").remove()
            await pilot.resize_terminal(WIDE.width, WIDE.height)
