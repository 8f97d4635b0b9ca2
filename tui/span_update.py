"""Partial screen updates that start at the first dirty cell, not at the widget's left edge.

Textual turns the regions widgets refresh into spans (line, x1, x2) and, for each widget cut
on a line, sends the cells from the cut's left edge to x2 (`ChopsUpdate.render_segments`; its
`__rich_console__` twin carries the upstream "TODO: crop to x extents"). A process row whose
PID and CPU figures changed in columns 60-70 of a 200-column tree resent columns 0-70. curses
sends only the cells that changed; with the crop on both sides so does ptview, as long as a
widget refreshes only the region that changed (`ProcLines.show`). The rest of the line is on
the terminal already: a dirty region is by definition everything that changed.

It also sends a style's SGR sequence only when the style changes (`_Sgr`), where Textual
wraps every segment in its sequence and a reset. The strips, the cuts, the spans and the SGR
codes are Textual's; nothing here reads terminal output back. A crop never starts or ends
inside a double-width character: it takes the whole character, one cell more, so the
terminal never gets half of one.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.color import ColorSystem
from rich.console import Console
from textual._compositor import ChopsUpdate
from textual.strip import Strip


def char_start(strip: Strip, offset: int) -> int:
    """The cell where the character covering `offset` begins (`offset` itself, or one cell
    before it when `offset` falls on the right half of a double-width character)."""
    return _char_at(strip, offset)[0]


def char_end(strip: Strip, offset: int) -> int:
    """The cell just after the character covering cell `offset - 1` (`offset` itself, or one
    cell after it when `offset - 1` is the left half of a double-width character)."""
    return _char_at(strip, offset - 1)[1] if offset > 0 else 0


def _char_at(strip: Strip, offset: int) -> tuple[int, int]:
    pos = 0
    for text, _style, control in strip:
        if control:
            continue
        width = cell_len(text)
        if pos + width <= offset:
            pos += width
            continue
        if width == len(text):  # one cell per character: every cell starts one
            return offset, offset + 1
        for ch in text:
            w = cell_len(ch)
            if pos + w > offset:
                return pos, pos + w
            pos += w
        return pos, pos
    return offset, offset + 1


class SpanUpdate(ChopsUpdate):
    """A ChopsUpdate that sends each span's cells only, cropped at x1 as well as at x2, and
    a style's SGR sequence only when the style changes."""

    @classmethod
    def of(cls, update: ChopsUpdate) -> SpanUpdate:
        return cls(update.chops, update.spans, update.chop_ends)

    def render_segments(self, console: Console) -> str:
        out = _Sgr(console._color_system or ColorSystem.TRUECOLOR)
        chops, chop_ends = self.chops, self.chop_ends
        for y, x1, x2 in self.spans:
            for end, (x, strip) in zip(chop_ends[y], chops[y].items()):
                if strip is None or x >= x2 or end <= x1:  # x2 is exclusive: the next cut's x
                    continue
                start = char_start(strip, x1 - x) if x < x1 else 0
                stop = char_end(strip, x2 - x) if x2 < end else end - x
                if stop <= start:
                    continue
                if start or stop < strip.cell_length:
                    strip = strip.crop(start, stop)
                # Each span starts with a cursor move, so Textual's newline between lines
                # (two bytes through the pty's ONLCR) is not needed.
                out.move_to(x + start, y)
                out.segments(strip)
        return out.done()


class _Sgr:
    """Terminal text with the SGR state carried from one segment to the next.

    Textual's Strip.render wraps every segment in its full SGR sequence and a reset, which is
    most of what a short span costs (issue 15: 62 % of the processes view's bytes under
    churn). Here a style's sequence goes out when it differs from the one in force, and the
    update ends in the reset state Textual's own writes assume. The codes are Textual's own
    (`Strip.render_ansi`)."""

    def __init__(self, color_system: ColorSystem) -> None:
        self.color_system = color_system
        self.parts: list[str] = []
        self.sgr = ""  # the codes in force; "" is the reset state

    def move_to(self, x: int, y: int) -> None:
        self.parts.append(f"\x1b[{y + 1};{x + 1}H")

    def segments(self, strip: Strip) -> None:
        append, render_ansi = self.parts.append, Strip.render_ansi
        for text, style, _control in strip:
            if style is None or style._link:
                # unstyled text, or a hyperlink: Textual's own rendering, from the reset state
                self._set("")
                append(text if style is None else Strip.render_style(style, text, self.color_system))
                continue
            self._set(render_ansi(style, self.color_system))
            append(text)

    def _set(self, sgr: str) -> None:
        if sgr != self.sgr:
            self.parts.append(f"\x1b[0;{sgr}m" if sgr and self.sgr else f"\x1b[{sgr or 0}m")
            self.sgr = sgr

    def done(self) -> str:
        self._set("")
        return "".join(self.parts)


def cropped(renderable: object) -> object:
    """The update `App._display` is about to write, with its spans cropped on both sides."""
    if type(renderable) is ChopsUpdate:
        return SpanUpdate.of(renderable)
    return renderable
