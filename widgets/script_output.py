"""The script app's output pane: what the script wrote to stdout, a line at a time.

The script is untrusted (anyone's `console.log('\\x1b]0;...')`): every line goes
through shown() here, whichever engine produced it, and is written as Text, so
neither an escape sequence nor Rich markup in the output reaches the terminal.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import RichLog

from tui.core.untrusted import shown_lines


class ScriptOutput(RichLog):
    def __init__(self, **kw) -> None:
        kw.setdefault("max_lines", 2000)
        kw.setdefault("wrap", True)
        super().__init__(markup=False, **kw)

    def add(self, chunk: str) -> None:
        """Append output as the script wrote it (lines ended by newlines)."""
        for line in shown_lines(chunk.rstrip("\n")):
            self.write(Text(line))
