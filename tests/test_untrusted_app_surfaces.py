"""Hostile names in the full-screen apps, read off a real pseudo-terminal.

Textual's own escape sequences are legitimate in the byte stream; what must
not be there is what the hostile text would produce: the OSC 0 title and
OSC 52 clipboard sequences, a C1 control or a bidi override (as code
points), a clear-screen the script wrote. The screen, read back with pyte,
must show the payload in its visible form (`^[]0;pwned^G`) and keep the
window title pyte saw set (none).
"""

from __future__ import annotations

import os
import sys
import unicodedata

import pyte
import pytest

from hostile import CLIPBOARD_SHOWN, TITLE_SHOWN, hostile_process
from reliability_kit import Tty

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a pty and /proc")

COLS, ROWS = 160, 44  # wide: every pane at once
PAYLOADS = (b"\x1b]0;pwned", b"\x1b]52;", b"pwned\x07", b"\x1b[2Jpwned")


def screen_of(out: bytes) -> pyte.Screen:
    screen = pyte.Screen(COLS, ROWS)
    pyte.ByteStream(screen).feed(out)
    return screen


def assert_nothing_hostile_reached_the_terminal(out: bytes) -> None:
    """The whole stream, start to exit, holds none of the payload's sequences."""
    for p in PAYLOADS:
        assert p not in out, f"{p!r} reached the terminal"
    text = out.decode("utf-8", "replace")
    c1 = sorted({c for c in text if 0x80 <= ord(c) <= 0x9F})
    assert not c1, f"C1 controls reached the terminal: {c1!r}"
    fmt = sorted({c for c in text if unicodedata.category(c) in ("Cf", "Zl", "Zp")})
    assert not fmt, f"format (bidi) characters reached the terminal: {fmt!r}"
    assert "pwned" not in screen_of(out).title  # what pyte, like a terminal, made the window title


def quit_app(tty: Tty) -> str:
    """The screen's text as the user last saw it, then ctrl+c (a priority key: quits whatever has
    focus). pyte has no alternate screen, so the text is taken before the app leaves it."""
    shown = "\n".join(screen_of(tty.out).display)
    tty.send(b"\x03")
    tty.wait_exit(10)
    return shown


def test_attach_shows_hostile_process_thread_and_fifo_names_visibly(tmp_path):
    with hostile_process(tmp_path, fifo=True) as p:
        tty = Tty("--pid", str(p.pid), cols=COLS, rows=ROWS)
        try:
            # The process pane (rooted at the pid) names it; the pool pane lists its busy thread.
            assert tty.read_until(b"pwned^G", 30), tty.out[-600:]
            assert tty.read_until(b"busy:", 30), tty.out[-600:]
            tty.read_until(b"\x00never", 1.5)  # a few more samples and scans on screen
            shown = quit_app(tty)
        finally:
            tty.close()
    assert_nothing_hostile_reached_the_terminal(tty.out)
    assert TITLE_SHOWN + "<U+202E>\ufffd" in shown  # the process's comm, in the process pane
    assert CLIPBOARD_SHOWN + "<U+009B> (" in shown  # the thread's name, in the pool pane's "busy:" lines
    if os.geteuid() == 0:  # the path a thread blocks on needs ptrace rights to read
        assert "fifo" + TITLE_SHOWN in "".join(shown.split())


def test_script_app_shows_escapes_in_source_and_output_visibly(tmp_path):
    script = tmp_path / "evil.js"
    script.write_bytes(
        b"// title \x1b]0;pwned\x07 clipboard \x1b]52;c;aGk=\x07\n"
        b"// rlo \xe2\x80\xae c1 \xc2\x9b2J\n"
        b"console.log('\\x1b[2Jpwned-out \\x1b]0;pwned\\x07');\n"
    )
    tty = Tty(str(script), cols=COLS, rows=ROWS)
    try:
        assert tty.read_until(b"pwned^G", 30), tty.out[-600:]  # the code pane, before any step
        tty.send(b".")  # run the main module: the output pane gets its line
        assert tty.read_until(b"pwned-out", 30), tty.out[-600:]
        tty.read_until(b"\x00never", 0.5)
        shown = quit_app(tty)
    finally:
        tty.close()
    assert_nothing_hostile_reached_the_terminal(tty.out)
    assert f"title {TITLE_SHOWN} clipboard {CLIPBOARD_SHOWN}" in shown  # the code pane
    assert "rlo <U+202E> c1 <U+009B>2J" in shown
    assert f"^[[2Jpwned-out {TITLE_SHOWN}" in shown  # the output pane


def test_the_apps_process_pane_shows_a_hostile_process_found_by_filter(tmp_path):
    with hostile_process(tmp_path) as p:
        tty = Tty("--sim", cols=COLS, rows=ROWS)
        try:
            assert tty.read_until(b"procs", 30), tty.out[-600:]  # the first scan is in
            before, tty.out = tty.out, b""  # "Filter" below must be the new key bar's
            tty.send(b"2")  # the processes view: its rows get the focus, and the key bar its keys
            assert tty.read_until(b"Filter", 30), tty.out[-600:]
            tty.send(b"/ned")  # the filter: the hostile comm matches ("w" would be a screenshot key)
            assert tty.read_until(b"pwned^G", 30), tty.out[-600:]
            tty.read_until(b"\x00never", 1.0)
            shown = quit_app(tty)
        finally:
            tty.close()
    assert_nothing_hostile_reached_the_terminal(before + tty.out)
    assert TITLE_SHOWN + "<U+202E>\ufffd" in shown
    assert TITLE_SHOWN + "<U+202E>.py" in shown  # its argv[1], the script's name
