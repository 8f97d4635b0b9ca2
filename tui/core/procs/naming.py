"""Give the calling OS thread a name that /proc (and so the process pane) shows.

Python's threading names live only inside Python; the kernel's `comm` is
what ps, htop and our scanner read, set with prctl(PR_SET_NAME) by the
thread itself. No-op where that does not exist.
"""

from __future__ import annotations

import sys

PR_SET_NAME = 15
COMM_MAX = 15  # TASK_COMM_LEN - 1: the kernel cuts longer names
_prctl_fn = None


def prctl(option: int, arg) -> bool:
    """prctl(option, arg, 0, 0, 0) == 0; False where there is no prctl (not Linux/glibc).

    libc is loaded on the first call, by a thread that wants a name: ctypes costs the
    app's first frame a few milliseconds it does not need."""
    global _prctl_fn
    if _prctl_fn is None:
        fn = False  # assigned once, whole: two threads naming themselves at once both load it
        if sys.platform.startswith("linux"):
            try:
                import ctypes
                import ctypes.util

                fn = ctypes.CDLL(ctypes.util.find_library("c") or None, use_errno=True).prctl
            except (ImportError, OSError, AttributeError):
                pass  # a thread without a kernel name still works
        _prctl_fn = fn
    if not _prctl_fn:
        return False
    if isinstance(arg, str):
        import ctypes

        arg = ctypes.c_char_p(arg.encode()[:COMM_MAX])
    return _prctl_fn(option, arg, 0, 0, 0) == 0


def set_os_thread_name(name: str) -> bool:
    """Name the calling thread (the kernel keeps 15 bytes). True if it took."""
    return prctl(PR_SET_NAME, name)
