"""`ptview --headless SCRIPT.js`: run a script on the model and print what node would print.

stdout gets exactly the script's console.log output (or, with --json, the
model's event timeline); anything ptview itself has to say goes to stderr.
Exit status: the script's (0, or 1 for an uncaught exception as in Node,
or what it gave process.exit), 2 when ptview refuses the script.
"""

from __future__ import annotations

import errno
import json
import os
import sys

from tui import trace_file
from tui.core.errors import echo
from tui.errors import OutputError, UsageError
from tui.core.script.errors import ScriptError
from tui.core.script.runner import ScriptRun, error_line
from tui.core.script.source import ScriptSourceError, read_script
from tui.core.trace import TraceRecorder
from tui.core.untrusted import shown, shown_lines
from tui.commands.lab_shared import JsonPrinter, parse_costs


def run_script(args) -> int:
    path = args.script
    if args.live:
        raise UsageError("scripts run in sim mode only (drop --live)")
    if args.fire:
        raise UsageError("give a script or --fire specs, not both")
    if args.summary or args.until is not None:
        raise UsageError("--summary and --until are for the lab (--fire), not for scripts")
    if args.trace is not None:
        trace_file.check(args.trace, args.force, path)  # before anything runs or prints
        if args.trace == trace_file.STDOUT and args.json:
            raise UsageError("--trace - and --json both write to stdout: give --trace a file")
    try:
        source = read_script(path)
    except ScriptSourceError as e:
        raise UsageError(str(e)) from None
    costs = parse_costs(args.cost)
    pool_env = str(args.pool_size) if args.pool_size is not None else os.environ.get("UV_THREADPOOL_SIZE")
    out = sys.stdout
    # With --trace -, stdout carries the trace alone (valid JSON); the script's output goes to stderr.
    write = (lambda s: None) if args.json else (sys.stderr.write if args.trace == trace_file.STDOUT else out.write)
    try:
        run = ScriptRun(path, source, seed=args.seed, costs=costs, pool_env=pool_env, write=write,
                        write_err=sys.stderr.write)
    except Exception as e:  # noqa: BLE001 - the engine could not start: one line
        if os.environ.get("PTVIEW_DEBUG") or not isinstance(e, ScriptError):
            if os.environ.get("PTVIEW_DEBUG"):
                raise
            print(f"ptview: error: {shown(os.path.basename(path))}: cannot start the script engine "
                  f"({type(e).__name__}: {e})", file=sys.stderr)
            return 2
        print(error_line(path, e), file=sys.stderr)
        return 2
    if args.json:
        run.rt.events.subscribe(JsonPrinter(out))
    tracer = TraceRecorder(run.rt, f"node {os.path.basename(path)} (modelled by ptview)") if args.trace else None
    try:
        code = run.run()
    except ScriptError as e:
        out.flush()
        print(error_line(path, e), file=sys.stderr)
        code = 2
    except OutputError:
        raise  # stdout failed (full, closed, the reader left): tui/stdio.py reports it
    except Exception as e:  # a bug in ptview's host: still one line (PTVIEW_DEBUG=1 for the traceback)
        if os.environ.get("PTVIEW_DEBUG"):
            raise
        out.flush()
        print(f"ptview: error: {shown(os.path.basename(path))}: internal error in ptview's script host "
              f"({type(e).__name__}: {shown(str(e))}); please report it", file=sys.stderr)
        code = 2
    else:
        if run.exit_message:
            out.flush()
            prefix = "ptview: error: " if code == 2 else "ptview: "
            # The script's own words (an uncaught error's message): stdout stays exact, as node's,
            # but this line is ptview's, on the user's terminal.
            print(prefix + "\n".join(shown_lines(run.exit_message)), file=sys.stderr)
    out.flush()
    if tracer is not None:
        if args.trace == trace_file.STDOUT:
            json.dump(tracer.trace(), out)
            out.write("\n")
            return code
        try:
            with trace_file.open_for_writing(args.trace, args.force) as f:
                json.dump(tracer.trace(), f)
        except OSError as e:
            why = "it appeared meanwhile (add --force to replace it)" if e.errno == errno.EEXIST else \
                "it became a symbolic link meanwhile" if e.errno == errno.ELOOP else e.strerror
            print(f"ptview: error: cannot write trace {echo(args.trace)}: {why}", file=sys.stderr)
            return 2
    return code
