"""Node thread roles for the sampler: the process tree's labeller, for Node processes only."""

from __future__ import annotations

import os
from collections.abc import Callable

from tui.core.procs.roles import is_node, label_threads as _label_node_threads


def label_threads(threads: list[tuple[int, str]], pid: int, cmdline: list[str], *,
                  environ: dict[str, str] | None = None,
                  wait_of: Callable[[int], str | None] | None = None) -> dict[int, tuple[str | None, bool]]:
    """tid → (role, inferred); no roles at all unless the process is Node."""
    try:
        exe = os.readlink(f"/proc/{pid}/exe")
    except OSError:
        exe = None  # another user's process, or gone: judge by the command line
    if not is_node(exe, cmdline):
        return {tid: (None, False) for tid, _ in threads}
    return _label_node_threads(threads, pid, cmdline, environ=environ, wait_of=wait_of)
