"""Where each key of a TOML file is written, by line: tomllib gives no positions.

tomllib reports the line of a syntax error, but a semantic one (a beat that can never
be reached, a pane that does not exist) is found after parsing, on plain dicts. To name
its line we scan the source: table headers (`[[scene]]`, `[[scene.beat]]`, `[x.y]`) and
`key =` lines, skipping multi-line strings. Paths are tuples like
("scene", 1, "beat", 0, "until") with 0-based indexes of array-of-tables entries.
"""

from __future__ import annotations

import re

_ARRAY = re.compile(r"^\s*\[\[\s*([A-Za-z0-9_.-]+)\s*\]\]")
_TABLE = re.compile(r"^\s*\[\s*([A-Za-z0-9_.-]+)\s*\]")
_KEY = re.compile(r"""^\s*([A-Za-z0-9_-]+|"[^"]*"|'[^']*')\s*=""")


class Positions:
    def __init__(self, source: str) -> None:
        self.lines: dict[tuple, int] = {}
        counts: dict[tuple, int] = {}   # array-of-tables path (with parent indexes) -> entries so far
        current: tuple = ()
        in_string: str | None = None
        for n, line in enumerate(source.splitlines(), 1):
            if in_string is not None:
                if line.count(in_string) % 2 == 1:
                    in_string = None
                continue
            m = _ARRAY.match(line)
            if m:
                parent = self._resolve(m.group(1).split(".")[:-1], counts)
                key = parent + (m.group(1).split(".")[-1],)
                index = counts.get(key, 0)
                counts[key] = index + 1
                current = key + (index,)
                self.lines.setdefault(current, n)
                continue
            m = _TABLE.match(line)
            if m:
                current = self._resolve(m.group(1).split("."), counts)
                self.lines.setdefault(current, n)
                continue
            m = _KEY.match(line)
            if m:
                self.lines.setdefault(current + (m.group(1).strip("\"'"),), n)
                rest = line[m.end():]
                for quote in ('"""', "'''"):
                    if rest.count(quote) % 2 == 1:
                        in_string = quote

    @staticmethod
    def _resolve(names: list[str], counts: dict[tuple, int]) -> tuple:
        """`scene.beat` inside the third [[scene]] is ("scene", 2, "beat")."""
        path: tuple = ()
        for name in names:
            path += (name,)
            if path in counts:
                path += (counts[path] - 1,)
        return path

    def line(self, path: tuple) -> int:
        """The line of `path`, or of the nearest enclosing table written in the file, or 1."""
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return 1
