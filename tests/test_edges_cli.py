"""Issue 14 on the command line: absurd numbers, counts past their bound, contradictory options,
--serve on a port it cannot have. Each is one line on stderr and exit 2, never a traceback."""

from __future__ import annotations

import os
import socket
import subprocess
import sys

import pytest

from reliability_kit import ROOT, can_drop_privileges, cli, one_line_error, run_as_nobody
from tui.core.pool import threadpool_size_from_env
from tui.core.spec import MAX_COUNT, MAX_TOTAL

BIG = "9" * 5000  # more digits than Python's int() converts (4,300)


@pytest.mark.parametrize("argv,needle", [
    (["--pid", "99999999999999999999"], "no process with pid 99999999999999999999"),
    (["--tree", "--pid", BIG], "invalid pid '9999"),
    (["--watch", "1", "--seconds", "1e10"], "86,400 seconds"),
    (["--refresh", "1e-300"], "0.05 to 3,600 seconds"),
    (["--refresh", "0.01"], "spins a core"),
    (["--refresh", "1e10"], "0.05 to 3,600 seconds"),
    (["--headless", "--fire", "net", "--until", "1e300"], "1e+12 ms"),
    (["--headless", "--fire", "pbkdf2x" + BIG], "count must be from 1 to 100,000"),
    (["--headless", "--fire", "pbkdf2:" + BIG], "iterations must be from 1 to 100,000,000"),
    (["--headless", "--fire", "pbkdf2x10000000:1"], "count must be from 1 to 100,000"),
    (["--headless", "--fire", "pbkdf2x100001:1"], "count must be from 1 to 100,000"),
    (["--headless", "--fire", "pbkdf2x100000:1", "--fire", "statx100000:/", "--fire", "net"], "200,001 operations"),
    (["--headless", "--fire", "net", "--seed", BIG], "invalid integer '9999"),
    (["--headless", "--fire", "net", "--pool-size", BIG], "invalid pool size '9999"),
    (["--serve", "--port", BIG], "invalid integer '9999"),
    (["--headless", "--fire", "net", "--cost", "jitter=5"], "jitter must be a fraction from 0 to below 1"),
    (["--headless", "--fire", "net", "--cost", "jitter=1"], "jitter must be a fraction"),
    (["--headless", "--fire", "net", "--cost", "jitter=-0.1"], "jitter must be a fraction"),
    (["--headless", "--fire", "net", "--cost", "zlib.ratio=0"], "compression ratio"),
    (["--headless", "--fire", "net", "--cost", "fs.open=1e300"], "milliseconds from 0 to 3,600,000"),
    (["--headless", "--fire", "net", "--cost", "fs.open=" + BIG], "milliseconds from 0 to 3,600,000"),
])
def test_absurd_numbers_are_one_short_line(argv, needle):
    code, out, err = cli(*argv)
    assert code == 2 and out == "" and one_line_error(err) and needle in err, err
    assert len(err) < 300, err  # what it echoes is cut short, however long the argument


def test_the_bounds_themselves_are_accepted():
    code, out, err = cli("--headless", "--sim", "--summary", "--fire", f"nextTickx{MAX_COUNT}",
                         "--fire", f"immediatex{MAX_TOTAL - MAX_COUNT}", "--cost", "jitter=0.99")
    assert code == 0 and f"{MAX_TOTAL} fired" in out, err


@pytest.mark.parametrize("value,expected", [
    (BIG, 1024),            # strtol saturates at LONG_MAX; (int) keeps 0xFFFFFFFF; unsigned → capped at 1024
    ("-" + BIG, 1),         # LONG_MIN: low 32 bits are 0 → 1
    ("0" * 5000 + "7", 7),  # leading zeros are not an overflow
    ("  +12abc", 12),
])
def test_uv_threadpool_size_with_thousands_of_digits_is_atoi(value, expected):
    assert threadpool_size_from_env(value) == expected


def test_a_huge_uv_threadpool_size_clamps_in_the_lab(monkeypatch):
    monkeypatch.setenv("UV_THREADPOOL_SIZE", BIG)
    code, out, err = cli("--headless", "--sim", "--summary", "--fire", "pbkdf2:1")
    assert code == 0 and "on 1024 workers" in out, err


# Two commands at once, or an option the chosen command would drop: one line naming both.
CONTRADICTIONS = [
    (["--headless", "--fire", "pbkdf2", "--watch", "1"], ("--watch", "--headless")),
    (["--tree", "--watch", "1"], ("--tree", "--watch")),
    (["--tree", "--headless", "--fire", "net"], ("--tree", "--headless")),
    (["--tree", "--serve"], ("--tree", "--serve")),
    (["--serve", "--live"], ("--live", "--serve")),
    (["--serve", "x.js"], ("script", "--serve")),
    (["--tree", "x.js"], ("script", "--tree")),
    (["--watch", "1", "x.js"], ("script", "--watch")),
    (["--serve", "--pid", "1"], ("--pid", "--serve")),
    (["--serve", "--fire", "net"], ("--fire", "--serve")),
    (["--fire", "pbkdf2"], ("--fire", "the app")),
    (["--sim", "--json"], ("--json", "the app")),
    (["--sim", "--summary"], ("--summary", "the app")),
    (["--sim", "--until", "5"], ("--until", "the app")),
    (["--sim", "--cost", "jitter=0"], ("--cost", "the app")),
    (["--sim", "--port", "9000"], ("--port", "the app")),
    (["--sim", "--seconds", "3"], ("--seconds", "the app")),
    (["--tree", "--live"], ("--live", "--tree")),
    (["--tree", "--fire", "net"], ("--fire", "--tree")),
    (["--tree", "--refresh", "2"], ("--refresh", "--tree")),
    (["--tree", "--pool-size", "3"], ("--pool-size", "--tree")),
    (["--watch", "1", "--pid", "1"], ("--pid", "--watch")),
    (["--watch", "1", "--sim"], ("--sim", "--watch")),
    (["--headless", "--fire", "net", "--pid", "1"], ("--pid", "--headless")),
    (["--headless", "--fire", "net", "--refresh", "2"], ("--refresh", "--headless")),
    (["--headless", "--fire", "net", "--port", "9000"], ("--port", "--headless")),
    (["--headless", "x.js", "--pid", "1"], ("--pid", "script")),
    (["x.js", "--live"], ("--live", "script in the app")),
    (["x.js", "--json"], ("--json", "script in the app")),
    (["x.js", "--pid", "1"], ("--pid", "script in the app")),
    (["--pid", "1", "--pool-size", "3"], ("--pool-size", "attach")),
    (["--headless", "x.js", "--force"], ("--force", "--trace")),
    (["x.js", "--trace", "t.json"], ("--trace", "script in the app")),
    (["--sim", "--live"], ("--sim", "--live")),
]


@pytest.mark.parametrize("argv,names", CONTRADICTIONS)
def test_contradictory_options_are_refused_naming_both(argv, names):
    code, out, err = cli(*argv)
    assert code == 2 and out == "" and one_line_error(err), err
    assert all(n in err for n in names), err


def test_the_script_app_uses_pool_size_and_cost(tmp_path, monkeypatch):
    # Once dropped silently; now read (the table says the script app uses them).
    from tui.commands import app as app_cmd

    js = tmp_path / "s.js"
    js.write_text("setTimeout(() => {}, 1);\n")
    seen = {}

    class FakeApp:
        return_code = 0

        def __init__(self, session):
            seen["pool"] = session.run.rt.pool.size
            seen["jitter"] = session.run.rt.work.costs["jitter"]

        def run(self):
            pass

    monkeypatch.setattr(app_cmd, "require_terminal", lambda: None)
    args = __import__("tui.cli", fromlist=["build_parser"]).build_parser().parse_args(
        [str(js), "--pool-size", "3", "--cost", "jitter=0"])
    assert app_cmd._script_app(args, FakeApp) == 0
    assert seen == {"pool": 3, "jitter": 0.0}


def test_serve_on_a_port_in_use_is_one_line():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        r = subprocess.run([sys.executable, "-m", "tui", "--serve", "--port", str(port)], cwd=ROOT,
                           capture_output=True, text=True, timeout=60)
    assert r.returncode == 2 and r.stderr == \
        f"ptview: error: --serve: port {port} is in use by another program (try --port N)\n", r.stderr


@pytest.mark.skipif(not can_drop_privileges(), reason="needs root to become nobody")
def test_serve_on_port_80_as_nobody_is_one_line():
    r = run_as_nobody(["--serve", "--port", "80"])
    assert r.returncode == 2 and r.stderr.startswith("ptview: error: --serve: port 80 needs privileges"), r.stderr
    assert r.stderr.count("\n") == 1


def _kthreadd_pid() -> int | None:
    try:
        with open("/proc/2/comm") as f:
            return 2 if f.read().strip() == "kthreadd" else None
    except OSError:
        return None


@pytest.mark.skipif(_kthreadd_pid() is None, reason="needs Linux's kthreadd as pid 2")
def test_attaching_to_a_kernel_thread_is_one_line():
    code, out, err = cli("--pid", "2")
    assert code == 2 and one_line_error(err) and "pid 2 (kthreadd) is a kernel thread" in err, err


def test_a_kernel_threads_syscall_line_is_no_call():
    from tui.core.attach.proc_reader import parse_syscall

    # sp and pc 0: no user-space registers. Before, this was read(2) on fd 0: "busy: read".
    assert parse_syscall("0 0x0 0x0 0x0 0x0 0x0 0x0 0x0 0x0").nr is None
    assert parse_syscall("0 0x3 0x7ffd0 0x10 0x0 0x0 0x0 0x7ffd1000 0x7f1200").nr == 0  # a real read(3, …)


def test_version_prints_the_packages_version():
    import importlib.metadata

    import tui

    code, out, err = cli("--version")
    assert (code, out, err) == (0, f"ptview {tui.__version__}\n", "")
    assert importlib.metadata.version("ptview") == tui.__version__
