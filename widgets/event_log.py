"""The event log: what happened, in order, one line each (newest at the bottom).

The lines live in a `LogLines` buffer the app fills every frame, shown or not;
the `EventLog` widget draws only the lines on screen from it (Textual's line
API), so a hidden log costs a tuple per event and a shown one the visible
rows, not a Rich render of every line written.
"""

from __future__ import annotations

from collections import deque

from rich.segment import Segment
from rich.style import Style
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.core import events as E
from tui.core.describe import describe, who
from tui.core.untrusted import shown
from widgets.style import task_colour

MAX_PER_FRAME = 200
MAX_LINES = 1000

_DIM = Style(dim=True)
_BOLD = Style(bold=True)
_PLAIN = Style()


class LogLines:
    """The last `MAX_LINES` lines: (time or None for a notice, who, text, task)."""

    def __init__(self, max_lines: int = MAX_LINES) -> None:
        self.lines: deque[tuple[float | None, str, str, int | None]] = deque(maxlen=max_lines)
        self.added = 0  # lines ever added: a widget compares it with what it last drew
        self.widest = 0

    def add_events(self, events: list[E.Event]) -> None:
        if not events:
            return
        skipped = len(events) - MAX_PER_FRAME
        if skipped > 0:
            self._add((None, "", f"   … {skipped:,} events not shown (too many in one frame)", None))
            events = events[-MAX_PER_FRAME:]
        for e in events:
            text = describe(e)
            if text is not None:
                # Once, as the line is stored: it quotes paths, hosts and error messages.
                self._add((e.t, who(e), shown(text), e.task))

    def _add(self, line: tuple) -> None:
        self.lines.append(line)
        self.added += 1
        self.widest = max(self.widest, 22 + len(line[2]))

    def clear(self) -> None:
        self.lines.clear()
        self.added += 1
        self.widest = 0


class EventLog(ScrollView):
    DEFAULT_CSS = """
    EventLog { background: $surface; scrollbar-size-vertical: 1; height: 1fr; }
    """

    def __init__(self, lines: LogLines, **kw) -> None:
        super().__init__(**kw)
        self.buffer = lines
        self._drawn = -1
        self._styles: dict[int | None, Style] = {}

    def on_mount(self) -> None:
        # Kept at the newest line as lines arrive, until the user scrolls away (Textual
        # releases the anchor then, and restores it when they scroll back to the end).
        self.anchor()
        self.sync()

    def sync(self) -> None:
        """Show what was added since the last call."""
        buf = self.buffer
        if buf.added == self._drawn:
            return
        self._drawn = buf.added
        self.virtual_size = Size(buf.widest, len(buf.lines))
        self.refresh()

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        index = self.scroll_offset.y + y
        base = self.rich_style
        lines = self.buffer.lines
        if index >= len(lines):
            return Strip.blank(width, base)
        t, name, text, task = lines[index]
        if t is None:
            segs = [Segment(text, base + _DIM)]
        else:
            segs = [Segment(f"{t:11.3f} ", base + _DIM), Segment(f"{name:<9} ", base + _BOLD),
                    Segment(text, base + self._task_style(task))]
        x = self.scroll_offset.x
        return Strip(segs).crop(x, x + width).adjust_cell_length(width, base)

    def _task_style(self, task: int | None) -> Style:
        style = self._styles.get(task)
        if style is None:
            style = self._styles[task] = Style(color=task_colour(task)) if task is not None else _PLAIN
        return style
