"""`ptview --headless SCRIPT.js`: run a script on the model and print what node would print.

stdout gets exactly the script's console.log output (or, with --json, the
model's event timeline); anything ptview itself has to say goes to stderr.
Exit status: the script's (0, or 1 for an uncaught exception as in Node,
or what it gave process.exit), 2 when ptview refuses the script.
"""

from __future__ import annotations

import os
import sys

from tui.cli import UsageError
from tui.core.script.errors import ScriptError
from tui.core.script.runner import ScriptRun, error_line
from tui.core.script.source import ScriptSourceError, read_script
from tui.core.trace import TraceRecorder
from tui.lab import JsonPrinter, parse_costs


def run_script(args) -> int:
    path = args.script
    if args.live:
        raise UsageError("scripts run in sim mode only (drop --live)")
    if args.fire:
        raise UsageError("give a script or --fire specs, not both")
    if args.summary or args.until is not None:
        raise UsageError("--summary and --until are for the lab (--fire), not for scripts")
    try:
        source = read_script(path)
    except ScriptSourceError as e:
        raise UsageError(str(e)) from None
    costs = parse_costs(args.cost)
    pool_env = str(args.pool_size) if args.pool_size is not None else os.environ.get("UV_THREADPOOL_SIZE")
    out = sys.stdout
    write = (lambda s: None) if args.json else out.write
    try:
        run = ScriptRun(path, source, seed=args.seed, costs=costs, pool_env=pool_env, write=write,
                        write_err=sys.stderr.write)
    except Exception as e:  # noqa: BLE001 - the engine could not start: one line
        if os.environ.get("PTVIEW_DEBUG") or not isinstance(e, ScriptError):
            if os.environ.get("PTVIEW_DEBUG"):
                raise
            print(f"ptview: error: {os.path.basename(path)}: cannot start the script engine "
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
    except Exception as e:  # a bug in ptview's host: still one line (PTVIEW_DEBUG=1 for the traceback)
        if os.environ.get("PTVIEW_DEBUG"):
            raise
        out.flush()
        print(f"ptview: error: {os.path.basename(path)}: internal error in ptview's script host "
              f"({type(e).__name__}: {e}); please report it", file=sys.stderr)
        code = 2
    else:
        if run.exit_message:
            out.flush()
            prefix = "ptview: error: " if code == 2 else "ptview: "
            print(f"{prefix}{run.exit_message}", file=sys.stderr)
    try:
        out.flush()
    except BrokenPipeError:
        sys.stdout = None  # the reader is gone: nothing more to say there (and no flush error at exit)
    if tracer is not None:
        try:
            tracer.write(args.trace)
        except OSError as e:
            print(f"ptview: error: cannot write trace {args.trace!r}: {e.strerror}", file=sys.stderr)
            return 2
    return code
