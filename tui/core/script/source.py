"""Reading a script, or a module file a script loads: the one place that does it.

Every script engine calls `read_script(path)` for the main script and for every
module file it loads (a forked module, a required file), so the same bounds
hold everywhere:
- only a regular file: a directory, a FIFO, a socket or a device is refused
  before any read. The file is opened with O_NONBLOCK, so opening a FIFO with
  no writer returns at once instead of waiting for one (and the fstat that
  follows refuses it); `/dev/zero` is refused instead of read until memory
  runs out;
- at most MAX_SCRIPT_BYTES (4 MiB): far more than any script a person steps
  through, and the interpreter's memory for its syntax tree grows with it.
  The cap holds while reading too, for a file that grows after the fstat;
- decoded as Node decodes a CommonJS module: UTF-8, invalid bytes replaced
  by U+FFFD (Node never refuses a script for its encoding), a leading BOM
  removed.
"""

from __future__ import annotations

import errno
import os
import stat

MAX_SCRIPT_BYTES = 4 * 1024 * 1024

_KINDS = ((stat.S_ISDIR, "a directory"), (stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket"),
          (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"))


class ScriptSourceError(Exception):
    """ptview will not read this file. str(): `PATH: why` (show it through one_line())."""

    def __init__(self, path: str, why: str) -> None:
        super().__init__(f"{path}: {why}")
        self.path = path
        self.why = why


def _kind(mode: int) -> str:
    for test, name in _KINDS:
        if test(mode):
            return name
    return "not a file"


def _why(e: OSError) -> str:
    if e.errno == errno.ENOENT:
        return "no such file"
    if e.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if e.errno == errno.ENXIO:  # open() of a UNIX socket
        return "not a regular file (a socket)"
    return (e.strerror or str(e)).lower()


def read_script(path: str) -> str:
    """The text of the script at `path`; ScriptSourceError (one line) if ptview will not read it."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC | os.O_NOCTTY)
    except OSError as e:
        raise ScriptSourceError(path, _why(e)) from None
    try:
        s = os.fstat(fd)
        if not stat.S_ISREG(s.st_mode):
            raise ScriptSourceError(path, f"not a regular file ({_kind(s.st_mode)})")
        too_big = ScriptSourceError(path, f"larger than {MAX_SCRIPT_BYTES // 2**20} MiB, the most ptview "
                                          "reads for a script")
        if s.st_size > MAX_SCRIPT_BYTES:
            raise too_big
        parts, got = [], 0
        while True:  # to EOF, but never past the cap: the file may have grown since fstat
            chunk = os.read(fd, MAX_SCRIPT_BYTES + 1 - got)
            if not chunk:
                break
            parts.append(chunk)
            got += len(chunk)
            if got > MAX_SCRIPT_BYTES:
                raise too_big
    except OSError as e:
        raise ScriptSourceError(path, _why(e)) from None
    finally:
        os.close(fd)
    text = b"".join(parts).decode("utf-8", "replace")
    return text[1:] if text.startswith("\ufeff") else text
