"""`ptview --node SCRIPT.js` / `ptview --node -- node [NODE-FLAGS] SCRIPT.js [ARGS…]`: a real node, probed.

Headless (`--headless`), like strace: the program's stdout and stderr are
its own, unchanged, and ptview's timeline goes to stderr; with `--json` the
events go to stdout, one object per line, and the program's stdout joins its
stderr so the JSON stays parseable. Exit status: node's (128 + N when a
signal N ended it); 2 when ptview cannot start it (no node, no script).
"""

from __future__ import annotations

import json
import os
import signal
import sys

from tui.errors import UsageError
from tui.core.probe.describe import describe, phase_title
from tui.commands.node_args import node_argv
from tui.core.probe.runner import NodeRun
from tui.core.untrusted import shown


def run_node(args) -> int:
    if args.fire:
        raise UsageError("--node runs a program, not --fire specs")
    if args.pid is not None or args.watch is not None:
        raise UsageError("--node starts its own node; --pid/--watch attach to one that runs")
    argv = node_argv(args)
    if not args.headless:
        return run_node_app(args, argv)
    return run_headless(argv, json_out=args.json)


def run_node_app(args, argv: list[str]) -> int:
    from tui.commands.terminal import require_terminal

    require_terminal()
    from tui.node_app import NodeApp, make_run

    run = make_run(argv)
    try:
        app = NodeApp(run, " ".join(os.path.basename(a) for a in argv[3:]), refresh=args.refresh)
        app.run()
    finally:
        run.stop()  # the app's own unmount does it too; this covers an app that never mounted
    return app.return_code or 0


def run_headless(argv: list[str], *, json_out: bool, out=None, err=None, stdout=None, stderr=None) -> int:
    """`stdout`/`stderr`: where the program's own output goes (default: as described above)."""
    out = out or sys.stdout
    err = err or sys.stderr
    printer = JsonLines(out) if json_out else TextTimeline(err)
    if stdout is None and json_out:
        stdout = sys.stderr.fileno()  # --json: the program's stdout must not mix with the events on ours
    run = NodeRun(argv, on_event=printer, stdout=stdout, stderr=stderr)
    restore = _signals_end_the_run()
    try:
        with run:
            run.start()
            code = run.wait()
    finally:
        restore()
    out.flush()
    if run.error:
        print(f"ptview: {run.error}", file=err)
    return code


def _signals_end_the_run():
    """SIGTERM and SIGHUP unwind through `with run` (node killed and reaped) and exit 128 + N."""
    def handler(signum, _frame):
        raise SystemExit(128 + signum)

    old = {s: signal.signal(s, handler) for s in (signal.SIGTERM, signal.SIGHUP)}

    def restore():
        for s, h in old.items():
            signal.signal(s, h)

    return restore


class JsonLines:
    def __init__(self, out) -> None:
        self.out = out

    def __call__(self, e: dict) -> None:
        self.out.write(json.dumps(e) + "\n")


class TextTimeline:
    """The lab's layout: time, who, what; a header whenever the inferred phase changes."""

    def __init__(self, out) -> None:
        self.out = out
        self.header = None

    def __call__(self, e: dict) -> None:
        if e["ev"] == "phase":
            if e["phase"] == "exit":
                self.out.write(f"{e['t']:12.3f}  loop      {phase_title(e)}\n")
            else:
                self.header = phase_title(e)
                self.out.write(f"{'':12}  ── {self.header}\n")
            return
        if self.header is None:
            self.header = "main module"
            self.out.write(f"{'':12}  ── main module\n")
        text = describe(e)
        if text is not None:
            self.out.write(f"{e['t']:12.3f}  loop      {shown(text)}\n")  # sites name the program's files
