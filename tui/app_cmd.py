"""`ptview` (the interactive app) and `ptview --serve` (the same app in a browser)."""

from __future__ import annotations

import gc
import os
import shlex
import sys

from tui.cli import UsageError
from tui.core.pool import threadpool_size_from_env


def run_app(args) -> int:
    if args.serve:
        return _serve(args)
    # Start-up builds tens of thousands of objects that live as long as the app (modules,
    # widgets, styles, bindings); the collector would walk them again and again before the
    # first frame for nothing. Paused until the first frame is drawn (PaneApp), as Textual
    # pauses it for smooth scrolling.
    gc.disable()
    if args.pid is not None:
        from tui.tree_cmd import require_pid

        require_pid(args.pid)
        if not args.sim and not args.live:
            # --pid: watch that process's own loop thread and pool (issue: attach).
            from tui.attach_app import AttachApp

            app = AttachApp(args.pid, refresh=args.refresh)
            _require_terminal()  # after the arguments: a bad pid is the first thing to say
            app.run()
            return app.return_code or 0
    from tui.app import PtviewApp

    if getattr(args, "script", None):
        return _script_app(args, PtviewApp)
    size = args.pool_size or threadpool_size_from_env(os.environ.get("UV_THREADPOOL_SIZE"))
    # Live is the default: real threads, real files, real children; --sim for the model alone.
    _require_terminal()
    app = PtviewApp(pool_size=size, seed=args.seed, root_pid=args.pid, refresh=args.refresh, live=not args.sim)
    app.run()
    return app.return_code or 0


def _require_terminal() -> None:
    """The app draws with cursor moves and reads keys: without a terminal it would hang on
    keys that never come or fill a file with escape codes, so say what works instead."""
    if os.environ.get("TEXTUAL_DRIVER"):
        return  # textual-serve's web driver: the browser is the terminal
    instead = "use --headless, --tree or --watch PID"
    if not sys.stdin.isatty() or not (sys.stdout.isatty() or sys.stderr.isatty()):
        raise UsageError(f"the app needs a terminal (stdin is not one, or neither stdout nor stderr is); {instead}")
    if os.environ.get("TERM") == "dumb":
        raise UsageError(f"TERM=dumb cannot draw the app (no cursor movement); {instead}, "
                         "or run it in a terminal with TERM=xterm-256color")


def _serve(args) -> int:
    try:
        from textual_serve.server import Server
    except ImportError:
        raise UsageError("--serve needs textual-serve: pip install textual-serve") from None
    if not 1 <= args.port <= 65535:
        raise UsageError(f"invalid port {args.port}: expected 1..65535")
    cmd = [sys.executable, "-m", "tui", "--sim", "--seed", str(args.seed)]
    if args.pool_size:
        cmd += ["--pool-size", str(args.pool_size)]
    Server(shlex.join(cmd), host="localhost", port=args.port, title="ptview").serve()
    return 0


def _script_app(args, app_cls) -> int:
    """`ptview SCRIPT.js`: the script in a code pane, on the sim model, paused at the start."""
    from tui.core.script.errors import ScriptError
    from tui.core.script.session import ScriptSession

    from tui.core.script.source import ScriptSourceError

    try:
        session = ScriptSession.from_file(args.script, seed=args.seed)
    except ScriptSourceError as e:
        raise UsageError(str(e)) from None  # before the screen opens: one line, exit 2
    except ScriptError as e:
        raise UsageError(e.one_line(os.path.basename(args.script))) from None
    _require_terminal()
    app = app_cls(session=session)
    app.run()
    return app.return_code or 0
