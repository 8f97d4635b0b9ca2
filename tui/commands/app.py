"""`ptview` (the interactive app) and `ptview --serve` (the same app in a browser)."""

from __future__ import annotations

import gc
import os
import shlex
import sys

from tui.core.errors import echo
from tui.commands.terminal import require_terminal
from tui.errors import UsageError
from tui.core.pool import threadpool_size_from_env


def run_app(args) -> int:
    if args.serve:
        return _serve(args)
    if args.theme is not None:
        from tui.core.errors import echo
        from tui.themes import theme_problem

        if theme_problem(args.theme):
            raise UsageError(f"--theme {echo(args.theme)}: {theme_problem(args.theme)}")
    # Start-up builds tens of thousands of objects that live as long as the app (modules,
    # widgets, styles, bindings); the collector would walk them again and again before the
    # first frame for nothing. Paused until the first frame is drawn (PaneApp), as Textual
    # pauses it for smooth scrolling.
    gc.disable()
    if args.pid is not None:
        from tui.commands.pid_arg import require_pid

        require_pid(args.pid)
        if not args.sim and not args.live:
            # --pid: watch that process's own loop thread and pool (issue: attach).
            _require_user_process(args.pid)
            from tui.attach_app import AttachApp

            app = AttachApp(args.pid, refresh=args.refresh)
            app.theme_name = args.theme
            require_terminal()  # after the arguments: a bad pid is the first thing to say
            app.run()
            return app.return_code or 0
    from tui.app import PtviewApp

    if getattr(args, "script", None):
        return _script_app(args, PtviewApp)
    size = args.pool_size or threadpool_size_from_env(os.environ.get("UV_THREADPOOL_SIZE"))
    # Live is the default: real threads, real files, real children; --sim for the model alone.
    require_terminal()
    app = PtviewApp(pool_size=size, seed=args.seed, root_pid=args.pid, refresh=args.refresh, live=not args.sim)
    app.theme_name = args.theme
    app.run()
    return app.return_code or 0


def _require_user_process(pid: int) -> None:
    """Attach watches a process's user-space threads: a kernel thread (kthreadd, kworkers) has none."""
    from tui.core.attach.proc_reader import ProcReader
    from tui.core.untrusted import shown

    reader = ProcReader()
    if reader.is_kernel_thread(pid):
        name = shown(reader.thread_name(pid, pid) or "?")
        raise UsageError(f"pid {pid} ({name}) is a kernel thread, not a Node process: it has no user-space "
                         f"threads or event loop to attach to (ptview --tree --pid {pid} shows it)")


def _serve(args) -> int:
    if not 1 <= args.port <= 65535:
        raise UsageError(f"invalid port {args.port}: expected 1..65535")
    _require_port(args.port, args.host or "localhost")  # before handing over: textual-serve would die with a traceback
    try:
        from textual_serve.server import Server
    except ImportError:
        raise UsageError("--serve needs textual-serve: pip install textual-serve") from None
    cmd = [sys.executable, "-m", "tui", "--sim", "--seed", str(args.seed)]
    if args.pool_size:
        cmd += ["--pool-size", str(args.pool_size)]
    _web_server(shlex.join(cmd), args).serve()
    return 0


def _require_port(port: int, host: str = "localhost") -> None:
    """textual-serve binds inside aiohttp and dies with a traceback if it cannot: try first.

    The probe binds the same address aiohttp will (--host, SO_REUSEADDR as aiohttp sets
    it) and closes at once; another program could take the port in between, a window that
    only a race can hit."""
    import errno
    import socket

    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror as e:
        raise UsageError(f"--serve: cannot resolve {echo(host)}: {e.strerror}") from None
    for family, kind, proto, _, addr in infos:
        with socket.socket(family, kind, proto) as sock:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                sock.bind(addr)
            except OSError as e:
                if e.errno == errno.EADDRINUSE:
                    raise UsageError(f"--serve: port {port} is in use by another program (try --port N)") from None
                if e.errno == errno.EACCES:
                    raise UsageError(f"--serve: port {port} needs privileges (ports below 1024 do): "
                                     "use --port 8000 or higher") from None
                if e.errno == errno.EADDRNOTAVAIL:
                    continue  # e.g. no IPv6 on this host: aiohttp skips it too
                raise UsageError(f"--serve: cannot listen on port {port}: {e.strerror}") from None


def _web_server(command: str, args):
    """textual-serve with ptview's page; asset and websocket URLs from --public-url (a tunnel)."""
    from tui.web.options import public_url, require_local_host
    from tui.web.server import make_server

    host = args.host or "localhost"
    try:
        require_local_host(host)
        url = public_url(host, args.port, args.public_url)
    except ValueError as e:
        raise UsageError(str(e)) from None
    return make_server(command, host, args.port, url)


def _script_app(args, app_cls) -> int:
    """`ptview SCRIPT.js`: the script in a code pane, on the sim model, paused at the start."""
    from tui.core.script.errors import ScriptError
    from tui.core.script.session import ScriptSession

    from tui.core.script.source import ScriptSourceError

    try:
        from tui.commands.lab_shared import parse_costs

        pool_env = str(args.pool_size) if args.pool_size is not None else os.environ.get("UV_THREADPOOL_SIZE")
        session = ScriptSession.from_file(args.script, seed=args.seed, costs=parse_costs(args.cost) or None,
                                          pool_env=pool_env)
    except ScriptSourceError as e:
        raise UsageError(str(e)) from None  # before the screen opens: one line, exit 2
    except ScriptError as e:
        raise UsageError(e.one_line(os.path.basename(args.script))) from None
    require_terminal()
    app = app_cls(session=session)
    app.theme_name = args.theme
    app.run()
    return app.return_code or 0
