"""No label of the loop and pool panes is broken from its value at the in-between sizes.

A 1280x800 browser is 142x44: there Rich's wrapping put `close ⟳` on a line of its own and split
`late 0.00` / `ms` and `queued` / `0`. Every line is read back as the screen shows it."""

import re

import pytest

from test_app_snapshots import five_pbkdf2, make_app
from widgets.loop_view import LoopView
from widgets.pool_view import PoolView

SIZES = [(80, 24), (100, 30), (120, 40), (142, 44), (160, 48), (200, 50)]
# Each label is followed by its value on the same line.
LABELS = ("iteration", "uv_now", "late", "threads", "slow I/O running", "queued", "submitted", "done",
          "failed", "cancelled", "mean wait", "run", "busy")


def screen_lines(widget) -> list[str]:
    return [widget.render_line(y).text.rstrip() for y in range(widget.size.height)]


def broken(lines: list[str]) -> list[str]:
    bad = []
    for line in lines:
        text = line.strip()
        if re.fullmatch(r"[\d.,%]+( ms| s)?|ms|s|⟳|close|close ⟳", text):
            bad.append(line)  # a value, a unit or the ring's tail alone on a line
        elif any(re.search(rf"(?<![\w/]){re.escape(label)}$", text) for label in LABELS):
            bad.append(line)  # a label whose value went to the next line
    return bad


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_no_line_of_the_loop_and_pool_panes_breaks_a_label(size):
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await five_pbkdf2(pilot)
        await pilot.pause()
        for widget in (app.query_one(LoopView), app.query_one(PoolView)):
            lines = screen_lines(widget)
            assert any(line.strip() for line in lines)
            assert broken(lines) == [], f"{type(widget).__name__} at {size}: {lines}"


def test_the_checker_sees_the_breaks_it_is_for():
    assert broken([" iteration 8  uv_now 4,261 ms  late 0.00", "ms"])
    assert broken([" submitted 5  done 5  failed 0  cancelled", "0"])
    assert broken([" timers › pending › idle/prepare › poll › check", "close ⟳"])
    assert not broken([" timers › pending › idle/prepare", " › poll › check › close ⟳",
                       " submitted 5  done 5", " failed 0  cancelled 0"])
