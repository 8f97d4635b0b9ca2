"""Hostile names on ptview's text surfaces: --tree, --watch, the lab's timeline, error lines.

A real process names itself, its thread, its argv and a FIFO with escape
sequences (tests/hostile.py); what ptview prints must hold no control, C1 or
bidi character but the newlines between lines, must show the payload in its
visible form (`^[]0;pwned^G`), and --json must still carry the exact bytes.
"""

from __future__ import annotations

import json
import os
import sys

import pytest

from hostile import (ARGV0, CLIPBOARD_SHOWN, FIFO_NAME, PROC_COMM, SCRIPT_NAME, THREAD_COMM, TITLE_SHOWN,
                     assert_clean, bad_characters, hostile_process)
from reliability_kit import cli

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="names set through /proc")


def test_the_check_itself_sees_a_raw_payload():
    # The tests below pass only because ptview cleans the text, not because the check is blind.
    assert bad_characters(os.fsdecode(ARGV0)) and bad_characters(os.fsdecode(FIFO_NAME))
    assert not bad_characters("ok\n" + TITLE_SHOWN + " <U+202E> \ufffd")


@linux_only
def test_tree_shows_hostile_names_argv_and_thread_names_visibly(tmp_path):
    with hostile_process(tmp_path) as p:
        code, out, err = cli("--tree", "--pid", str(p.pid))
    assert code == 0, err
    assert_clean(out)
    head, *threads = out.splitlines()
    assert head.startswith(TITLE_SHOWN + "<U+202E>\ufffd(")  # the comm, bytes made visible
    assert TITLE_SHOWN + CLIPBOARD_SHOWN + "<U+009B>2J<U+202E>\ufffd" in head  # argv[0]
    assert any("{" + CLIPBOARD_SHOWN + "<U+009B>}" in t for t in threads)  # the thread's own comm


@linux_only
def test_tree_json_keeps_the_exact_bytes(tmp_path):
    with hostile_process(tmp_path) as p:
        code, out, err = cli("--tree", "--pid", str(p.pid), "--json")
    assert code == 0, err
    doc = json.loads(out)
    # Invalid UTF-8 travels as \udcXX (surrogateescape): os.fsencode gives the bytes back.
    assert os.fsencode(doc["name"]) == PROC_COMM
    assert [os.fsencode(a) for a in doc["cmdline"][:2]] == [ARGV0, SCRIPT_NAME]
    assert THREAD_COMM in [os.fsencode(t["name"]) for t in doc["threads"]]
    assert out.isascii()  # JSON-escaped: no raw control byte on the terminal either


@linux_only
def test_watch_shows_a_thread_blocked_on_a_hostile_fifo_visibly(tmp_path):
    with hostile_process(tmp_path, fifo=True) as p:
        code, out, err = cli("--watch", str(p.pid), "--seconds", "0.5")
        _, jout, _ = cli("--watch", str(p.pid), "--seconds", "0.3", "--json")
    assert code == 0, err
    assert_clean(out)
    assert_clean(err)
    assert CLIPBOARD_SHOWN + "<U+009B>" in out  # the thread's name
    if os.geteuid() == 0:  # the blocked open(2)'s path needs ptrace rights to read
        assert "fifo " in out and "fifo" + TITLE_SHOWN + "<U+009B><U+202E>" in out
        targets = [a["target"] for t in json.loads(jout)["threads"] for a in t["activities"] if a["target"]]
        assert any(os.fsencode(t).endswith(FIFO_NAME) for t in targets), targets


def test_lab_timeline_shows_hostile_paths_visibly(tmp_path):
    name = "data" + os.fsdecode(FIFO_NAME[4:])  # ESC, BEL, C1 and RLO in a regular file's name
    path = tmp_path / name
    path.write_text("hi")
    missing = str(tmp_path / ("gone" + os.fsdecode(THREAD_COMM)))
    code, out, err = cli("--headless", "--fire", f"readFile:{path}", "--fire", f"stat:{missing}")
    assert code == 0, err
    assert_clean(out)
    assert f"fs.readFile {tmp_path}/data{TITLE_SHOWN}<U+009B><U+202E>" in out
    assert f"fs.stat {tmp_path}/gone{CLIPBOARD_SHOWN}<U+009B>" in out
    code, jout, _ = cli("--headless", "--json", "--fire", f"readFile:{path}")
    assert any(json.loads(line).get("detail") == f"fs.readFile {path}" for line in jout.splitlines())


def test_lab_summary_of_a_job_still_running_on_a_hostile_path(tmp_path):
    fifo = tmp_path / os.fsdecode(FIFO_NAME)
    os.mkfifo(fifo)
    code, out, err = cli("--headless", "--until", "50", "--fire", f"readFile:{fifo}")
    assert code == 0, err
    assert_clean(out)
    assert "still runs job" in out and TITLE_SHOWN in out


def test_an_error_line_on_stderr_shows_what_it_echoes_visibly():
    code, out, err = cli("--headless", "--fire", "readFile\x1b]0;pwned\x07\u202e:x")
    assert code == 2
    assert_clean(err)
    assert "pwned" in err  # echoed (as repr or as shown(): both visible), not dropped


def test_a_scripts_uncaught_error_on_stderr_is_shown_visibly_while_stdout_stays_exact(tmp_path):
    script = tmp_path / "evil.js"
    script.write_text("console.log('\\x1b[2Jout');\nthrow new Error('\\x1b]0;pwned\\x07\\u202e');\n")
    code, out, err = cli("--headless", str(script))
    assert code == 1
    # stdout is the script's, byte for byte as `node evil.js` writes it (pipe it through cat -v to look).
    assert out == "\x1b[2Jout\n"
    assert_clean(err)
    assert TITLE_SHOWN + "<U+202E>" in err


def test_a_unix_socket_path_is_kept_whole_and_exact_then_shown_visibly():
    from tui.core.attach.proc_reader import describe_socket, parse_unix_table
    from tui.core.untrusted import exact, shown

    raw = (b"Num RefCount Protocol Flags Type St Inode Path\n"
           b"0000: 00000002 00000000 00010000 0001 01 4242 /tmp/s\xe2\x80\xa8\x1b]0;pwned\x07\xff\n")
    info = parse_unix_table(exact(raw))[4242]
    assert os.fsencode(info.path) == b"/tmp/s\xe2\x80\xa8\x1b]0;pwned\x07\xff"  # one line, every byte
    assert shown(describe_socket(info)) == f"unix socket /tmp/s<U+2028>{TITLE_SHOWN}\ufffd"
