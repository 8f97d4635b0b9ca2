"""An asciicast v2 file (asciinema's format): a JSON header line, then `[time, "o", data]` lines.

No library is used: the maintained asciinema 2.x (Python) is GPL-3.0 and ptview is MIT,
asciinema 3 is a Rust program, and what PyPI has besides (`asciicast`) drives the GPL
asciinema in a shell. The format is JSON lines, written here with the json module:
https://docs.asciinema.org/manual/asciicast/v2/
"""

from __future__ import annotations

import json
import os
import time


class CastExists(Exception):
    pass


class CastWriter:
    """Writes what a terminal was sent, with the time it was sent, to a new file."""

    def __init__(self, path: str, width: int, height: int, title: str | None = None,
                 env: dict | None = None) -> None:
        # O_EXCL: never replace a file (a symbolic link, even dangling, is refused as well).
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        except FileExistsError:
            raise CastExists(path) from None
        self._f = os.fdopen(fd, "w", encoding="utf-8")
        self._t0 = time.monotonic()
        header = {"version": 2, "width": width, "height": height, "timestamp": int(time.time())}
        if title:
            header["title"] = title
        if env:
            header["env"] = env
        self._line(header)

    def _line(self, obj) -> None:
        # ensure_ascii: a lone surrogate (undecodable bytes) stays representable as \udcXX.
        self._f.write(json.dumps(obj, ensure_ascii=True) + "\n")

    def output(self, data: str) -> None:
        if data and not self._f.closed:
            self._line([round(time.monotonic() - self._t0, 6), "o", data])

    def resize(self, width: int, height: int) -> None:
        if not self._f.closed:
            self._line([round(time.monotonic() - self._t0, 6), "r", f"{width}x{height}"])

    def close(self) -> None:
        if not self._f.closed:
            self._f.close()
