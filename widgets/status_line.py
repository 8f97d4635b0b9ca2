"""The status line at the top: one line, repainted only up to its last changed cell.

It takes ptview's own markup (a str) or a Text: a status that quotes a task's
label, a script's error or a process's state is built as Text (the quoted part
through shown()), so no outside text is ever parsed as markup.

In sim mode its clock ticks every second while nothing else moves; as a
Static each tick resent the whole line (200 columns at 200x50, a third of the
idle bytes). Textual sends a dirty region from the widget's left edge to the
region's end, so a clock near the left costs its first 40 columns.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.text import Text
from textual.geometry import Region
from textual.strip import Strip
from textual.widget import Widget

from widgets.style import changed_span


def _line(content: str | Text) -> Text:
    if isinstance(content, Text):
        return Text.assemble(" ", content)
    return Text.from_markup(" " + content)


class StatusLine(Widget):
    DEFAULT_CSS = """
    StatusLine { height: 1; }
    """

    def __init__(self, markup: str | Text = "", **kw) -> None:
        super().__init__(**kw)
        self._text = _line(markup)

    def update(self, markup: str | Text, layout: bool = False) -> None:
        """Static's signature; the line never changes size, so `layout` is ignored."""
        old = self._text
        self._text = new = _line(markup)
        a, b = old.plain, new.plain
        if a == b and old.spans == new.spans:
            return
        if a == b:
            self.refresh()  # only the styles changed
            return
        x0, x1 = changed_span(a, b)  # a != b: never None
        self.refresh(Region(x0, 0, x1 - x0, 1))

    def render(self) -> Text:
        return self._text

    def render_line(self, y: int) -> Strip:
        base = self.rich_style
        width = self.size.width
        if y:
            return Strip.blank(width, base)
        segs = Segment.apply_style(self._text.render(self.app.console), base)
        return Strip(list(segs)).crop(0, width).adjust_cell_length(width, base)
