"""--pid PID, checked once for every command that attaches to a process."""

from __future__ import annotations

import psutil

from tui.errors import UsageError


def require_pid(pid: int) -> None:
    """UsageError unless `pid` is a live process (for --pid, here and in the app)."""
    if not psutil.pid_exists(pid):
        raise UsageError(f"no process with pid {pid}")
