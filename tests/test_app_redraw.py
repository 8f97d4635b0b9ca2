"""ctrl+l, as curses programs have it: every cell of the screen again, read off a real pty.

What another program wrote over ptview (a `wall` message, a background job's output) is
on the terminal but not in what Textual believes the screen holds: an ordinary frame sends
only the cells that changed and leaves the rest of it there, ctrl+l sends every cell.
"""

from __future__ import annotations

import sys
import time

import pyte
import pytest

from reliability_kit import Tty

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a pty")

COLS, ROWS = 80, 24
SCRIBBLE = "§"  # what the other program wrote: in no cell ptview draws


def scribbled_over(frames: bytes) -> list[str]:
    """The screen after `frames`, sent to a terminal another program had filled with SCRIBBLE."""
    screen = pyte.Screen(COLS, ROWS)
    stream = pyte.ByteStream(screen)
    for row in range(1, ROWS + 1):
        stream.feed(f"\x1b[{row};1H{SCRIBBLE * COLS}".encode())
    stream.feed(frames)
    return screen.display


class Terminal:
    """The pty's bytes as a screen, fed as they arrive."""

    def __init__(self, tty: Tty) -> None:
        self.tty = tty
        self.screen = pyte.Screen(COLS, ROWS)
        self._stream = pyte.ByteStream(self.screen)
        self._fed = 0

    def wait_for(self, done, timeout: float = 20) -> bool:
        deadline = time.monotonic() + timeout
        while not done() and time.monotonic() < deadline:
            self.tty.read_until(b"\x00never", 0.05)  # whatever arrives meanwhile
            self._stream.feed(self.tty.out[self._fed:])
            self._fed = len(self.tty.out)
        return done()

    def status_ticks(self, n: int) -> None:
        """Until the status line (the model's clock, once a second) has changed n times."""
        for _ in range(n):
            status = self.screen.display[0]
            assert self.wait_for(lambda: self.screen.display[0] != status), self.tty.out[-300:]


@pytest.mark.slow
def test_ctrl_l_sends_every_cell_again_and_an_idle_frame_does_not():
    tty = Tty("--sim", cols=COLS, rows=ROWS)
    term = Terminal(tty)
    try:
        assert term.wait_for(lambda: "Quit" in term.screen.display[-1]), tty.out[-300:]
        term.status_ticks(1)  # the first frame is whole: the clock has ticked since
        idle_from = len(tty.out)
        term.status_ticks(2)  # so the first tick's frame is whole too
        idle = scribbled_over(tty.out[idle_from:])
        redraw_from = len(tty.out)
        tty.send(b"\x0c")
        assert term.wait_for(lambda: SCRIBBLE not in "".join(scribbled_over(tty.out[redraw_from:]))), \
            scribbled_over(tty.out[redraw_from:])
        assert scribbled_over(tty.out[redraw_from:]) == term.screen.display  # what ptview shows, every cell
        tty.send(b"q")
        tty.wait_exit(10)
    finally:
        tty.close()
    # The contrast: frames without ctrl+l leave what the other program wrote (the clock's line aside).
    assert sum(SCRIBBLE in row for row in idle) >= ROWS - 2, idle
