"""What every full-screen command checks first: that there is a terminal to draw on."""

from __future__ import annotations

import os
import sys

from tui.errors import UsageError


def require_terminal() -> None:
    """The app draws with cursor moves and reads keys: without a terminal it would hang on
    keys that never come or fill a file with escape codes, so say what works instead."""
    if os.environ.get("TEXTUAL_DRIVER"):
        return  # textual-serve's web driver: the browser is the terminal
    instead = "use --headless, --tree or --watch PID"
    # Textual reads keys from stdin and draws on stderr (sys.__stderr__): `ptview 2>log` would
    # draw into the log. A closed stderr was already given the terminal on stdout (tui/stdio.py).
    if not sys.stdin.isatty() or not os.isatty(2):
        raise UsageError(f"the app needs a terminal (it reads keys from stdin and draws on stderr; "
                         f"{'stdin' if not sys.stdin.isatty() else 'stderr'} is not one); {instead}")
    if os.environ.get("TERM") == "dumb":
        raise UsageError(f"TERM=dumb cannot draw the app (no cursor movement); {instead}, "
                         "or run it in a terminal with TERM=xterm-256color")
