"""LANG=C: a terminal that is not UTF-8 gets ASCII, cell for cell (issue 15)."""

import os
import select
import subprocess
import sys
import time

import pyte
import pytest
from rich.cells import cell_len

from reliability_kit import ROOT
from tui.core.charset import locale_is_utf8, to_ascii


@pytest.mark.parametrize("env, utf8", [
    ({"LANG": "en_US.UTF-8"}, True), ({"LANG": "C.UTF-8"}, True), ({"LC_ALL": "de_DE.utf8", "LANG": "C"}, True),
    ({"LANG": "C"}, False), ({}, False), ({"LANG": "en_US.ISO-8859-1"}, False),
    ({"LC_ALL": "C", "LANG": "en_US.UTF-8"}, False),
    ({"LANG": "C", "LC_CTYPE": "C.UTF-8"}, False),  # Python's own coercion of LANG=C (PEP 538)
])
def test_the_locale_says_whether_the_terminal_takes_utf8(env, utf8):
    assert locale_is_utf8(env) is utf8


def test_ascii_keeps_every_line_the_same_width():
    for line in ["╭─ Event loop ──╮", "│ timers › pending ⟳", "w0 #1 ████░░░ 300 ms", "? Help q Quit▏^p",
                 "日本 Grüße …", "▶ running ○ in epoll ■ ◆ ·", "├─▼ bash", "\x1b[1mbold\x1b[0m ─"]:
        out = to_ascii(line)
        assert out.isascii() and cell_len(out) == cell_len(line), (line, out)
    assert to_ascii("╭─ Event loop ─╮") == "+- Event loop -+"
    assert to_ascii("\x1b[38;5;2m│\x1b[0m") == "\x1b[38;5;2m|\x1b[0m"  # escape sequences untouched


def test_the_app_under_lang_c_sends_only_ascii_and_draws_its_panes():
    import pty

    master, slave = pty.openpty()
    env = dict(os.environ, PYTHONPATH=ROOT, TERM="xterm-256color", LANG="C", COLUMNS="80", LINES="24")
    env.pop("LC_ALL", None)
    env.pop("LC_CTYPE", None)
    p = subprocess.Popen([sys.executable, "-m", "tui", "--sim"], cwd=ROOT, stdin=slave, stdout=slave,
                         stderr=slave, env=env, start_new_session=True)
    os.close(slave)
    out = b""
    try:
        deadline = time.monotonic() + 30
        while b"Quit" not in out and time.monotonic() < deadline:
            if select.select([master], [], [], 0.1)[0]:
                out += os.read(master, 65536)
        while select.select([master], [], [], 0.3)[0]:  # the rest of the first frame, until quiet
            out += os.read(master, 65536)
        drawn = out
        os.write(master, b"q")
        p.wait(timeout=10)
        while select.select([master], [], [], 0.2)[0]:
            try:
                chunk = os.read(master, 65536)
            except OSError:
                break
            if not chunk:
                break
            out += chunk
    finally:
        if p.poll() is None:
            p.kill()
            p.wait()
        os.close(master)
    assert b"Quit" in out
    assert all(b < 0x80 for b in out), sorted({b for b in out if b >= 0x80})[:10]
    screen = pyte.Screen(80, 24)
    pyte.ByteStream(screen).feed(drawn)  # before q: the screen as the user saw it
    text = "\n".join(screen.display)
    assert "+- Event loop" in text and "? Help q Quit|^p palette" in text
