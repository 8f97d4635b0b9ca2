"""The status line repaints up to its last changed cell (idle bytes at 200x50)."""

from textual.app import App, ComposeResult

from widgets.status_line import StatusLine


class One(App):
    def compose(self) -> ComposeResult:
        yield StatusLine("[b]ptview[/b] sim │ t [b]1,000.0[/b] ms │ iter 1 │ pool 4", id="status")


async def test_a_ticking_clock_repaints_its_changed_digit_only():
    app = One()
    async with app.run_test(size=(200, 5)) as pilot:
        status = app.query_one(StatusLine)
        regions = []
        real = status.refresh
        status.refresh = lambda *r, **kw: (regions.append(r), real(*r, **kw))[1]
        status.update("[b]ptview[/b] sim │ t [b]2,000.0[/b] ms │ iter 1 │ pool 4")
        assert len(regions) == 1 and len(regions[0]) == 1
        r = regions[0][0]
        assert (r.x, r.width) == (len(" ptview sim │ t "), 1)  # the changed digit, nothing around it
        regions.clear()
        status.update("[b]ptview[/b] sim │ t [b]2,000.0[/b] ms │ iter 1 │ pool 4")
        assert regions == []  # nothing changed, nothing sent
        status.update("[b]ptview[/b] sim │ t [b]2,000.0[/b] ms │ iter 1 │ pool [b]4[/b]")
        assert regions == [()]  # only a style changed: the whole line
        await pilot.pause()
        assert str(status.render()).strip().endswith("pool 4")
        assert status.render_line(0).text.startswith(" ptview sim │ t 2,000.0 ms")
