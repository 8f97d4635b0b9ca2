"""Leaving nothing behind: signal handlers and a hard deadline for live mode's exit.

`install(on_signal)` routes SIGINT, SIGTERM and SIGHUP (a dropped SSH
session) to `on_signal(signum)` — for the lab, LiveDriver.interrupt — and
returns a function that puts the old handlers back. `deadline(seconds, code)`
arms a backstop: if an orderly shutdown has not finished in time, the
process exits anyway (os._exit), so even a bug cannot keep ptview alive.
"""

from __future__ import annotations

import os
import signal
import threading
from typing import Callable

SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
EXIT_WITHIN_S = 2.0


def install(on_signal: Callable[[int], None], signals=SIGNALS, wakeup_fd: int | None = None) -> Callable[[], None]:
    """Main thread only. `wakeup_fd`: a non-blocking fd the poll watches (LiveRuntime.poller.wakeup_fd);
    Python runs handlers on the main thread only, so a blocked epoll_wait must be woken through it."""
    old = {}
    for s in signals:
        old[s] = signal.signal(s, lambda signum, _frame: on_signal(signum))
    old_fd = signal.set_wakeup_fd(wakeup_fd, warn_on_full_buffer=False) if wakeup_fd is not None else None
    fd_restored: list = []

    def restore(handlers: bool = True) -> None:
        """Put back the old wakeup fd (before that fd is closed) and, unless told not to, the handlers."""
        if wakeup_fd is not None and not fd_restored:
            fd_restored.append(True)
            signal.set_wakeup_fd(old_fd if old_fd is not None else -1)
        if handlers:
            for s, h in old.items():
                signal.signal(s, h)
            old.clear()

    return restore


def deadline(seconds: float, code: int) -> threading.Timer:
    """Exit with `code` after `seconds` unless cancelled; call .cancel() when done in time."""
    def hard_exit() -> None:
        os._exit(code)

    t = threading.Timer(seconds, hard_exit)
    t.daemon = True
    t.start()
    return t


def exit_code(signum: int | None) -> int:
    return 0 if not signum else 128 + signum
