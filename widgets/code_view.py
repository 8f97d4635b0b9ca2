"""The script's source with syntax highlighting and the running callback lit.

Highlighting comes from tree-sitter through a read-only TextArea when the
JavaScript grammar is installed (`pip install textual[syntax]`), otherwise
from Rich's Syntax (Pygments), which needs nothing extra. Either way the
app calls `highlight(where)` after each step with the session's `Where`
(or explicit line numbers); the widget never touches the model.

The source is anyone's file: it is drawn through shown_lines() (an ESC in a
comment shows as `^[`), tabs expanded first so indentation still reads as such.
`source` keeps the exact text.
"""

from __future__ import annotations

import importlib.util

from rich.syntax import Syntax
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Static, TextArea

from tui.core.untrusted import shown, shown_lines


def tree_sitter_javascript_available() -> bool:
    return (importlib.util.find_spec("tree_sitter") is not None
            and importlib.util.find_spec("tree_sitter_javascript") is not None)


class CodeView(Widget):
    """Source pane. `span` is the running callback's function (first, last line); `line` its current line."""

    DEFAULT_CSS = """
    CodeView { height: 1fr; }
    CodeView > VerticalScroll { height: 1fr; }
    CodeView > TextArea { height: 1fr; }
    """

    span: reactive[tuple[int, int] | None] = reactive(None)
    line: reactive[int | None] = reactive(None)

    def __init__(self, source: str, filename: str = "", *, use_tree_sitter: bool | None = None,
                 theme: str = "ansi_dark", name: str | None = None, id: str | None = None,
                 classes: str | None = None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.source = source
        # Line for line as the source (line numbers still match); only what a terminal would obey changes.
        self.shown_source = "\n".join(shown_lines(source.expandtabs(4)))
        self.filename = filename
        self.theme = theme
        self.use_tree_sitter = tree_sitter_javascript_available() if use_tree_sitter is None else use_tree_sitter
        if filename:
            self.border_title = Text(shown(filename))

    def compose(self) -> ComposeResult:
        if self.use_tree_sitter:
            yield TextArea(self.shown_source, language="javascript", read_only=True, show_line_numbers=True,
                           id="code-text")
        else:
            with VerticalScroll(id="code-scroll"):
                yield Static(self._syntax(), id="code-static")

    # -- the app's entry point -------------------------------------------------------------------

    def highlight(self, where=None, *, line: int | None = None, end_line: int | None = None,
                  current: int | None = None) -> None:
        """Light the running callback: a session `Where`, or explicit 1-based lines (None clears)."""
        if where is not None:
            line, end_line, current = where.line, where.end_line, where.last_line
        self.span = (line, end_line or line) if line is not None else None
        self.line = current if current is not None else line

    # -- rendering ---------------------------------------------------------------------------------

    def _lit_lines(self) -> set[int]:
        lit: set[int] = set()
        if self.span is not None:
            a, b = self.span
            lit.update(range(a, b + 1))
        if self.line is not None:
            lit.add(self.line)
        return lit

    def _syntax(self) -> Syntax:
        return Syntax(self.shown_source, "javascript", theme=self.theme, line_numbers=True, word_wrap=False,
                      highlight_lines=self._lit_lines(), indent_guides=False)

    def watch_span(self) -> None:
        self._refresh_view()

    def watch_line(self) -> None:
        self._refresh_view()

    def _refresh_view(self) -> None:
        if not self.is_mounted:
            return
        target = self.line or (self.span[0] if self.span else None)
        if self.use_tree_sitter:
            ta = self.query_one(TextArea)
            if self.span is not None:
                a, b = self.span
                last = ta.document.get_line(b - 1) if b - 1 < ta.document.line_count else ""
                ta.selection = ta.selection.__class__((a - 1, 0), (b - 1, len(last)))
                ta.scroll_cursor_visible(center=True)
            return
        self.query_one("#code-static", Static).update(self._syntax())
        if target is not None:
            scroll = self.query_one(VerticalScroll)
            scroll.scroll_to(y=max(0, target - 1 - scroll.size.height // 2), animate=False)

    @property
    def lit_lines(self) -> set[int]:
        """The 1-based lines drawn highlighted now (for tests and the status line)."""
        return self._lit_lines()
