"""Which Node process a thread belongs to, and what each of its threads does.

SEMANTICS.md §2.7 and §4: Node >= 23.8 names its threads (`MainThread`,
`V8Worker`, ...; later with a `node-` prefix), libuv >= 1.50 names its pool
threads `libuv-worker`, and Node 20 names nothing, so every thread is `node`.
For threads without a telling name we fall back on creation order, which is
fixed by Node's start-up sequence, and say that the label is inferred.
"""

from __future__ import annotations

import os
import re

MAIN = "main"
LIBUV = "libuv worker"
V8 = "V8 platform"
INSPECTOR = "inspector"
DELAYED = "delayed tasks"
WORKER_THREAD = "worker_thread"
PTVIEW_POOL = "ptview pool"

# Node's default for --v8-pool-size (src/node_options.h v8_thread_pool_size).
DEFAULT_V8_POOL_SIZE = 4

# Exact names and the 15-byte truncations the kernel keeps in `comm`
# (TASK_COMM_LEN is 16 with the NUL), so "node-DelayedTaskScheduler" arrives
# as "node-DelayedTas".
_NAMED: dict[str, str] = {
    "MainThread": MAIN,
    "node-MainThread": MAIN,
    "V8Worker": V8,
    "node-V8Worker": V8,
    "libuv-worker": LIBUV,
    "DelayedTaskSche": DELAYED,
    "node-DelayedTas": DELAYED,
    "SignalInspector": INSPECTOR,
    "node-SignalInsp": INSPECTOR,
    "InspectorIo": INSPECTOR,
    "node-InspectorI": INSPECTOR,
    "WorkerThread": WORKER_THREAD,
    "node-WorkerThre": WORKER_THREAD,
}

_PTVIEW_POOL = re.compile(r"ptview-pool-\d+")
# `node`, `nodejs`, and versioned installs such as `node20` or `node-22.1`;
# not `node_exporter` or `nodemon` (nodemon's own process runs under `node`).
_NODE_BINARY = re.compile(r"node(js)?([-.]?v?\d[\w.]*)?")
_V8_POOL_FLAG = re.compile(r"--v8[-_]pool[-_]size(?:=(.*))?")


def is_node(exe: str | None, cmdline: list[str] | tuple[str, ...] | None) -> bool:
    """True for a Node.js process, judged by its executable or argv[0].

    Not by psutil's name(): that is the main thread's comm, which Node 24
    sets to `MainThread` (SEMANTICS §2.7).
    """
    candidates = []
    if exe:
        candidates.append(exe.removesuffix(" (deleted)"))  # binary replaced by an upgrade
    if cmdline and cmdline[0]:
        # Programs that rewrite their argv (process.title) may leave one spaced string.
        candidates.append(cmdline[0].split(" ", 1)[0])
    for path in candidates:
        if "node" in path and _NODE_BINARY.fullmatch(os.path.basename(path)):  # most are not: no regex
            return True
    return False


def role_from_name(name: str | None) -> str | None:
    """The role a thread's own name announces, or None."""
    if not name:
        return None
    if _PTVIEW_POOL.fullmatch(name):
        return PTVIEW_POOL
    return _NAMED.get(name)


def v8_pool_size(cmdline: list[str] | tuple[str, ...]) -> int:
    """--v8-pool-size as Node would read it from the command line."""
    size = DEFAULT_V8_POOL_SIZE
    args = list(cmdline[1:])
    for i, arg in enumerate(args):
        if arg == "--":
            break
        m = _V8_POOL_FLAG.fullmatch(arg)
        if not m:
            # Node's own options end at the script name.
            if not arg.startswith("-"):
                break
            continue
        value = m.group(1) if m.group(1) is not None else (args[i + 1] if i + 1 < len(args) else "")
        try:
            size = int(value)
        except ValueError:
            continue
        if size < 1:
            # node_platform.cc: a size below 1 means "available parallelism - 1", at least 1.
            size = max((os.cpu_count() or 2) - 1, 1)
    return size


def label_threads(
    threads: list[tuple[int, str]], pid: int, cmdline: list[str]
) -> dict[int, tuple[str | None, bool]]:
    """Map tid -> (role, inferred) for the threads of Node process `pid`.

    `threads` are (tid, comm) pairs. A role is None when nothing tells it.
    `inferred` is True when the role comes from creation order rather than
    from the thread's name or from tid == pid.
    """
    out: dict[int, tuple[str | None, bool]] = {}
    main_name = next((name for tid, name in threads if tid == pid), None)
    argv0 = os.path.basename(cmdline[0])[:15] if cmdline else ""
    untold_names = {"node", "nodejs", argv0}
    if main_name and role_from_name(main_name) is None:
        untold_names.add(main_name)  # e.g. after process.title, inherited by later threads

    named_counts: dict[str, int] = {}
    untold: list[int] = []
    for tid, name in threads:
        role = role_from_name(name)
        if tid == pid:
            out[tid] = (MAIN, False)  # the thread-group leader runs the event loop
        elif role is not None:
            out[tid] = (role, False)
            named_counts[role] = named_counts.get(role, 0) + 1
        elif name in untold_names:
            untold.append(tid)
        else:
            out[tid] = (None, False)  # a thread someone else named (an addon): not Node's

    # Node's start-up order (SEMANTICS §4): DelayedTaskScheduler, the V8
    # platform workers, the inspector's signal thread; the libuv pool comes
    # later, on the first request. Slots already taken by named threads (Node
    # 22 names only the scheduler) are not counted again.
    slots = [DELAYED] + [V8] * v8_pool_size(cmdline) + [INSPECTOR]
    for role, n in named_counts.items():
        for _ in range(n):
            if role in slots:
                slots.remove(role)
    # Sorted tids follow creation order unless pids wrapped around pid_max
    # while the process started; rare enough to accept, and the label says "inferred".
    rest_role = None if named_counts.get(LIBUV) else LIBUV
    for tid in sorted(untold):
        if slots:
            out[tid] = (slots.pop(0), True)
        else:
            # With a named libuv pool (libuv >= 1.50) an untold extra thread
            # is something else (a worker_thread on Node 22), so say nothing.
            out[tid] = (rest_role, True) if rest_role else (None, False)
    return out
