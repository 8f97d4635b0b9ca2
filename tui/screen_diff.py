"""Textual's output less what the terminal already shows: a shadow of the screen, cell by cell.

Textual repaints a changed line from the left edge of its widget (or of the change) to the
end of the change, and wraps each run of one style in a full SGR sequence and a reset: a
process pane whose pid and RSS columns change sends every such line with its colours again.
Over SSH those bytes are what the user pays (DESIGN.md: low bandwidth, redraw only what
changed), and htop, through curses, sends only the cells that changed.

`ScreenDiff` keeps what each cell of the terminal shows (its character and its SGR "pen") and
turns each write into the cells that differ: the cursor jumps over the cells that are already
right, a pen is set only when it changes, a line feed that a cursor position follows is
dropped. What it does not model — an escape sequence other than cursor position, SGR and
a few mode switches, a control character, text at an unknown place — goes through as it is,
and what the screen shows is then unknown (so sent again) until Textual draws over it.
Everything ends each write as Textual left it: cursor where Textual put it, pen reset.

Pure string processing, no Textual: the driver (tui/compact_driver.py) calls it.
"""

from __future__ import annotations

import re

from rich.cells import get_character_cell_size

# A CSI sequence (ECMA-48: parameters 0x30-0x3F, intermediates 0x20-0x2F, final 0x40-0x7E); a
# string sequence (OSC, DCS, APC, PM, SOS) up to BEL or ST; any other escape; one control
# character; a run of anything else (text).
_TOKEN = re.compile(
    r"\x1b\[([0-?]*)([ -/]*)([@-~])"
    r"|\x1b[\]P_^X][^\x07\x1b]*(?:\x07|\x1b\\)?"
    r"|\x1b[\s\S]?"
    r"|[\x00-\x1f\x7f]"
    r"|[^\x00-\x1f\x7f\x1b]+"
)
_ROW_START = re.compile(r"\x1b\[(\d+);1H")
_SGR = re.compile(r"\x1b\[([0-9;:]*)m")
# Private modes that neither move the cursor nor change a cell: cursor shown, synchronized
# output, mouse and focus reports, bracketed paste, autowrap, cursor blink.
_HARMLESS_MODES = frozenset({"25", "2026", "1000", "1002", "1003", "1004", "1005", "1006", "1015", "1016",
                             "2004", "7", "12"})
_TAIL = "\0"  # the right half of a wide character


def _narrow(text: str) -> bool:
    """Every character takes one cell (ASCII, box drawing, most symbols): the run maps onto
    cells one for one. Widths as Rich (and so Textual) counts them."""
    return text.isascii() or all(get_character_cell_size(c) == 1 for c in set(text))


class ScreenDiff:
    """Filter for one terminal's output. `resize(w, h)` when its size is known or changes
    (every cell becomes unknown); `__call__(data)` returns what to write instead of `data`."""

    def __init__(self, width: int = 0, height: int = 0) -> None:
        self.w = 0
        self.h = 0
        self.chars: list[list[str | None]] = []  # None: not known
        self.pens: list[list[str | None]] = []
        self.y: int | None = None  # where Textual's cursor is
        self.x: int | None = None
        self.ry: int | None = None  # where the terminal's cursor is
        self.rx: int | None = None
        self.pen = ""  # Textual's pen: SGR parameters since the last reset, "" for none
        self.rpen: str | None = ""  # the terminal's pen; None: not known
        self.resize(width, height)

    def resize(self, width: int, height: int) -> None:
        self.w, self.h = max(width, 0), max(height, 0)
        self.forget()

    def forget(self) -> None:
        """Nothing on the screen is known any more (cursor included)."""
        self.chars = [[None] * self.w for _ in range(self.h)]
        self.pens = [[None] * self.w for _ in range(self.h)]
        self.y = self.x = self.ry = self.rx = None

    # -- the filter ------------------------------------------------------------------------

    def __call__(self, data: str) -> str:
        if not self.w or not self.h:
            return data
        # A repaint of the whole screen (start-up, a resize, ctrl+l): every line from its first
        # column. It goes out as it is, as curses does for a redraw (something else may have
        # written there), and costs no parsing: the cells it drew become known again as Textual
        # repaints them, which it does to the ones that change.
        if len(set(_ROW_START.findall(data))) >= self.h:
            self.forget()
            pens = _SGR.findall(data)
            if not pens or pens[-1] in ("", "0"):
                self.pen = self.rpen = ""  # as Textual leaves a frame
                return data
        out: list[str] = []
        tokens = list(_TOKEN.finditer(data))
        for i, m in enumerate(tokens):
            token = m.group(0)
            if m.group(3) is not None:
                self._csi(token, m.group(1), m.group(2), m.group(3), out)
            elif token[0] == "\x1b":
                self._sync(out)
                out.append(token)
                self.forget()  # a save/restore of the cursor, a title, a reset: not modelled
            elif token == "\n":
                nxt = tokens[i + 1] if i + 1 < len(tokens) else None
                if (nxt is not None and nxt.group(3) in ("H", "f") and not nxt.group(2)
                        and self.y is not None and self.y < self.h - 1):
                    continue  # a cursor position follows, and nothing scrolls: it moves nothing
                self._sync(out)
                out.append(token)
                if self.y is None or self.y >= self.h - 1:
                    self.forget()  # it may have scrolled the screen
                self.y = self.x = self.ry = self.rx = None
            elif token == "\r":
                if self.y is not None:
                    self.x = 0
                else:
                    out.append(token)
            elif len(token) == 1 and (token < " " or token == "\x7f"):  # another control character
                self._sync(out)
                out.append(token)
                if token != "\x07":  # all but the bell move the cursor or more
                    self.forget()
            else:
                self._text(token, out)
        self._sync(out)
        if self.rpen != self.pen:
            self._set_pen(self.pen, out)
        return "".join(out)

    def _csi(self, token: str, params: str, inter: str, final: str, out: list[str]) -> None:
        if not inter and final in ("H", "f") and (not params or params.replace(";", "").isdigit()):
            parts = params.split(";") if params else []
            row = int(parts[0]) if parts and parts[0] else 1
            col = int(parts[1]) if len(parts) > 1 and parts[1] else 1
            y, x = max(row, 1) - 1, max(col, 1) - 1
            if y < self.h and x < self.w:
                self.y, self.x = y, x
            else:  # drawn for another size (the terminal was resized meanwhile): as it is
                out.append(token)
                self.y = self.x = self.ry = self.rx = None
            return
        if not inter and final == "m" and not params[:1] in ("<", "=", ">", "?"):
            if params in ("", "0"):
                self.pen = ""
            else:
                while params.startswith("0;"):
                    params = params[2:]
                    self.pen = ""
                self.pen = f"{self.pen};{params}" if self.pen else params
            return
        if not inter and final in ("h", "l") and params.startswith("?") and \
                all(p in _HARMLESS_MODES for p in params[1:].split(";")):
            out.append(token)
            return
        # Anything else may depend on the cursor or the pen (an erase fills with the background)
        # and may change cells: as Textual wrote it, in place, and then nothing is known.
        self._sync(out)
        out.append(token)
        self.forget()

    def _text(self, text: str, out: list[str]) -> None:
        y, x, pen = self.y, self.x, self.pen
        if y is None or x is None:
            self._sync(out)
            self._set_pen(pen, out)
            out.append(text)
            self.forget()
            return
        chars, pens = self.chars[y], self.pens[y]
        w = self.w
        n = len(text)
        if x + n <= w and _narrow(text):
            # The usual case: one cell a character. Already on screen as a whole: nothing to send.
            cells = chars[x:x + n]
            if cells == list(text) and pens[x:x + n] == [pen] * n:
                self.x = x + n
                return
            if cells.count(None) == n and (x + n == w or chars[x + n] != _TAIL):
                # Not known at all (after a full repaint began): the run as it is, in one piece.
                self._goto(y, x, out)
                self._set_pen(pen, out)
                out.append(text)
                chars[x:x + n] = text
                pens[x:x + n] = [pen] * n
                self.x = self.rx = x + n
                self.ry = y
                return
        for i, ch in enumerate(text):
            cw = 1 if ch.isascii() else get_character_cell_size(ch)
            if cw == 0 or x + cw > w:
                # A combining mark, or past the right edge: the rest as written, from where
                # Textual is; where it lands is not modelled.
                self._goto(y, x, out)
                self._set_pen(pen, out)
                out.append(text[i:])
                self.forget()
                return
            if chars[x] == ch and pens[x] == pen and (cw == 1 or (chars[x + 1] == _TAIL and pens[x + 1] == pen)):
                x += cw
                continue
            self._goto(y, x, out)
            self._set_pen(pen, out)
            out.append(ch)
            if chars[x] == _TAIL:
                chars[x - 1] = pens[x - 1] = None  # the right half of a wide character overwritten
            end = x + cw
            if end < w and chars[end] == _TAIL:
                chars[end] = pens[end] = None  # ... or its left half
            chars[x], pens[x] = ch, pen
            if cw == 2:
                chars[x + 1], pens[x + 1] = _TAIL, pen
            x = end
            self.ry, self.rx = y, x  # x == w: at the last column, waiting to wrap
        self.x = x

    # -- what the terminal is told ------------------------------------------------------------

    def _goto(self, y: int, x: int, out: list[str]) -> None:
        ry, rx = self.ry, self.rx
        if ry == y and rx == x:
            return
        if ry == y and rx is not None and rx < x:
            gap = x - rx
            chars, pens = self.chars[y], self.pens[y]
            if gap <= 3 and self.rpen is not None and all(
                    chars[i] is not None and chars[i] != _TAIL and pens[i] == self.rpen
                    and (i + 1 >= self.w or chars[i + 1] != _TAIL) for i in range(rx, x)):
                out.append("".join(chars[rx:x]))  # shorter than a cursor movement, same cells
            else:
                out.append(f"\x1b[{gap}C" if gap > 1 else "\x1b[C")
        else:
            out.append(f"\x1b[{y + 1};{x + 1}H")
        self.ry, self.rx = y, x

    def _set_pen(self, pen: str, out: list[str]) -> None:
        rpen = self.rpen
        if rpen == pen:
            return
        if not pen:
            out.append("\x1b[0m")
        elif rpen == "":
            out.append(f"\x1b[{pen}m")
        elif rpen is not None and pen.startswith(rpen + ";"):
            out.append(f"\x1b[{pen[len(rpen) + 1:]}m")
        else:
            out.append(f"\x1b[0;{pen}m")
        self.rpen = pen

    def _sync(self, out: list[str]) -> None:
        """The terminal's cursor where Textual's is (before something that depends on it)."""
        y, x = self.y, self.x
        if y is None or x is None or (self.ry, self.rx) == (y, x):
            return
        if x < self.w:
            self._goto(y, x, out)
            return
        # Past the last column: the terminal is there only by writing that column, and waits to
        # wrap. Written again (it is on screen), the terminal is left in the same state.
        last, pen = self.chars[y][self.w - 1], self.pens[y][self.w - 1]
        if last is None or last == _TAIL or pen is None:
            self.ry = self.rx = None  # cannot be reproduced; nothing Textual writes relies on it
            return
        self._goto(y, self.w - 1, out)
        self._set_pen(pen, out)
        out.append(last)
        self.ry, self.rx = y, self.w
