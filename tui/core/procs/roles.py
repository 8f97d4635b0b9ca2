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
from collections.abc import Callable
from dataclasses import dataclass

MAIN = "main"
LIBUV = "libuv worker"
V8 = "V8 platform"
INSPECTOR = "inspector"
DELAYED = "delayed tasks"
WORKER_THREAD = "Worker"  # a worker_threads Worker: Node's `WorkerThread`, ptview's `ptview-worker-<n>`
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

_PTVIEW_POOL = re.compile(r"ptview-(pool-|pl)\d+")
_PTVIEW_WORKER = re.compile(r"ptview-(worker|wrk)-\d+")  # tui/core/live/worker_threads.py
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
    if _PTVIEW_WORKER.fullmatch(name):
        return WORKER_THREAD
    return _NAMED.get(name)


# Node options that take their value as the next argument: the parser must not take that value for
# the script name (`node -r ts-node/register --v8-pool-size=2 app.js`).
_TAKES_VALUE = frozenset({
    "-r", "--require", "--import", "--loader", "--experimental-loader", "-e", "--eval", "-p", "--print",
    "--input-type", "--title", "--env-file", "--inspect-port", "--debug-port", "--icu-data-dir",
    "--openssl-config", "--redirect-warnings", "--diagnostic-dir", "--stack-trace-limit", "-C", "--conditions",
    "--max-http-header-size", "--unhandled-rejections", "--dns-result-order", "--disable-warning",
    "--heapsnapshot-signal", "--report-signal", "--secure-heap", "--secure-heap-min", "--trace-event-categories",
    "--trace-event-file-pattern", "--tls-cipher-list", "--watch-path", "--experimental-policy", "--v8-pool-size",
})
_INSPECT_FLAG = re.compile(r"--inspect(?:-brk|-wait|-brk-node)?(?:=.*)?")
# libuv's MAX_THREADPOOL_SIZE (src/threadpool.c), and its default.
UV_MAX_POOL = 1024
UV_DEFAULT_POOL = 4


def node_options_argv(value: str | None) -> list[str]:
    """NODE_OPTIONS split as Node splits it (src/node_options.cc ParseNodeOptionsEnvVar): on spaces,
    with "double quotes" grouping and a backslash escaping the next character inside quotes."""
    out: list[str] = []
    if not value:
        return out
    in_string = False
    new_arg = True
    i = 0
    while i < len(value):
        c = value[i]
        if c == "\\" and in_string:
            if i + 1 == len(value):
                return out  # node refuses to start: "invalid escape"
            i += 1
            c = value[i]
        elif c == " " and not in_string:
            new_arg = True
            i += 1
            continue
        elif c == '"':
            in_string = not in_string
            i += 1
            continue
        if new_arg:
            out.append(c)
            new_arg = False
        else:
            out[-1] += c
        i += 1
    return out


def _node_flags(args: list[str] | tuple[str, ...]) -> list[str]:
    """Node's own options among `args` (argv without argv[0]): up to the script name or `--`."""
    flags: list[str] = []
    it = iter(args)
    for arg in it:
        if arg == "--" or not arg.startswith("-") or arg == "-":
            break
        flags.append(arg)
        if arg in _TAKES_VALUE or arg.replace("_", "-") in _TAKES_VALUE:
            flags.append(next(it, ""))
    return flags


def _all_flags(cmdline, node_options: str | None) -> list[str]:
    # NODE_OPTIONS first: options on the command line come after and win (Node's rule).
    return node_options_argv(node_options) + _node_flags(list(cmdline[1:]) if cmdline else [])


def v8_pool_size(cmdline: list[str] | tuple[str, ...], node_options: str | None = None) -> int:
    """--v8-pool-size as Node would read it from NODE_OPTIONS and the command line."""
    size = DEFAULT_V8_POOL_SIZE
    flags = _all_flags(cmdline, node_options)
    for i, arg in enumerate(flags):
        m = _V8_POOL_FLAG.fullmatch(arg)
        if not m:
            continue
        value = m.group(1) if m.group(1) is not None else (flags[i + 1] if i + 1 < len(flags) else "")
        try:
            size = int(value)
        except ValueError:
            continue
        if size < 1:
            # node_platform.cc: a size below 1 means "available parallelism - 1", at least 1.
            size = max((os.cpu_count() or 2) - 1, 1)
    return size


def inspector_at_start(cmdline: list[str] | tuple[str, ...], node_options: str | None = None) -> bool:
    """Started with --inspect, --inspect-brk or --inspect-wait: the inspector's I/O thread starts
    before the script runs, right after the SIGUSR1 watchdog."""
    return any(_INSPECT_FLAG.fullmatch(a) for a in _all_flags(cmdline, node_options))


def _atoi(text: str) -> int:
    m = re.match(r"[ \t\n\v\f\r]*([+-]?\d+)", text)
    return int(m.group(1)) if m else 0


def uv_pool_size(environ: dict[str, str] | None) -> int | None:
    """The libuv pool's size as libuv computes it from UV_THREADPOOL_SIZE (atoi; 0 means 1; above
    1024, or negative, which is a huge unsigned number in C, means 1024); None: environ unknown."""
    if environ is None:
        return None
    value = environ.get("UV_THREADPOOL_SIZE")
    if value is None:
        return UV_DEFAULT_POOL
    n = _atoi(value)
    if n == 0:
        return 1
    if n < 0 or n > UV_MAX_POOL:
        return UV_MAX_POOL
    return n


def parse_environ(raw: bytes) -> dict[str, str]:
    """/proc/PID/environ (NUL-separated NAME=value) as a dict; values exact (surrogateescape)."""
    from tui.core.untrusted import exact

    env: dict[str, str] = {}
    for item in raw.split(b"\0"):
        name, sep, value = item.partition(b"=")
        if sep and name:
            env.setdefault(exact(name), exact(value))  # the first wins, as getenv() finds it
    return env


@dataclass(frozen=True)
class NodeSettings:
    """What a Node process was started with that decides how many threads of each kind it has."""

    v8_pool_size: int
    uv_pool_size: int
    uv_pool_known: bool  # False: the environment was not readable, the size is libuv's default
    inspector: bool  # --inspect* at start: the inspector's I/O thread exists from the start

    @property
    def uv_pool_source(self) -> str:
        return "UV_THREADPOOL_SIZE or its default" if self.uv_pool_known else "default (environ not readable)"


def node_settings(cmdline: list[str] | tuple[str, ...], environ: dict[str, str] | None) -> NodeSettings:
    opts = environ.get("NODE_OPTIONS") if environ else None
    uv = uv_pool_size(environ)
    return NodeSettings(v8_pool_size=v8_pool_size(cmdline, opts),
                        uv_pool_size=uv if uv is not None else UV_DEFAULT_POOL, uv_pool_known=uv is not None,
                        inspector=inspector_at_start(cmdline, opts))


def wait_kind(wchan_or_call: str | None) -> str | None:
    """"epoll" for a thread waiting in epoll (an event loop: the main thread, a Worker, the inspector's
    I/O thread, the delayed-task scheduler), "futex" for one parked on a lock or condition variable (an
    idle libuv worker or V8 platform thread), else None. Takes a wchan (`do_epoll_wait`, `ep_poll`,
    `futex_wait_queue_me`, `futex_do_wait`…) or a system call's name (`epoll_pwait`, `futex`)."""
    if not wchan_or_call:
        return None
    w = wchan_or_call
    if "epoll" in w or w == "ep_poll":
        return "epoll"
    if "futex" in w:
        return "futex"
    return None


def creation_key(tid: int, pid: int) -> tuple[bool, int]:
    """Sorts a process's thread ids in the order they were created.

    The kernel hands ids out upwards and wraps at pid_max (32,768 on many machines, and
    this test suite alone starts thousands of processes), so a thread created after the
    wrap has a smaller id than its process: it comes after the ids above the process's.
    Every thread is created after its leader, whose tid is the pid. (Two wraps within
    one process's life would take 32,768 more tasks on the machine in between.)"""
    return (tid < pid, tid)


def label_threads(
    threads: list[tuple[int, str]], pid: int, cmdline: list[str], *,
    environ: dict[str, str] | None = None, wait_of: Callable[[int], str | None] | None = None,
) -> dict[int, tuple[str | None, bool]]:
    """Map tid -> (role, inferred) for the threads of Node process `pid`.

    `threads` are (tid, comm) pairs. A role is None when nothing tells it.
    `inferred` is True when the role comes from creation order rather than
    from the thread's name or from tid == pid.

    `environ` (from /proc/PID/environ, None when not readable) gives NODE_OPTIONS
    (--v8-pool-size, --inspect) and UV_THREADPOOL_SIZE; `wait_of(tid)` says what a
    thread was seen waiting in (`wait_kind()`: "epoll", "futex" or None). It is asked
    only about the threads that creation order alone cannot place (those created
    after start-up), so a caller may read something per call.
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
    # platform workers, the inspector's SIGUSR1 watchdog, and with --inspect its
    # I/O thread; the libuv pool and Workers come later. Slots already taken by
    # named threads (Node 22 names only the scheduler) are not counted again.
    settings = node_settings(cmdline, environ)
    slots = [DELAYED] + [V8] * settings.v8_pool_size + [INSPECTOR] + ([INSPECTOR] if settings.inspector else [])
    for role, n in named_counts.items():
        for _ in range(n):
            if role in slots:
                slots.remove(role)
    untold.sort(key=lambda tid: creation_key(tid, pid))
    placed = min(len(slots), len(untold))
    for tid, role in zip(untold, slots):
        out[tid] = (role, True)
    later = untold[placed:]
    waits = {tid: (wait_of(tid) if wait_of is not None else None) for tid in later}
    if named_counts.get(LIBUV):
        # libuv >= 1.50 names its pool: an untold later thread is a Worker when it waits in an
        # event loop (Node 22 does not name Workers), else nothing we can tell.
        for tid in later:
            out[tid] = (WORKER_THREAD, True) if waits[tid] == "epoll" else (None, False)
        return out
    pool = _pool_block(later, waits, settings.uv_pool_size, settings.uv_pool_known)
    for tid in later:
        out[tid] = (LIBUV if tid in pool else WORKER_THREAD, True)
    return out


def _pool_block(later: list[int], waits: dict[int, str | None], size: int, size_known: bool) -> set[int]:
    """Which of the threads created after start-up are the libuv pool (Node 20: all named `node`).

    libuv starts its whole pool at once, on the first request: `size` threads, one after
    another. A Worker runs its own event loop, so a thread seen waiting in epoll is a Worker,
    never a pool thread; a pool thread waits for work in futex. The pool is the run of `size`
    consecutive threads with no loop thread in it and the most threads seen in futex (the
    first such run on a tie), widened over neighbours seen in futex (a script that sets
    process.env.UV_THREADPOOL_SIZE before its first request has a pool that /proc/PID/environ
    does not show). The rest are Workers (or the inspector's I/O thread opened at run time,
    which waits in epoll too: not told apart)."""
    loops = {t for t in later if waits[t] == "epoll"}
    rest = [t for t in later if t not in loops]
    evidence = any(waits.values())
    if len(rest) <= size or (not size_known and not evidence):
        # Too few for a whole pool other than these, or nothing to tell by (no environ, no waits:
        # another user's process): every thread that is not seen in a loop is taken for the pool.
        return set(rest)
    best: tuple[int, int] | None = None
    for i in range(len(later) - size + 1):
        run = later[i:i + size]
        if any(t in loops for t in run):
            continue
        score = sum(waits[t] == "futex" for t in run)
        if best is None or score > best[0]:
            best = (score, i)
    if best is None:
        return set(rest[:size])  # created interleaved with a Worker's: take the first ones
    lo, hi = best[1], best[1] + size
    while lo > 0 and waits[later[lo - 1]] == "futex":
        lo -= 1
    while hi < len(later) and waits[later[hi]] == "futex":
        hi += 1
    return set(later[lo:hi])
