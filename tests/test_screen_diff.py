"""The output filter sends fewer bytes and the terminal shows the same (issue 15: bytes under churn).

A terminal emulator (pyte) fed Textual's writes as they are, and another fed what the
filter makes of them, must show the same characters in the same colours after every
write; and the filtered stream must be shorter where the screen already shows what is
written again.
"""

from __future__ import annotations

import random
import re

import pyte

from tui.screen_diff import ScreenDiff

W, H = 40, 12


def screens(width=W, height=H):
    a, b = pyte.Screen(width, height), pyte.Screen(width, height)
    return (a, pyte.Stream(a)), (b, pyte.Stream(b))


def cells(screen):
    return [[(c.data, c.fg, c.bg, c.bold, c.reverse, c.italics, c.underscore)
             for c in (screen.buffer[y][x] for x in range(screen.columns))] for y in range(screen.lines)]


def same(raw_writes, width=W, height=H):
    (ra, rs), (fa, fs) = screens(width, height)
    diff = ScreenDiff(width, height)
    sent = 0
    for data in raw_writes:
        rs.feed(data)
        out = diff(data)
        sent += len(out)
        fs.feed(out)
        assert cells(fa) == cells(ra), (data, out)
        assert (fa.cursor.y, fa.cursor.x) == (ra.cursor.y, ra.cursor.x), (data, out)
    return sent


PENS = ["", "1", "38;5;253;48;5;233", "1;38;5;195;48;5;32", "38;5;247;48;5;233", "7;38;5;23;48;5;233",
        "2", "3", "4", "38;2;10;20;30"]
TEXT = "abc xyz 0123456789 ─│├└▶▼ ·…"
WIDE = "日本語"


def frame(rng: random.Random, width=W, height=H, wide=True) -> str:
    """What Textual writes for a frame: lines from a cell to a cell, segments in SGR + reset,
    line feeds between lines, the cursor put somewhere at the end."""
    out = []
    ys = sorted(rng.sample(range(height), rng.randint(1, height)))
    for n, y in enumerate(ys):
        x = rng.randrange(width)
        out.append(f"\x1b[{y + 1};{x + 1}H")
        room = width - x
        while room > 0:
            pen = rng.choice(PENS)
            if wide and rng.random() < 0.15 and room >= 2:
                k = rng.randint(1, min(3, room // 2))
                text = "".join(rng.choice(WIDE) for _ in range(k))
                used = 2 * k
            else:
                k = rng.randint(1, min(12, room))
                text = "".join(rng.choice(TEXT) for _ in range(k))
                used = k
            out.append(f"\x1b[{pen}m{text}\x1b[0m" if pen else text)
            room -= used
            if rng.random() < 0.3:
                break
        if n < len(ys) - 1:
            out.append("\n")
    out.append(f"\x1b[{rng.randrange(height) + 1};{rng.randrange(width) + 1}H")
    return "".join(out)


def test_random_frames_show_the_same_screen():
    rng = random.Random(15)
    for _ in range(30):
        writes = [frame(rng) for _ in range(40)]
        same(writes)


def test_a_frame_drawn_again_sends_only_the_cursor():
    rng = random.Random(3)
    f = frame(rng, wide=False)
    diff = ScreenDiff(W, H)
    diff(f)
    again = diff(f)
    assert len(again) <= len("\x1b[12;40H"), repr(again)


def test_a_changed_digit_sends_that_digit_in_its_colour_only():
    row = "\x1b[5;1H\x1b[38;5;253;48;5;233m  25797 S   0.0   1.6M    1 \x1b[0m\x1b[38;5;247;48;5;233m│ ├─\x1b[0m"
    diff = ScreenDiff(W, H)
    first = diff(row)
    second = diff(row.replace("25797", "25798") + "\x1b[1;1H")
    assert second == "\x1b[5;7H\x1b[38;5;253;48;5;233m8\x1b[1;1H\x1b[0m", repr(second)
    assert len(second) < len(first) / 2
    same([row, row.replace("25797", "25798") + "\x1b[1;1H"])


def test_what_is_not_modelled_goes_through_and_is_drawn_again_after():
    rng = random.Random(7)
    base = frame(rng, wide=False)
    writes = [base, "\x1b[2J", base, "\x1b[?25l\x1b[?2026h", base, "\x1b7\x1b[3;3Hzz\x1b8", base,
              "\x1b]0;title\x07", base, "\x1b[5;5H\x1b[K", base, "\x1b[1;1Hab\rcd\x08e", base]
    same(writes)
    diff = ScreenDiff(W, H)
    diff(base)
    diff("\x1b[2J")
    text = lambda s: re.sub(r"\x1b\[[0-9;]*[A-Za-z]|\n", "", s)
    assert text(diff(base)) == text(base)  # after a clear every cell of the frame goes out again


def test_text_at_the_right_edge_and_past_it():
    writes = [f"\x1b[1;{W - 2}Habc\x1b[2;1Hx", f"\x1b[1;{W - 2}Habc", f"\x1b[1;{W - 2}Habcdef",
              f"\x1b[3;{W - 1}H日", f"\x1b[4;{W - 1}H\x1b[1m日本\x1b[0m\x1b[1;1H", "\x1b[4;1Hq"]
    same(writes)


def test_wide_characters_half_overwritten():
    writes = ["\x1b[1;1H日本語", "\x1b[1;2Hx", "\x1b[1;1H日本語", "\x1b[1;3Hy\x1b[1;1H", "\x1b[1;1H日本語",
              "\x1b[1;1Ha日"]
    same(writes)


def test_a_line_feed_at_the_bottom_scrolls_and_is_kept():
    writes = ["\x1b[1;1Htop", f"\x1b[{H};1Hbottom\n", "\x1b[1;1Htop\x1b[2;1H"]
    same(writes)


def test_a_terminal_of_unknown_size_gets_the_writes_unchanged():
    diff = ScreenDiff(0, 0)
    assert diff("\x1b[1;1Habc") == "\x1b[1;1Habc"


def test_a_real_session_replayed_through_the_filter_shows_the_same_screens():
    """ptview's own output (the processes view, with processes coming and going), as Textual
    wrote it, cut into writes at its cursor positions and replayed: the same screen after each."""
    import os
    import sys

    from reliability_kit import ROOT

    sys.path.insert(0, os.path.join(ROOT, "bench"))
    from churn import Spawner
    from pty_run import PtyProgram

    os.environ["PTVIEW_RAW_OUTPUT"] = "1"  # Textual's writes, unfiltered (PtyProgram copies the environment)
    try:
        p = PtyProgram([sys.executable, "-m", "tui"], 80, 24, cwd=ROOT)
    finally:
        del os.environ["PTVIEW_RAW_OUTPUT"]
    try:
        assert p.settle() is not None
        os.write(p.master, b"2")
        with Spawner(every=0.1, life=1):
            p.pump(3.5)
        os.write(p.master, b"1")
        p.pump(1.0)
        data = bytes(p.buf).decode("utf-8", "replace")
    finally:
        p.stop()
    assert "Processes" in data
    cuts = [m.start() for m in re.finditer(r"\x1b\[\d+;\d+H", data)]
    rng = random.Random(1)
    bounds = sorted({0, len(data), *rng.sample(cuts, min(len(cuts), 300))})
    writes = [data[a:b] for a, b in zip(bounds, bounds[1:])]
    sent = same(writes, 80, 24)
    assert sent < len(data) * 0.8


def test_a_frame_drawn_for_a_bigger_terminal_goes_through():
    """The terminal shrank while Textual drew for the old size: positions past it, as written."""
    writes = ["\x1b[1;1Habc", f"\x1b[{H + 5};3Hxyz\x1b[2;{W + 4}Hq", "\x1b[1;1Habd\x1b[3;3H"]
    same(writes)


def test_ctrl_l_redraws_every_cell():
    """As curses programs do: whatever else wrote on the terminal is drawn over."""
    import os
    import sys

    from reliability_kit import ROOT

    sys.path.insert(0, os.path.join(ROOT, "bench"))
    from pty_run import PtyProgram

    p = PtyProgram([sys.executable, "-m", "tui", "--sim"], 80, 24, cwd=ROOT)
    try:
        assert p.settle() is not None
        p.pump(1.0)
        p.mark()
        p.pump(1.5)
        idle = len(p.buf)
        p.send(b"\x0c")
        p.pump(1.5)
        redraw = bytes(p.buf).decode("utf-8", "replace")
    finally:
        p.stop()
    screen = pyte.Screen(80, 24)
    pyte.Stream(screen).feed("\x1b[2J" + redraw)  # a blank terminal: the redraw alone fills it
    text = "\n".join(screen.display)
    assert "Event loop" in text and "Quit" in text and "Worker pool" in text, text
    assert idle < 400 and len(redraw) > 1500
