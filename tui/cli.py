"""Command line: the interactive app, the headless lab, the one-shot tree.

Every mistake on the command line is one line on stderr and exit status 2;
ptview never prints a traceback for bad input. Output that cannot be written
(a full disk, a closed stdout) is one line and 2 as well; a reader that left
(EPIPE) ends ptview quietly with 141 (tui/stdio.py).
"""

from __future__ import annotations

import argparse
import errno
import sys

from tui import stdio
from tui.core.errors import echo, one_line
from tui.errors import OutputError, UsageError  # noqa: F401  (UsageError: re-exported for old imports)

_DEPENDENCIES = {"psutil", "textual", "rich", "aiofiles", "quickjs", "textual_serve"}


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse would print usage + exit 2
        raise UsageError(message)


# Bounds for the numbers on the command line (README: Reliability).
PID_MAX = 4_194_304        # Linux's PID_MAX_LIMIT (2^22): every pid is below it
MIN_REFRESH_S = 0.05       # below this the tree rescans /proc in a loop and spins a core
MAX_REFRESH_S = 3600.0
MAX_WATCH_S = 86_400.0     # --seconds: a day (threading's wait() overflows near 1e10 s)
MAX_UNTIL_MS = 1e12        # --until: about 31 years of model time


def _int(text: str) -> int:
    """int(text, 10), or ValueError: also for more digits than any bound here needs (Python's
    int() raises its own ValueError above 4,300 digits; leading zeros do not count)."""
    t = text.strip()
    if len(t.lstrip("+-").lstrip("0")) > 30:
        raise ValueError(text)
    return int(t, 10)


def pool_size_arg(text: str) -> int:
    """Strict form for --pool-size: unlike UV_THREADPOOL_SIZE we reject, not clamp."""
    try:
        n = _int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"invalid pool size {echo(text)}: expected an integer from 1 to 1024"
        ) from None
    if not 1 <= n <= 1024:
        raise argparse.ArgumentTypeError(
            f"invalid pool size {n}: expected an integer from 1 to 1024 (libuv's MAX_THREADPOOL_SIZE)"
        )
    return n


def _bounded_float(text: str, low: float, high: float, unit: str, why: str = "") -> float:
    try:
        v = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"invalid number {echo(text)}") from None
    if not v > 0 or v != v or v == float("inf"):
        raise argparse.ArgumentTypeError(f"invalid value {echo(text)}: expected a number > 0")
    if not low <= v <= high:
        raise argparse.ArgumentTypeError(f"invalid value {echo(text)}: expected {low:g} to {high:,g} {unit}{why}")
    return v


def positive_float_arg(text: str) -> float:
    return _bounded_float(text, 0.0, MAX_UNTIL_MS, "ms")


def refresh_arg(text: str) -> float:
    return _bounded_float(text, MIN_REFRESH_S, MAX_REFRESH_S, "seconds",
                          " (a faster refresh rescans /proc without pause and spins a core)")


def seconds_arg(text: str) -> float:
    return _bounded_float(text, 0.0, MAX_WATCH_S, "seconds (a day)")


def int_arg(text: str) -> int:
    try:
        return _int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"invalid integer {echo(text)}") from None


def pid_arg(text: str) -> int:
    try:
        pid = _int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"invalid pid {echo(text)}: expected a positive integer") from None
    if pid <= 0:
        raise argparse.ArgumentTypeError(f"invalid pid {pid}: expected a positive integer")
    if pid >= PID_MAX:
        # No such process can exist; said as for any missing pid (UsageError passes through argparse),
        # before psutil or /proc see a number that overflows a C int.
        raise UsageError(f"no process with pid {pid}")
    return pid


def build_parser() -> argparse.ArgumentParser:
    from tui.web.options import host_arg, public_url_arg

    p = _Parser(
        prog="ptview",
        description="Watch how Node.js uses processes and threads: "
        "the event loop, libuv's worker pool, and the real OS threads.",
    )
    from tui import __version__

    p.add_argument("--version", action="version", version=f"ptview {__version__}")
    p.add_argument("script", nargs="?", default=None, metavar="SCRIPT.js",
                   help="a Node script to run on the model (see README: Scripts)")
    mode = p.add_argument_group("mode")
    mode.add_argument("--headless", action="store_true", help="no UI: run the lab and print the timeline")
    mode.add_argument("--sim", action="store_true", help="simulated pool on a virtual clock (deterministic)")
    mode.add_argument("--live", action="store_true", help="real threads, real files, wall clock")
    mode.add_argument("--tree", action="store_true", help="print the process/thread tree and exit")
    mode.add_argument("--serve", action="store_true", help="serve the app in a browser (textual-serve)")
    mode.add_argument("--present", default=None, metavar="TALK.toml",
                      help="give a talk: play a talk file's scenes and beats with clicker keys")
    mode.add_argument("--check", default=None, metavar="TALK.toml",
                      help="check a talk file without a terminal: every scene runs, every beat is reached")
    mode.add_argument("--theme", default=None, metavar="NAME",
                      help="--present and the app: projector-light (high contrast), projector-dark, or a Textual theme")
    mode.add_argument("--record", default=None, metavar="FILE.cast",
                      help="--present: record the screen as an asciicast v2 file (never replaces a file)")

    lab = p.add_argument_group("lab")
    lab.add_argument("--fire", action="append", default=[], metavar="SPEC",
                     help="operation to fire: OP[xCOUNT][:ARG], e.g. pbkdf2x5, readFile:/etc/hosts, lookupx4:localhost")
    lab.add_argument("--pool-size", type=pool_size_arg, default=None, metavar="N",
                     help="worker threads, 1..1024 (default: UV_THREADPOOL_SIZE as libuv parses it, else 4)")
    lab.add_argument("--seed", type=int_arg, default=1, help="seed for modelled durations (sim)")
    lab.add_argument("--json", action="store_true", help="JSON output (lab: one event per line)")
    lab.add_argument("--summary", action="store_true", help="lab: print only the summary")
    lab.add_argument("--cost", action="append", default=[], metavar="NAME=MS",
                     help="override a modelled duration (sim), e.g. --cost dns.lookup=50")
    lab.add_argument("--trace", default=None, metavar="FILE",
                     help="script: write a Chrome trace-event JSON (Perfetto, chrome://tracing); - for stdout")
    lab.add_argument("--force", action="store_true", help="--trace: replace FILE if it exists")
    lab.add_argument("--until", type=positive_float_arg, default=None, metavar="MS",
                     help="lab: stop after this much model time even if work is still in flight")

    procs = p.add_argument_group("processes")
    procs.add_argument("--pid", type=pid_arg, default=None, help="root the process tree at this pid")
    procs.add_argument("--refresh", type=refresh_arg, default=1.0, metavar="SECONDS",
                       help=f"process tree refresh interval, {MIN_REFRESH_S:g} to {MAX_REFRESH_S:g} (default 1)")
    procs.add_argument("--port", type=int_arg, default=8000, help="port for --serve (default 8000)")
    procs.add_argument("--host", type=host_arg, default=None,
                       help="address --serve listens on (default localhost)")
    procs.add_argument("--public-url", type=public_url_arg, default=None, metavar="URL",
                       help="--serve: the URL browsers use, e.g. through an SSH tunnel: http://localhost:9000")
    procs.add_argument("--watch", type=pid_arg, default=None, metavar="PID",
                       help="sample a running process's threads and print what each was doing")
    procs.add_argument("--seconds", type=seconds_arg, default=5.0, metavar="S",
                       help="--watch: how long to sample, up to a day (default 5)")
    real = p.add_argument_group("real node")
    real.add_argument("--node", action="store_true",
                      help="run SCRIPT.js on the real node with ptview's probe (or: --node -- node [FLAGS] SCRIPT.js [ARGS])")
    real.add_argument("--node-bin", default=None, metavar="PATH", help="the node to run (default: node on PATH)")
    real.add_argument("--compare", action="store_true",
                      help="run SCRIPT.js on the model and on real node and report where their callback orders part")
    return p


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    saved = stdio.prepare()
    try:
        return _main(argv)
    except OutputError as e:
        return stdio.report(e, saved)
    except BrokenPipeError:  # a write that bypassed the guarded stdout (sys.__stdout__)
        return stdio.report(OutputError(errno.EPIPE, "Broken pipe"), saved)
    finally:
        stdio.restore(saved)


def _main(argv: list[str]) -> int:
    try:
        node_command = None
        if "--" in argv:  # `--node -- node [FLAGS] SCRIPT [ARGS]` (node_cmd costs 12 ms to import)
            from tui.commands.node_args import split_command

            argv, node_command = split_command(argv)
        parser = build_parser()
        try:
            args = parser.parse_args(argv)
        except SystemExit as e:  # --help, --version: argparse printed them; a caller gets the status
            stdio.finish()
            return e.code if isinstance(e.code, int) else 0
        args.node_command = node_command
        code = _dispatch(args, parser)
        stdio.finish()  # a full disk may only show at the last flush: ours to report
        return code
    except UsageError as e:
        stdio.finish()  # what was printed before the refusal comes before it
        stdio.say(one_line(str(e)))
        return 2
    except KeyboardInterrupt:
        return 130
    except ImportError as e:
        if e.name not in _DEPENDENCIES:
            raise
        # Installed but unreadable (another user's venv), or not installed: say which, in one line.
        print(f"ptview: error: cannot import {e.name} ({e}): is ptview installed and readable by this user?",
              file=sys.stderr)
        return 1


def _dispatch(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from tui.modes import mode_of

    mode = mode_of(args, parser)  # two commands at once, or an option the command ignores: one line
    if mode == "compare":
        from tui.commands.compare import run_compare

        return run_compare(args)
    if mode in ("node", "node app"):
        from tui.commands.node import run_node

        return run_node(args)
    if mode == "script":
        from tui.commands.script import run_script

        return run_script(args)  # refuses --live itself: scripts run in sim
    if mode in ("present", "check"):
        from tui.commands.present import run_check, run_present

        return run_check(args) if mode == "check" else run_present(args)
    if mode == "tree":
        from tui.commands.tree import run_tree

        return run_tree(args)
    if mode == "watch":
        from tui.commands.watch import run_watch

        return run_watch(args)
    if mode == "lab":
        from tui.commands.lab import run_lab

        return run_lab(args)
    from tui.commands.app import run_app

    return run_app(args)
