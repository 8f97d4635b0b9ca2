"""The processes view's partial updates, read off a real pseudo-terminal (tui/span_update.py).

While processes come and go beside ptview, each changed row goes out from its first changed
cell with a style's SGR sequence only where the style changes. What the terminal then shows
must be exactly what a full repaint (ctrl+l) draws: every cell's character, colours and
attributes, read back with pyte.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys

import pyte
import pytest

from reliability_kit import Tty

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a pty and /proc")

COLS, ROWS = 80, 24
SPAWNER = r"""
import subprocess, sys, time
kids = []
while True:
    kids = [p for p in kids if p.poll() is None]
    kids.append(subprocess.Popen(["sleep", "0.6"], stdin=subprocess.DEVNULL))
    time.sleep(0.1)
"""


def cells(out: bytes) -> list[list[tuple]]:
    """Every cell of the screen `out` leaves: its character, colours and attributes."""
    screen = pyte.Screen(COLS, ROWS)
    pyte.ByteStream(screen).feed(out)
    return [[(c.data, c.fg, c.bg, c.bold, c.reverse, c.italics, c.underscore)
             for c in (screen.buffer[y][x] for x in range(COLS))] for y in range(ROWS)]


def mid_line_updates(out: bytes) -> bool:
    """Whether a partial update started mid-line inside the pane (Textual's own start at the
    pane's left edge, column 1): a cursor move to column > 2 on a row of the tree, then text."""
    moves = re.findall(rb"\x1b\[(\d+);(\d+)H(?:\x1b\[[0-9;]*m)*[0-9A-Za-z]", out)
    return any(3 <= int(y) <= ROWS - 2 and int(x) > 2 for y, x in moves)


def test_the_screen_after_partial_updates_under_churn_is_what_a_full_repaint_draws():
    tty = Tty("--refresh", "0.25", cols=COLS, rows=ROWS)
    spawner = None
    try:
        assert tty.read_until(b"iter", 30), tty.out[-600:]  # the first frame (the loop's pane)
        tty.send(b"2")  # the processes view
        assert tty.read_until(b" procs", 30), tty.out[-600:]
        spawner = subprocess.Popen([sys.executable, "-c", SPAWNER], stdin=subprocess.DEVNULL,
                                   start_new_session=True)
        mark = len(tty.out)
        # Rows changing for a few seconds (PIDs, states, CPU figures going by), and at least one
        # update that starts mid-line. The spawner's rows are usually below ptview's (a higher
        # pid), but not when pids wrapped around pid_max in between: the test does not need them
        # on screen, only rows that change.
        reads = 0
        while reads < 30 or not mid_line_updates(tty.out[mark:]):
            assert reads < 300, "no partial update started mid-line in 30 s"
            tty.read_until(b"\x00never", 0.1)
            reads += 1
        churn = tty.out[mark:]
        tty.send(b"P")  # pause the scans: the rows stay as they are
        assert tty.read_until(b"paused", 10), tty.out[-600:]
        tty.read_until(b"\x00never", 1.5)  # a scan in flight when P came is shown, then nothing
        before = cells(tty.out)
        tty.send(b"\x0c")  # ctrl+l: every cell again
        n = len(tty.out)
        tty.read_until(b"\x00never", 1.5)
        assert len(tty.out) - n > COLS * (ROWS - 2), "ctrl+l repainted less than the screen"
        after = cells(tty.out)
    finally:
        if spawner is not None:
            os.killpg(spawner.pid, signal.SIGKILL)
            spawner.wait()
        tty.close()
    assert mid_line_updates(churn)
    # Row 0 holds the clock; the rest, the whole pane and the key bar, must match cell for cell.
    assert before[1:] == after[1:]
