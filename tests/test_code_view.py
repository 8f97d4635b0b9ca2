"""The code pane: highlighted source, the running callback lit, scrolled into view."""

from __future__ import annotations

from textual.app import App, ComposeResult

from tui.core.script.session import Where
from widgets.code_view import CodeView

SRC = "\n".join(f"console.log({i});" for i in range(1, 61)) + "\nsetTimeout(() => {\n  console.log('t');\n}, 0);\n"


class _Host(App):
    def compose(self) -> ComposeResult:
        yield CodeView(SRC, "demo.js", use_tree_sitter=False)


async def test_highlight_lights_the_callback_span_and_scrolls_to_it():
    app = _Host()
    async with app.run_test(size=(60, 20)) as pilot:
        view = app.query_one(CodeView)
        assert view.lit_lines == set()
        view.highlight(Where(61, 63, "setTimeout 0 ms", "timers", None, 62))
        await pilot.pause()
        assert view.lit_lines == {61, 62, 63}
        assert view.query_one("#code-scroll").scroll_y > 30  # line 62 is far below the first screen
        view.highlight(None)
        await pilot.pause()
        assert view.lit_lines == set()
        view.highlight(line=2)
        await pilot.pause()
        assert view.lit_lines == {2}


class _TreeSitterHost(App):
    def compose(self) -> ComposeResult:
        yield CodeView(SRC, "demo.js", use_tree_sitter=True)


async def test_text_area_path_selects_the_callback_span():
    from textual.widgets import TextArea

    app = _TreeSitterHost()
    async with app.run_test(size=(60, 20)) as pilot:
        view = app.query_one(CodeView)
        view.highlight(line=61, end_line=63, current=62)
        await pilot.pause()
        sel = app.query_one(TextArea).selection
        assert (sel.start, sel.end) == ((60, 0), (62, len("}, 0);")))
        assert app.query_one(TextArea).read_only
