"""Textual's Linux driver, sending only the cells that change (tui/screen_diff.py).

On by default; PTVIEW_RAW_OUTPUT=1 writes what Textual writes, as it is. ctrl+l (PaneApp)
redraws the whole screen, cell by cell, as curses programs do: a full repaint is never
filtered, in case something other than ptview wrote on the terminal.
"""

from __future__ import annotations

import os

from textual.drivers.linux_driver import LinuxDriver

from tui.screen_diff import ScreenDiff


def raw_output(environ=os.environ) -> bool:
    return environ.get("PTVIEW_RAW_OUTPUT", "") not in ("", "0")


class CompactLinuxDriver(LinuxDriver):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._diff = ScreenDiff()
        self._size = (0, 0)
        self._raw = raw_output()

    def start_application_mode(self) -> None:
        self._diff.resize(0, 0)  # (again, after ctrl+z): nothing known until the first write
        self._size = (0, 0)
        super().start_application_mode()

    def write(self, data: str) -> None:
        if self._raw:
            super().write(data)
            return
        try:
            size = self._get_terminal_size()
            if size != self._size:
                self._size = size
                self._diff.resize(*size)
            out = self._diff(data)
        except Exception:  # a bug here must cost bytes, not the app: as written, and start over
            self._diff.resize(0, 0)
            self._size = (0, 0)
            out = data
        super().write(out)
