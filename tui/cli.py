"""Command line: the interactive app, the headless lab, the one-shot tree.

Every mistake on the command line is one line on stderr and exit status 2;
ptview never prints a traceback for bad input.
"""

from __future__ import annotations

import argparse
import os
import sys


_DEPENDENCIES = {"psutil", "textual", "rich", "aiofiles", "quickjs", "textual_serve"}


class UsageError(Exception):
    """Bad input from the command line: one line for the user, exit 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse would print usage + exit 2
        raise UsageError(message)


def pool_size_arg(text: str) -> int:
    """Strict form for --pool-size: unlike UV_THREADPOOL_SIZE we reject, not clamp."""
    try:
        n = int(text, 10)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"invalid pool size {text!r}: expected an integer from 1 to 1024"
        ) from None
    if not 1 <= n <= 1024:
        raise argparse.ArgumentTypeError(
            f"invalid pool size {n}: expected an integer from 1 to 1024 (libuv's MAX_THREADPOOL_SIZE)"
        )
    return n


def positive_float_arg(text: str) -> float:
    try:
        v = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"invalid number {text!r}") from None
    if not v > 0 or v != v or v == float("inf"):
        raise argparse.ArgumentTypeError(f"invalid value {text!r}: expected a number > 0")
    return v


def int_arg(text: str) -> int:
    try:
        return int(text, 10)
    except ValueError:
        raise argparse.ArgumentTypeError(f"invalid integer {text!r}") from None


def pid_arg(text: str) -> int:
    try:
        pid = int(text, 10)
    except ValueError:
        raise argparse.ArgumentTypeError(f"invalid pid {text!r}: expected a positive integer") from None
    if pid <= 0:
        raise argparse.ArgumentTypeError(f"invalid pid {pid}: expected a positive integer")
    return pid


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="ptview",
        description="Watch how Node.js uses processes and threads: "
        "the event loop, libuv's worker pool, and the real OS threads.",
    )
    p.add_argument("script", nargs="?", default=None, metavar="SCRIPT.js",
                   help="a Node script to run on the model (see README: Scripts)")
    mode = p.add_argument_group("mode")
    mode.add_argument("--headless", action="store_true", help="no UI: run the lab and print the timeline")
    mode.add_argument("--sim", action="store_true", help="simulated pool on a virtual clock (deterministic)")
    mode.add_argument("--live", action="store_true", help="real threads, real files, wall clock")
    mode.add_argument("--tree", action="store_true", help="print the process/thread tree and exit")
    mode.add_argument("--serve", action="store_true", help="serve the app in a browser (textual-serve)")

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
                     help="script: write a Chrome trace-event JSON (Perfetto, chrome://tracing)")
    lab.add_argument("--until", type=positive_float_arg, default=None, metavar="MS",
                     help="lab: stop after this much model time even if work is still in flight")

    procs = p.add_argument_group("processes")
    procs.add_argument("--pid", type=pid_arg, default=None, help="root the process tree at this pid")
    procs.add_argument("--refresh", type=positive_float_arg, default=1.0, metavar="SECONDS",
                       help="process tree refresh interval (default 1)")
    procs.add_argument("--port", type=int_arg, default=8000, help="port for --serve (default 8000)")
    procs.add_argument("--watch", type=pid_arg, default=None, metavar="PID",
                       help="sample a running process's threads and print what each was doing")
    procs.add_argument("--seconds", type=positive_float_arg, default=5.0, metavar="S",
                       help="--watch: how long to sample (default 5)")
    return p


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    try:
        args = build_parser().parse_args(argv)
        return _dispatch(args)
    except UsageError as e:
        from tui.core.errors import one_line

        print(f"ptview: error: {one_line(str(e))}", file=sys.stderr)
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
    except BrokenPipeError:
        # `ptview ... | head`: the reader left; say nothing more (Python docs' recipe).
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0


def _dispatch(args: argparse.Namespace) -> int:
    if args.trace is not None and args.script is None:
        raise UsageError("--trace needs a script: ptview --headless SCRIPT.js --trace FILE")
    if args.headless and args.script is not None:
        from tui.script_cmd import run_script

        return run_script(args)  # refuses --live itself: scripts run in sim

    if args.sim and args.live:
        raise UsageError("--sim and --live exclude each other")
    if args.tree:
        from tui.tree_cmd import run_tree

        return run_tree(args)
    if args.watch is not None:
        from tui.watch_cmd import run_watch

        return run_watch(args)
    if args.headless:
        from tui.lab import run_lab

        return run_lab(args)
    from tui.app_cmd import run_app

    return run_app(args)
