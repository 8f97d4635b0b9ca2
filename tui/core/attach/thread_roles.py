"""Node thread roles for the sampler.

The real labeller lives in tui.core.procs.roles (the process-tree issue);
until that lands on this branch a minimal stand-in keeps attach usable.
When both are merged the real one wins: delete `_fallback_label_threads`.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable

LabelFn = Callable[[list[tuple[int, str]], int, list[str]], dict[int, tuple[str | None, bool]]]

_NODE_EXE = re.compile(r"^(node|nodejs)(\d+(\.\d+)*)?$")
_BY_NAME = {
    "MainThread": "main", "node-MainThread": "main",
    "libuv-worker": "libuv worker",
    "V8Worker": "V8 platform", "node-V8Worker": "V8 platform",
    "DelayedTaskSche": "delayed tasks",
    "SignalInspector": "inspector", "InspectorIo": "inspector",
    "WorkerThread": "worker_thread", "node-WorkerThrea": "worker_thread",
}
# Node 20 names nothing: threads start in this order after the main one
# (SEMANTICS §4); the pool's threads come later, on the first pool request.
_STARTUP_ORDER = ["delayed tasks"] + ["V8 platform"] * 4 + ["inspector"]


def _fallback_label_threads(threads: list[tuple[int, str]], pid: int,
                            cmdline: list[str]) -> dict[int, tuple[str | None, bool]]:
    exe = os.path.basename(cmdline[0]) if cmdline else ""
    if not _NODE_EXE.match(exe):
        return {tid: (None, False) for tid, _ in threads}
    out: dict[int, tuple[str | None, bool]] = {}
    named = {tid: _BY_NAME.get(name) for tid, name in threads}
    slots = list(_STARTUP_ORDER)
    for r in named.values():
        if r in slots:
            slots.remove(r)
    # The pool is as big as libuv read UV_THREADPOOL_SIZE (default 4); unnamed
    # threads beyond it are most likely worker_threads.
    pool = 0 if "libuv worker" in named.values() else _pool_size(pid)
    for tid, _name in sorted(threads):
        if named[tid]:
            out[tid] = (named[tid], False)
        elif tid == pid:
            out[tid] = ("main", True)
        elif slots:
            out[tid] = (slots.pop(0), True)
        elif pool > 0:
            pool -= 1
            out[tid] = ("libuv worker", True)
        else:
            out[tid] = ("worker_thread", True)
    return out


def _pool_size(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/environ", "rb") as f:
            env = f.read().split(b"\0")
    except OSError:
        return 4
    for kv in env:
        if kv.startswith(b"UV_THREADPOOL_SIZE="):
            try:
                return min(max(int(kv.split(b"=", 1)[1]), 1), 1024)
            except ValueError:
                return 4
    return 4


try:
    from tui.core.procs.roles import label_threads as _real_label_threads  # type: ignore[import-not-found]
except ImportError:
    _real_label_threads = None

label_threads: LabelFn = _real_label_threads or _fallback_label_threads
