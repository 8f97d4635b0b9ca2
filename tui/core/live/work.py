"""Live mode's real work: what a pool job does on its worker thread.

fs jobs go through aiofiles with the pool thread itself as aiofiles'
executor: each worker thread owns an asyncio loop, and the executor handed to
aiofiles runs the blocking call right there, on the calling worker thread.
We use `aiofiles.os.wrap(os.open/os.read/os.close)` and `aiofiles.os.stat`
rather than `aiofiles.open()`: a Python file object fstat()s inside open()
and refuses directories there, while Node's readFile is open → fstat → read
→ close as four jobs and fails a directory at read (EISDIR). The wrapped
calls are exactly libuv's syscalls, one job each.
"""

from __future__ import annotations

import asyncio
import collections
import hashlib
import os
import socket
import stat as st
import threading
import zlib
from concurrent.futures import Executor, Future
from types import SimpleNamespace
from typing import Any, Callable

from tui.core.errors import NodeError, dns_error, from_oserror

_aio_calls = None


def _aiofiles() -> SimpleNamespace:
    """aiofiles' stat and wrapped open/read/close, loaded by the first file job: aiofiles brings
    ssl and tempfile machinery along, ~12 ms the app's first frame does not need. Two workers
    racing here both get working calls (the import lock orders them)."""
    global _aio_calls
    if _aio_calls is None:
        import aiofiles.os

        _aio_calls = SimpleNamespace(stat=aiofiles.os.stat, open=aiofiles.os.wrap(os.open),
                                     read=aiofiles.os.wrap(os.read), close=aiofiles.os.wrap(os.close))
    return _aio_calls

PBKDF2_PASSWORD = b"secret"
PBKDF2_SALT = b"salt"
PBKDF2_KEYLEN = 64


class OnThisThread(Executor):
    """An Executor whose submit() runs the call on the calling thread: the pool worker."""

    def submit(self, fn, /, *args, **kwargs) -> Future:
        f: Future = Future()
        try:
            f.set_result(fn(*args, **kwargs))
        except BaseException as e:  # noqa: BLE001 - handed to the awaiting coroutine
            f.set_exception(e)
        return f


class LiveFile:
    """What a live `fs.open` returned: a real fd (and, for gzip, the bytes read so far)."""

    __slots__ = ("fd", "path", "keep", "data")

    def __init__(self, fd: int, path: str, keep: bool) -> None:
        self.fd = fd
        self.path = path
        self.keep = keep
        self.data: list[bytes] = []

    def __str__(self) -> str:
        return f"fd {self.fd}"

    def release(self) -> None:
        """Drop the bytes read: a finished task keeps its jobs (and so this object) for the UI,
        and a failed gzip of an endless file would otherwise hold 64 MiB each (issue 14)."""
        self.data = []


_GAI_CODES = {socket.EAI_NONAME: "ENOTFOUND", socket.EAI_AGAIN: "EAI_AGAIN",
              getattr(socket, "EAI_NODATA", -5): "ENOTFOUND", socket.EAI_FAIL: "EAI_FAIL"}


class Address(tuple):
    """(address, family) as dns.lookup's callback gets them; shown as the address."""

    def __str__(self) -> str:
        return self[0]


class LiveWork:
    """Runs one job's real work; called on a pool thread. Returns (result, NodeError | None)."""

    def __init__(self, getaddrinfo: Callable = socket.getaddrinfo) -> None:
        self.getaddrinfo = getaddrinfo
        self._local = threading.local()
        self._inline = OnThisThread()

    def _aio(self, coro):
        loop = getattr(self._local, "loop", None)
        if loop is None:
            loop = self._local.loop = asyncio.new_event_loop()
        return loop.run_until_complete(coro)

    def thread_exit(self) -> None:
        """Close this worker thread's asyncio loop (left to the GC, it complains at exit)."""
        loop = getattr(self._local, "loop", None)
        if loop is not None:
            self._local.loop = None
            loop.close()

    def run(self, op: str, args: dict) -> tuple[Any, NodeError | None]:
        fn = getattr(self, "_" + op.replace(".", "_"), None)
        if fn is None:
            return None, NodeError("ENOSYS", f"ENOSYS: {op} has no live implementation")
        try:
            return fn(args), None
        except NodeError as e:
            return None, e
        except OSError as e:
            return None, from_oserror(e, op.split(".")[-1], args.get("path"))

    # -- fs ---------------------------------------------------------------------------

    def _fs_open(self, a):
        path = a["path"]
        fd = self._aio(_aiofiles().open(path, os.O_RDONLY | os.O_CLOEXEC, executor=self._inline))
        return LiveFile(fd, path, bool(a.get("keep")))

    def _fs_fstat(self, a):
        s = self._aio(_aiofiles().stat(a["file"].fd, executor=self._inline))
        return s.st_size if st.S_ISREG(s.st_mode) else 0

    def _fs_read(self, a):
        f: LiveFile = a["file"]
        data = self._aio(_aiofiles().read(f.fd, a["length"], executor=self._inline))
        if f.keep:
            f.data.append(data)
        return len(data)

    def _fs_close(self, a):
        self._aio(_aiofiles().close(a["file"].fd, executor=self._inline))

    def _fs_stat(self, a):
        return self._aio(_aiofiles().stat(a["path"], executor=self._inline)).st_size

    # -- dns, crypto, zlib -------------------------------------------------------------

    def _dns_lookup(self, a):
        host = a["host"]
        try:
            infos = self.getaddrinfo(host, None, 0, socket.SOCK_STREAM)
        except socket.gaierror as e:
            code = _GAI_CODES.get(e.errno, "ENOTFOUND")
            raise dns_error(code, "getaddrinfo", host) from None
        family, _, _, _, sockaddr = infos[0]
        return Address((sockaddr[0], 6 if family == socket.AF_INET6 else 4))

    def _crypto_pbkdf2(self, a):
        key = hashlib.pbkdf2_hmac("sha512", PBKDF2_PASSWORD, PBKDF2_SALT, a["iterations"], PBKDF2_KEYLEN)
        return f"key {key[:8].hex()}…"

    def _zlib_gzip(self, a):
        stream = a.get("stream")
        if stream is None:  # no source bytes given: deflate a modelled chunk of zeros
            return len(zlib.compress(bytes(a["out"])))
        if "z" not in stream:
            src = a.get("src")
            # The read buffers themselves, handed over (not joined: a copy would double the peak
            # for a big file) and released piece by piece as they are deflated.
            bufs = [memoryview(b) for b in src.data] if src is not None else []
            if src is not None:
                src.data = []
            stream["bufs"] = collections.deque(bufs)
            stream["size"] = sum(len(b) for b in bufs)
            stream["z"] = zlib.compressobj(6, zlib.DEFLATED, 31)  # wbits 31: a gzip header, as zlib.gzip
            stream["total"] = 0
        size, i, n = stream["size"], a["index"], a["chunks"]
        z, bufs = stream["z"], stream["bufs"]
        want = size * (i + 1) // n - size * i // n
        out = b""
        while want > 0 and bufs:
            buf = bufs.popleft()
            if len(buf) > want:
                bufs.appendleft(buf[want:])
                buf = buf[:want]
            out += z.compress(buf)
            want -= len(buf)
        if i == n - 1:
            out += z.flush()
            stream.pop("bufs")
        stream["total"] += len(out)
        return len(out)
