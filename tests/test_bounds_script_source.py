"""Issue 14: a script (and every module file it loads) is a regular file of at most 4 MiB.

Before: `ptview --headless /dev/zero` read 2.8 GB then printed a traceback, a FIFO
blocked in open() for ever, and so did `fork('<fifo>')` in a script (forked modules
are read before anything runs). The FIFO cases run in a child process with a
timeout, so that a regression fails instead of hanging the suite.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.reliability_kit import ROOT, cli, one_line_error
from tui.cli import main
from tui.core.script.source import MAX_SCRIPT_BYTES, ScriptSourceError, read_script


@pytest.fixture
def fifo(tmp_path):
    path = tmp_path / "fifo.js"
    os.mkfifo(path)  # no writer, ever
    return str(path)


def _ptview(*argv: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tui", *argv], capture_output=True, text=True, timeout=60,
                          cwd=ROOT, stdin=subprocess.DEVNULL)


@pytest.mark.parametrize("kind", ["directory", "FIFO", "character device"])
def test_a_script_that_is_not_a_regular_file_is_one_line_and_exit_2(tmp_path, fifo, kind):
    path = {"directory": str(tmp_path), "FIFO": fifo, "character device": "/dev/zero"}[kind]
    r = _ptview("--headless", path)
    assert r.returncode == 2 and r.stdout == ""
    assert r.stderr == f"ptview: error: {path}: not a regular file (a {kind})\n"


def test_the_app_refuses_the_same_files_before_the_screen_opens(fifo):
    for path, kind in ((fifo, "a FIFO"), ("/dev/zero", "a character device")):
        r = _ptview(path)  # no terminal here: had it got past the check, it would say so instead
        assert r.returncode == 2 and r.stderr == f"ptview: error: {path}: not a regular file ({kind})\n"


def test_a_script_larger_than_the_cap_is_refused_without_reading_it_all(tmp_path):
    big = tmp_path / "big.js"
    big.write_bytes(b" " * (MAX_SCRIPT_BYTES + 1))
    code, out, err = cli("--headless", str(big))
    assert code == 2 and out == "" and one_line_error(err) and "larger than 4 MiB" in err
    at_cap = tmp_path / "cap.js"
    at_cap.write_bytes(b" " * MAX_SCRIPT_BYTES)
    assert len(read_script(str(at_cap))) == MAX_SCRIPT_BYTES


def test_invalid_utf8_is_replaced_as_node_does_and_a_bom_is_dropped(tmp_path, capsys):
    p = tmp_path / "bytes.js"
    p.write_bytes(b"\xef\xbb\xbfconsole.log('a\xffb');\n")
    assert read_script(str(p)) == "console.log('a\ufffdb');\n"
    assert main(["--headless", str(p)]) == 0
    assert capsys.readouterr().out == "a\ufffdb\n"


def test_unreadable_and_missing_files_are_named_in_the_error(tmp_path):
    with pytest.raises(ScriptSourceError) as e:
        read_script(str(tmp_path / "nope.js"))
    assert str(e.value) == f"{tmp_path / 'nope.js'}: no such file"


def test_fork_of_a_fifo_is_refused_with_the_fork_calls_place(tmp_path, fifo):
    # the engine resolves fork's module when fork() runs (as node does), so the parent has run
    # up to there; the FIFO is never opened for reading
    p = tmp_path / "parent.js"
    p.write_text(f"console.log('parent');\nrequire('child_process').fork({fifo!r});\n")
    r = _ptview("--headless", str(p))
    assert r.returncode == 2 and r.stdout == "parent\n"
    assert r.stderr == f"ptview: error: parent.js:2:26: fork: cannot read {fifo}: not a regular file (a FIFO)\n"
