"""Textual's terminal driver, writing ASCII for a terminal whose locale is not UTF-8 (LANG=C)."""

from __future__ import annotations

import os

from textual.driver import Driver
from textual.drivers.linux_driver import LinuxDriver
from textual.scrollbar import ScrollBarRender

from tui.core.charset import locale_is_utf8, to_ascii


def terminal_driver(driver: type[Driver]) -> type[Driver]:
    """`driver`, or its ASCII twin when it draws on a terminal and the locale is not UTF-8.

    A headless driver (tests) or a browser's (--serve) has no terminal charset to follow."""
    if issubclass(driver, LinuxDriver) and not locale_is_utf8(os.environ):
        return writing_ascii(driver)
    return driver


def writing_ascii(base: type[Driver]) -> type[Driver]:
    """`base`, with everything it writes made ASCII first.

    Everything the app draws goes through one place on its way out: the glyphs of every
    pane, Textual's borders and scrollbars, and the text a user gave all become ASCII there,
    cell for cell, so no screen needs a second set of glyphs. A subclass of `base` rather
    than of LinuxDriver: --record's driver goes below it, and so records what the
    terminal is sent, ASCII included."""

    class AsciiDriver(base):  # type: ignore[misc, valid-type]
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            # A scrollbar's thumb ends are eighth blocks: plain cells in ASCII (its colours remain).
            ScrollBarRender.VERTICAL_BARS = [" "] * 8
            ScrollBarRender.HORIZONTAL_BARS = [" "] * 8

        def write(self, data: str) -> None:
            super().write(to_ascii(data))

    AsciiDriver.__name__ = f"Ascii{base.__name__}"
    return AsciiDriver
