"""Issue 14: the standard streams at their edges — a full disk, a closed descriptor, a reader
that leaves, an ASCII-only locale. Real subprocesses: the file descriptors are the point."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PY = sys.executable


def sh(command: str, env: dict | None = None, timeout: float = 60) -> subprocess.CompletedProcess:
    """`ptview` through a shell, for redirections such as `>&-` that subprocess cannot express."""
    full = dict(os.environ, PYTHONPATH=ROOT, **(env or {}))
    return subprocess.run(["sh", "-c", command.replace("ptview", f"'{PY}' -m tui")], cwd=ROOT,
                          capture_output=True, text=True, timeout=timeout, env=full)


@pytest.fixture(scope="module")
def script(tmp_path_factory):
    p = tmp_path_factory.mktemp("edges") / "hello.js"
    p.write_text('console.log("h\\u00e9llo"); setTimeout(() => console.log("later"), 5);\n')
    return str(p)


@pytest.fixture
def sleeper():
    p = subprocess.Popen(["sleep", "60"])
    yield p.pid
    p.kill()
    p.wait()


def _commands(script: str, pid: int) -> dict[str, str]:
    return {
        "tree": "ptview --tree --pid 1",
        "lab": "ptview --headless --sim --fire pbkdf2x3",
        "live lab": "ptview --headless --live --fire stat:/",
        "watch": f"ptview --watch {pid} --seconds 0.2",
        "script": f"ptview --headless {script}",
    }


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("what", ["tree", "lab", "live lab", "watch", "script"])
def test_a_full_disk_is_one_line_and_exit_2(what, script, sleeper):
    r = sh(_commands(script, sleeper)[what] + " >/dev/full")
    assert r.returncode == 2, r.stderr
    lines = [ln for ln in r.stderr.splitlines() if ln.startswith("ptview: error:")]
    assert lines == ["ptview: error: cannot write to stdout: No space left on device (ENOSPC)"], r.stderr
    assert "Traceback" not in r.stderr and "Exception ignored" not in r.stderr


@pytest.mark.parametrize("what", ["tree", "lab", "live lab", "watch", "script"])
def test_a_closed_stdout_is_one_line_and_exit_2(what, script, sleeper):
    r = sh(_commands(script, sleeper)[what] + " >&-")
    assert r.returncode == 2, r.stderr
    assert "ptview: error: cannot write to stdout: Bad file descriptor (EBADF)" in r.stderr
    assert "Traceback" not in r.stderr


@pytest.mark.parametrize("what", ["lab", "live lab", "script"])
def test_a_reader_that_leaves_ends_ptview_quietly_with_141(what, script, sleeper):
    # The reader takes one line and closes the pipe, as `head -1` does; ptview still has lines to write.
    # Each prints far more than a pipe holds (64 KiB), so a write after the reader left is certain.
    argv = _commands(script, sleeper)[what].split()[1:]
    if what == "script":
        many = os.path.join(os.path.dirname(script), "many.js")
        with open(many, "w") as f:
            f.write('for (let i = 0; i < 20000; i++) console.log("line " + i);\n')
        argv = ["--headless", many]
    else:
        argv += ["--fire", "pbkdf2x2000:1"]
    p = subprocess.Popen([PY, "-m", "tui", *argv], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    p.stdout.readline()
    p.stdout.close()
    err = p.stderr.read().decode()
    assert p.wait(timeout=60) == 141 and err == "", err


def test_tree_into_head_has_no_traceback():
    r = sh("set -e; ptview --tree | head -1")
    assert r.returncode == 0 and r.stdout.count("\n") == 1 and r.stderr == "", r.stderr


def test_a_closed_stdin_does_not_matter_to_headless_commands(script):
    r = sh(f"ptview --headless {script} <&-")
    assert r.returncode == 0 and r.stdout == "h\u00e9llo\nlater\n", r.stderr


def test_the_app_with_a_closed_stdin_says_it_needs_a_terminal():
    r = sh("ptview --sim <&-")
    assert r.returncode == 2 and r.stderr.startswith("ptview: error: the app needs a terminal"), r.stderr


def test_a_closed_stderr_still_does_the_job_and_keeps_the_status(script):
    assert sh("ptview --tree --pid 1 2>&-").returncode == 0
    assert sh("ptview --pid 0 2>&-").returncode == 2
    assert sh(f"ptview --headless {script} 2>&-").stdout == "h\u00e9llo\nlater\n"


def test_a_file_opened_with_stderr_closed_does_not_receive_messages(tmp_path):
    # Closed fd 2: the trace file would be the next fd opened, i.e. 2, and console.error would land in it.
    js = tmp_path / "e.js"
    js.write_text('console.error("to stderr"); setTimeout(() => {}, 1);\n')
    trace = tmp_path / "t.json"
    r = sh(f"ptview --headless {js} --trace {trace} 2>&-")
    assert r.returncode == 0, r.stdout
    import json

    assert "traceEvents" in json.loads(trace.read_text())


def test_an_ascii_locale_escapes_what_it_cannot_encode(script):
    r = sh(f"ptview --headless {script}", env={"PYTHONIOENCODING": "ascii"})
    assert r.returncode == 0 and r.stdout == "h\\xe9llo\nlater\n", r.stderr


@pytest.mark.skipif(not os.path.isdir("/proc/self/task"), reason="needs /proc")
def test_an_ascii_locale_prints_a_non_ascii_process_name(tmp_path):
    exe = tmp_path / "sl\u00ebep"
    shutil.copy(shutil.which("sleep"), exe)
    p = subprocess.Popen([str(exe), "60"])
    try:
        r = sh(f"ptview --tree --pid {p.pid}", env={"PYTHONIOENCODING": "ascii"})
    finally:
        p.kill()
        p.wait()
    assert r.returncode == 0 and "sl\\xebep" in r.stdout and "Traceback" not in r.stderr, r.stderr


def test_the_app_with_a_closed_stderr_draws_on_the_terminal_and_quits():
    # Textual draws on stderr: with fd 2 closed, ptview gives it the terminal that stdout is.
    import pty
    import select
    import time

    master, slave = pty.openpty()
    env = dict(os.environ, PYTHONPATH=ROOT, TERM="xterm-256color", COLUMNS="100", LINES="30")
    p = subprocess.Popen(["sh", "-c", f"exec '{PY}' -m tui --sim 2>&-"], cwd=ROOT, stdin=slave, stdout=slave,
                         stderr=slave, env=env, start_new_session=True)
    os.close(slave)
    out = b""
    try:
        deadline = time.monotonic() + 30
        # The key bar is drawn with the first full frame: keys sent before it can be lost.
        while b"Quit" not in out and time.monotonic() < deadline:
            if select.select([master], [], [], 0.1)[0]:
                out += os.read(master, 65536)
        assert b"ptview" in out and b"Quit" in out, out[-300:]
        os.write(master, b"q")
        assert p.wait(timeout=10) == 0
    finally:
        if p.poll() is None:
            p.kill()
            p.wait()
        os.close(master)
