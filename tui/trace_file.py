"""Where `--trace FILE` may write, checked before the script runs and opened without races.

ptview never overwrites a user's file by accident: an existing FILE needs `--force`; the
script itself is refused even then (same inode: `--trace x.js x.js` would destroy the
program); a symbolic link at FILE is refused (it may point anywhere: name the real file);
`''` is refused; `-` is stdout. The final open is O_CREAT|O_EXCL|O_NOFOLLOW (O_TRUNC with
--force, still O_NOFOLLOW), so a file or link that appears between the check and the
write is refused too, not followed or clobbered.
"""

from __future__ import annotations

import os
import stat

from tui.core.errors import echo
from tui.errors import UsageError

STDOUT = "-"


def _why_not(path: str, force: bool, script: str | None) -> str | None:
    if path == "":
        return "is empty: give a file name, or - for stdout"
    if "\0" in path:
        return "contains a NUL byte"
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        parent = os.path.dirname(path) or "."
        if not os.path.isdir(parent):
            return f"cannot be created: {parent!r} is not a directory"
        return None
    except NotADirectoryError:
        return "cannot be created: a part of its path is not a directory"
    except OSError as e:
        return f"cannot be checked: {e.strerror}"
    if stat.S_ISLNK(st.st_mode):
        return "is a symbolic link: give the file it points to, if that is what you mean"
    if stat.S_ISDIR(st.st_mode):
        return "is a directory"
    if script is not None:
        try:
            sst = os.stat(script)
        except OSError:
            sst = None
        if sst is not None and (sst.st_dev, sst.st_ino) == (st.st_dev, st.st_ino):
            return "is the script itself"
    if not (stat.S_ISREG(st.st_mode) or stat.S_ISCHR(st.st_mode)):
        return "is not a regular file (a FIFO or a socket would block or fail)"
    if not force:
        return "exists: add --force to replace it"
    return None


def check(path: str, force: bool, script: str | None) -> None:
    """UsageError (one line naming FILE and the problem) unless ptview may write the trace there."""
    if path == STDOUT:
        return
    why = _why_not(path, force, script)
    if why is not None:
        raise UsageError(f"--trace {echo(path)} {why}")


def open_for_writing(path: str, force: bool):
    """The file to write the trace to (text, UTF-8); OSError if it cannot be opened.

    A char device (e.g. /dev/null with --force) takes no O_TRUNC worth having but accepts it."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0)
    flags |= os.O_TRUNC if force else os.O_EXCL
    fd = os.open(path, flags, 0o666)
    return os.fdopen(fd, "w", encoding="utf-8")
