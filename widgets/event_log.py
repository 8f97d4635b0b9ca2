"""The event log: what happened, in order, one line each (newest at the bottom)."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import RichLog

from tui.core import events as E
from tui.core.describe import describe, who
from widgets.style import task_colour

MAX_PER_FRAME = 200


class EventLog(RichLog):
    DEFAULT_CSS = """
    EventLog { background: $surface; scrollbar-size-vertical: 1; }
    """

    def __init__(self, **kw) -> None:
        super().__init__(max_lines=1000, wrap=False, markup=False, highlight=False, auto_scroll=True, **kw)

    def add_events(self, events: list[E.Event]) -> None:
        if not events:
            return
        skipped = len(events) - MAX_PER_FRAME
        if skipped > 0:
            self.write(Text(f"   … {skipped:,} events not shown (too many in one frame)", style="dim"))
            events = events[-MAX_PER_FRAME:]
        for e in events:
            text = describe(e)
            if text is None:
                continue
            line = Text(f"{e.t:11.3f} ", style="dim")
            line.append(f"{who(e):<9} ", style="bold")
            line.append(text, style=task_colour(e.task) if e.task is not None else "")
            self.write(line)
