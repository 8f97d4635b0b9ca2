"""Give the calling OS thread a name that /proc (and so the process pane) shows.

Python's threading names live only inside Python; the kernel's `comm` is
what ps, htop and our scanner read, set with prctl(PR_SET_NAME) by the
thread itself. No-op where that does not exist.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys

_PR_SET_NAME = 15
_libc = None


def set_os_thread_name(name: str) -> bool:
    """Name the calling thread (the kernel keeps 15 bytes). True if it took."""
    global _libc
    if not sys.platform.startswith("linux"):
        return False
    if _libc is None:
        _libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
    return _libc.prctl(_PR_SET_NAME, ctypes.c_char_p(name.encode()[:15]), 0, 0, 0) == 0
