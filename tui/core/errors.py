"""Node-style errors: the code (ENOENT…) and the message Node prints."""

from __future__ import annotations

import errno
import os

from tui.core.untrusted import shown

# libuv's uv_strerror() texts for the codes ptview meets (src/uv-common.h UV_ERRNO_MAP).
_UV_MESSAGES = {
    "ENOENT": "no such file or directory",
    "EACCES": "permission denied",
    "EISDIR": "illegal operation on a directory",
    "ENOTDIR": "not a directory",
    "EPERM": "operation not permitted",
    "EMFILE": "too many open files",
    "ENXIO": "no such device or address",
    "ECANCELED": "operation canceled",
    "EBUSY": "resource busy or locked",
    "ECONNREFUSED": "connection refused",
    "ELOOP": "too many symbolic links encountered",
    "ENAMETOOLONG": "name too long",
    "EINVAL": "invalid argument",
    "EIO": "i/o error",
}


def one_line(text: str) -> str:
    """`text` on one printable line: user input echoed in a message must not break it (or the terminal)."""
    return shown(text)


def echo(text: str, limit: int = 60) -> str:
    """User input quoted in a message, cut to `limit` characters: a 5,000-digit argument
    stays a short line (and repr() already shows controls as escapes)."""
    return repr(text if len(text) <= limit else text[:limit] + "…")


class NodeError(Exception):
    """An operation's failure as Node reports it: `err.code` and `err.message`."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def uv_error(code: str, syscall: str, path: str | None = None) -> NodeError:
    text = _UV_MESSAGES.get(code)
    if text is None:
        num = getattr(errno, code, None)
        text = os.strerror(num).lower() if num else code.lower()
    msg = f"{code}: {text}, {syscall}"
    if path is not None:
        msg += f" '{path}'"
    return NodeError(code, msg)


def from_oserror(e: OSError, syscall: str, path: str | None = None) -> NodeError:
    code = errno.errorcode.get(e.errno or 0, "EIO")
    return uv_error(code, syscall, path)


def dns_error(code: str, syscall: str, host: str) -> NodeError:
    # lib/internal/errors.js DNSException: "getaddrinfo ENOTFOUND host"
    return NodeError(code, f"{syscall} {code} {host}")


def too_large(size: int) -> NodeError:
    return NodeError(
        "ERR_FS_FILE_TOO_LARGE", f"File size ({size}) is greater than the limit ptview reads"
    )
