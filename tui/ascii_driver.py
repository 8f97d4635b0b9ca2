"""Textual's Linux driver, writing ASCII for a terminal whose locale is not UTF-8 (LANG=C)."""

from __future__ import annotations

from textual.scrollbar import ScrollBarRender

from tui.compact_driver import CompactLinuxDriver
from tui.core.charset import to_ascii


class AsciiLinuxDriver(CompactLinuxDriver):
    """Everything the app draws goes through one place on its way out: the glyphs of every
    pane, Textual's borders and scrollbars, and the text a user gave all become ASCII there,
    cell for cell, so no screen needs a second set of glyphs."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # A scrollbar's thumb ends are eighth blocks: plain cells in ASCII (its colours remain).
        ScrollBarRender.VERTICAL_BARS = [" "] * 8
        ScrollBarRender.HORIZONTAL_BARS = [" "] * 8

    def write(self, data: str) -> None:
        super().write(to_ascii(data))
