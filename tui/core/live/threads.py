"""OS-level names for our threads, so the process pane can tell them apart.

Python 3.11 does not pass `threading.Thread(name=…)` to the kernel, so every
thread would show up as `python3` in /proc/PID/task/*/comm; prctl(PR_SET_NAME)
names the calling thread only, hence it is called inside each thread.
"""

from __future__ import annotations

import signal
import threading

from tui.core.procs.naming import COMM_MAX, prctl, set_os_thread_name

PR_SET_PDEATHSIG = 1
STOP_SIGNALS = {signal.SIGINT, signal.SIGTERM, signal.SIGHUP}


def pool_thread_name(index: int) -> str:
    name = f"ptview-pool-{index}"
    # ptview-pool-1000 would be cut to ptview-pool-100 and collide with worker 100.
    return name if len(name) <= COMM_MAX else f"ptview-pl{index}"


def die_with_parent(signum: int) -> bool:
    """The kernel sends `signum` to this process when its parent thread dies (a child's safety net)."""
    return prctl(PR_SET_PDEATHSIG, signum)


def start_named_thread(name: str, target, *args) -> tuple[threading.Thread, int]:
    """Start a daemon thread named `name` (Python and kernel); return it and its native tid.

    Daemon, so a thread stuck in a syscall (open() of a FIFO without a
    writer) cannot keep the process from exiting. It blocks the stop signals,
    so the kernel delivers a SIGTERM to the thread that handles it (the main
    thread, interrupting its epoll_wait) rather than to a worker busy in C.
    Waits until the thread runs, as libuv's init_threads waits for each worker.
    """
    ready = threading.Event()
    box: dict = {}

    def run():
        signal.pthread_sigmask(signal.SIG_BLOCK, STOP_SIGNALS)
        set_os_thread_name(name)
        box["tid"] = threading.get_native_id()
        ready.set()
        target(*args)

    t = threading.Thread(target=run, name=name, daemon=True)
    t.start()
    ready.wait()
    return t, box["tid"]
