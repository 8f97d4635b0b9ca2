"""`--present TALK --record FILE.cast` (issue 16): asciicast v2 of exactly what the terminal showed."""

from __future__ import annotations

import json
import pathlib
import sys

import pyte
import pytest

from reliability_kit import Tty
from tui.cli import main

TALK = str(pathlib.Path(__file__).resolve().parent.parent / "talks" / "processes-and-threads.toml")
COLS, ROWS = 100, 30
# Set empty rather than left out: the variables of whoever runs the tests must not choose.
LOCALES = {"utf-8": {"LANG": "C.UTF-8", "LC_ALL": "", "LC_CTYPE": ""},
           "C": {"LANG": "C", "LC_ALL": "", "LC_CTYPE": ""}}


def screen(data: str | bytes, cols: int = COLS, rows: int = ROWS) -> list[str]:
    s = pyte.Screen(cols, rows)
    if isinstance(data, bytes):
        pyte.ByteStream(s).feed(data)
    else:
        pyte.Stream(s).feed(data)
    return s.display


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a pty")
@pytest.mark.parametrize("locale", LOCALES)
def test_the_recording_replays_to_the_screen_the_terminal_showed(tmp_path, locale):
    cast = tmp_path / "talk.cast"
    tty = Tty("--present", TALK, "--record", str(cast), cols=COLS, rows=ROWS, env=LOCALES[locale])
    try:
        assert tty.read_until("beat 1/3".encode(), 30), tty.out[-400:]
        tty.send(b"\x1b[6~")  # PageDown, as a clicker sends it
        assert tty.read_until("beat 2/3".encode(), 30), tty.out[-400:]
        tty.read_until(b"\x00never", 0.5)  # the rest of that frame
        seen = screen(tty.out)
        tty.send(b"\x1b")
        tty.read_until(b"Esc again quits", 10)
        tty.send(b"\x1b")
        tty.wait_exit(10)
    finally:
        tty.close()
    assert tty.proc.returncode == 0
    lines = cast.read_text().splitlines()
    header = json.loads(lines[0])
    assert header["version"] == 2 and (header["width"], header["height"]) == (COLS, ROWS)
    events = [json.loads(line) for line in lines[1:]]
    assert all(kind in ("o", "r") and isinstance(t, float) for t, kind, _ in events)
    assert [t for t, _, _ in events] == sorted(t for t, _, _ in events)
    output = "".join(data for _, kind, data in events if kind == "o")
    # pyte has no alternate screen: the app's last frame stays on it in both, byte streams alike.
    assert screen(output) == screen(tty.out)
    where = "scene 1/9 · beat 2/3" if locale == "utf-8" else "scene 1/9 . beat 2/3"
    assert any(where in line for line in seen)
    assert any(where in line for line in screen(output))
    if locale == "C":  # what the terminal was sent, so ASCII: borders as +-|, no box drawing
        assert tty.out.isascii() and output.isascii(), sorted({c for c in output if not c.isascii()})[:10]
        assert any("+-" in line for line in screen(output))
    else:
        assert "─" in output and "│" in output
    assert output.endswith("\x1b[?1004l")  # up to the terminal's restoration, and no further


def test_record_never_replaces_a_file(tmp_path, capsys):
    old = tmp_path / "old.cast"
    old.write_text("keep me")
    assert main(["--present", TALK, "--record", str(old)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "exists" in err[0]
    assert old.read_text() == "keep me"
    (tmp_path / "link.cast").symlink_to(tmp_path / "nowhere")
    assert main(["--present", TALK, "--record", str(tmp_path / "link.cast")]) == 2
    assert not (tmp_path / "nowhere").exists()


def test_record_is_for_present_only(capsys):
    assert main(["--check", TALK, "--record", "x.cast"]) == 2
    assert "--record does nothing with --check" in capsys.readouterr().err
