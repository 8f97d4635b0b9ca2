"""`ptview --headless --live`: the lab's fires, for real, printed as the sim lab prints them.

Same specs, same printers and summary (tui/commands/lab_shared.py); the runtime is a
LiveRuntime driven in wall time. SIGINT, SIGTERM and SIGHUP stop it cleanly
within 2 s: queued jobs are cancelled, workers stopped or abandoned (a FIFO
open() cannot be interrupted), children killed and reaped, sockets closed.
"""

from __future__ import annotations

import os
import sys
import time

from tui.errors import UsageError
from tui.core.live import shutdown
from tui.core.live.driver import LiveDriver
from tui.core.live.loop_io import MAX_LIVE_CHILDREN
from tui.core.live.runtime import LiveRuntime
from tui.commands.lab_shared import attach_printer, main_module, pool_size, print_summary


def run_live(args, specs, costs: dict[str, float]) -> int:
    forks = sum(s.count for s in specs if s.op == "fork")
    if forks > MAX_LIVE_CHILDREN:  # all fired by the main module at t = 0: all alive at once
        which = " ".join(f"--fire {s.text}" for s in specs if s.op == "fork")
        raise UsageError(f"{which}: {forks} children, but live mode runs at most {MAX_LIVE_CHILDREN} at once "
                         "(each is a real process); --sim models any number")
    rt = LiveRuntime(pool_size(args), costs=costs)
    driver = LiveDriver(rt)
    armed = []

    def on_signal(signum: int) -> None:
        driver.interrupt(signum)
        if not armed:  # from the signal on, the exit has 2 s whatever is running
            armed.append(shutdown.deadline(shutdown.EXIT_WITHIN_S, shutdown.exit_code(signum)))

    restore = shutdown.install(on_signal, wakeup_fd=rt.poller.wakeup_fd)
    out = sys.stdout
    if hasattr(out, "reconfigure"):
        out.reconfigure(line_buffering=True)  # wall time: show each event when it happens, even in a pipe
    ended = None
    try:
        printer = attach_printer(args, rt, out, f"live · pool of {rt.pool.size} · pid {os.getpid()}")
        wall0 = time.perf_counter()
        rt.start(main_module(rt, specs))
        timeout = None if args.until is None else args.until / 1000.0
        ended = driver.run_until_idle(timeout)
        wall = time.perf_counter() - wall0
        code = shutdown.exit_code(driver.interrupted)
        if not armed:  # an orderly exit must not take longer than a signalled one
            armed.append(shutdown.deadline(shutdown.EXIT_WITHIN_S, code))
        threads = [{"worker": w.index, "tid": w.tid, "comm": _comm(w.tid)} for w in rt.pool.workers]
        rt.cancel_queued()
        extra = {"mode": "live", "threads": threads}
        if driver.interrupted:
            extra["signal"] = driver.interrupted
        # The summary first: the slow part of the shutdown (threads, children) must not cut it off.
        print_summary(args, rt, ended, wall, printer, out, **extra)
        return code
    finally:
        restore(handlers=False)  # the poller's fds close now; our handlers stay until it is all done
        rt.shutdown()
        restore()
        # Shut down in time: the backstop's job is done. Left armed, it would os._exit a caller
        # that runs the lab in-process (tui.cli.main from a test or a tool) 2 s later.
        for backstop in armed:
            backstop.cancel()


def _comm(tid: int | None) -> str | None:
    try:
        with open(f"/proc/self/task/{tid}/comm") as f:
            return f.read().strip()
    except OSError:
        return None
