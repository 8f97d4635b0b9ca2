"""The live loop thread's epoll: sockets, pipes, pidfds, and a wake-up fd.

Like libuv's loop, one selector watches every fd the loop cares about plus an
"async" fd that other threads write to (uv_async_send): pool completions and
signals wake the loop through it. Handlers run on the thread that polls.
"""

from __future__ import annotations

import os
import selectors
from typing import Callable

READ = selectors.EVENT_READ
WRITE = selectors.EVENT_WRITE


class Poller:
    def __init__(self) -> None:
        self.sel = selectors.DefaultSelector()
        self._r, self._w = os.pipe2(os.O_NONBLOCK | os.O_CLOEXEC)
        self._signalled = False
        self.sel.register(self._r, READ, self._drain)
        self.closed = False

    def watch(self, fileobj, events: int, handler: Callable[[int], None]) -> None:
        try:
            self.sel.modify(fileobj, events, handler)
        except KeyError:
            self.sel.register(fileobj, events, handler)

    def unwatch(self, fileobj) -> None:
        try:
            self.sel.unregister(fileobj)
        except (KeyError, ValueError):
            pass

    @property
    def wakeup_fd(self) -> int:
        """For signal.set_wakeup_fd: a signal caught on any thread then wakes the poll."""
        return self._w

    def wake(self) -> None:
        """Thread- and signal-safe; many wakes before a poll make one readiness, as uv_async_send."""
        if self._signalled or self.closed:
            return
        self._signalled = True
        try:
            os.write(self._w, b"!")
        except (BlockingIOError, OSError):
            pass

    def _drain(self, _mask: int) -> None:
        try:
            while os.read(self._r, 4096):
                pass
        except (BlockingIOError, OSError):
            pass
        # Only now, with the pipe empty, and before the caller drains its inbox: a post that
        # saw the flag still set is already in the inbox; any later one writes a new byte.
        self._signalled = False

    def poll(self, timeout: float | None) -> int:
        """Wait up to `timeout` seconds (None: forever, 0: don't block); run the ready handlers."""
        if self.closed:
            return 0
        n = 0
        ready = self.sel.select(timeout)
        registered = self.sel.get_map()
        for key, mask in ready:
            if registered.get(key.fd) is not key:
                continue  # an earlier handler of this batch closed or re-registered it
            key.data(mask)
            n += 1
        return n

    def close(self) -> None:
        if self.closed:
            return
        self.closed = True
        self.sel.close()
        os.close(self._r)
        os.close(self._w)
