"""The standard streams as ptview finds them: closed, full, piped to `head`, not UTF-8.

`prepare()` runs first thing in `main()`:
- a closed fd 0, 1 or 2 gets a placeholder, so that the next file ptview opens (a trace,
  a pipe) cannot land on it and receive output meant for a terminal. Closed stdin reads
  as empty (/dev/null); closed stdout is /dev/null opened *read-only*, so the first write
  fails with EBADF and ptview says so, as coreutils do (`ls >&-`: "write error: Bad file
  descriptor", exit 2); closed stderr becomes the terminal on stdout if there is one (the
  app draws on stderr), else /dev/null (messages are lost, the exit status still tells).
- stdout and stderr write what their encoding cannot hold as backslash escapes
  (`PYTHONIOENCODING=ascii`: a thread named `café` prints as `caf\\xe9`, not a traceback).
- stdout is wrapped so that a failed write raises `OutputError` (see tui/errors.py);
  `report()` turns it into one line and an exit status.

Exit status for a failed write: EPIPE (the reader left, `ptview --tree | head -1`) is
quiet with 141, what a shell shows for a C tool killed by SIGPIPE (`ps | head`); any
other error (ENOSPC on /dev/full, EBADF, EIO) is one line on stderr and 2.
"""

from __future__ import annotations

import errno
import os
import sys

from tui.errors import OutputError

EPIPE_STATUS = 128 + 13  # 128 + SIGPIPE


class GuardedOut:
    """stdout, but a failed write raises OutputError instead of an OSError anyone may catch."""

    def __init__(self, stream) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        try:
            return self._stream.write(text)
        except OSError as e:
            raise OutputError(e.errno, e.strerror) from None

    def flush(self) -> None:
        try:
            self._stream.flush()
        except OSError as e:
            raise OutputError(e.errno, e.strerror) from None

    def __getattr__(self, name: str):  # fileno, isatty, reconfigure, encoding…
        return getattr(self._stream, name)


def _fd_open(fd: int) -> bool:
    try:
        os.fstat(fd)
        return True
    except OSError:
        return False


def _fill(fd: int, flags: int, source: int | None = None) -> None:
    """Put something on the closed `fd` (open() returns the lowest free fd: dup2 to be sure)."""
    new = os.dup(source) if source is not None else os.open(os.devnull, flags)
    if new != fd:
        os.dup2(new, fd)
        os.close(new)


def prepare() -> tuple:
    """Fix up the process's standard streams; returns what `restore()` needs."""
    saved = (sys.stdin, sys.stdout, sys.stderr)
    # Python left sys.stdX *and* sys.__stdX__ None for a closed fd; Textual writes to sys.__stderr__.
    if not _fd_open(0):
        _fill(0, os.O_RDONLY)
        sys.stdin = sys.__stdin__ = open(0, "r", closefd=False)
    if not _fd_open(1):
        _fill(1, os.O_RDONLY)  # writes fail with EBADF: reported, not silently lost
        sys.stdout = sys.__stdout__ = open(1, "w", closefd=False)
    if not _fd_open(2):
        _fill(2, os.O_WRONLY, source=1 if os.isatty(1) else None)
        sys.stderr = sys.__stderr__ = open(2, "w", closefd=False, errors="backslashreplace")
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if stream is getattr(sys, "__" + name + "__") and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    sys.stdout = GuardedOut(sys.stdout)
    return saved


def restore(saved: tuple) -> None:
    sys.stdin, sys.stdout, sys.stderr = saved


def finish() -> None:
    """Flush stdout now, so that a failure is ours to report and not Python's at exit."""
    sys.stdout.flush()


def report(e: OutputError, saved: tuple) -> int:
    """One line (none for EPIPE) and the exit status. If the failed stream is the process's
    own stdout, fd 1 now points at /dev/null, so the interpreter's flush at exit cannot fail
    again and print 'Exception ignored…' (a caller's redirected stream is left alone)."""
    if saved[1] is None or saved[1] is sys.__stdout__:
        try:
            null = os.open(os.devnull, os.O_WRONLY)
            os.dup2(null, 1)
            os.close(null)
        except OSError:
            pass
    if e.errno == errno.EPIPE:
        return EPIPE_STATUS
    name = errno.errorcode.get(e.errno or 0, "")
    say(f"cannot write to stdout: {e.strerror or 'write failed'}" + (f" ({name})" if name else ""))
    return 2


def say(line: str) -> None:
    """`ptview: error: LINE` on stderr; if stderr itself fails, the exit status is all we have."""
    try:
        print(f"ptview: error: {line}", file=sys.stderr, flush=True)
    except (OSError, ValueError, AttributeError):
        pass
