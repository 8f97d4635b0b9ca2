"""A terminal that is not UTF-8 gets ASCII: box drawing, arrows and blocks as + - | > # .

ptview draws with box drawing, arrows and block elements; on a terminal set to
another charset (`LANG=C` over SSH, a serial console) those arrive as mojibake.
The locale says what the terminal expects. Python itself coerces a C locale to
C.UTF-8 (PEP 538: it sets LC_CTYPE=C.UTF-8 and encodes UTF-8 whatever the
terminal is), so the decision reads the locale variables as the user set them.

`to_ascii()` keeps every string the same width in cells, so a layout made for
the Unicode glyphs lines up in ASCII: a wide (East Asian) character becomes two
question marks, anything else one ASCII character.
"""

from __future__ import annotations

import unicodedata
from typing import Mapping

# Glyphs ptview and Textual draw, and what stands for each in ASCII.
_FIXED = {
    "›": ">", "‹": "<", "▶": ">", "▸": ">", "►": ">", "◀": "<", "▼": "v", "▾": "v", "▲": "^", "▴": "^",
    "→": ">", "←": "<", "↑": "^", "↓": "v", "↳": ">", "❯": ">", "⟳": "@", "⏎": "<", "⏸": "=",
    "●": "*", "○": "o", "◆": "*", "◇": "o", "■": "#", "□": "o", "•": "*", "·": ".", "✓": "v", "✗": "x",
    "—": "-", "–": "-", "…": ".", "×": "x", "µ": "u", "≥": ">", "≤": "<", "≈": "~", "±": "+",
    "‘": "'", "’": "'", "“": '"', "”": '"', "\u00a0": " ",
    "█": "#", "▓": "#", "▒": ":", "░": ".", "▏": "|", "▕": "|", "▔": "-", "▁": "_",
}


def locale_is_utf8(env: Mapping[str, str]) -> bool:
    """Whether the terminal expects UTF-8, from LC_ALL, then LC_CTYPE, then LANG (POSIX order)."""
    lc_all, lc_ctype, lang = env.get("LC_ALL", ""), env.get("LC_CTYPE", ""), env.get("LANG", "")
    if lc_all:
        return "utf8" in lc_all.lower().replace("-", "")
    if lc_ctype == "C.UTF-8" and lang in ("", "C", "POSIX"):
        return False  # Python's own coercion of a C locale (PEP 538), not the user's choice
    name = (lc_ctype or lang).lower().replace("-", "")
    return "utf8" in name


def _ascii_for(c: str) -> str:
    if c in _FIXED:
        return _FIXED[c]
    o = ord(c)
    if 0x2500 <= o <= 0x257F:  # box drawing: lines and their joints
        name = unicodedata.name(c, "")
        horizontal, vertical = "HORIZONTAL" in name, "VERTICAL" in name
        if horizontal and not vertical:
            return "-"
        if vertical and not horizontal:
            return "|"
        return "+"
    if 0x2580 <= o <= 0x259F:  # block elements: part of a bar or a scrollbar's end
        return "#"
    if unicodedata.combining(c):
        return ""  # it joins the previous cell
    return "??" if unicodedata.east_asian_width(c) in ("W", "F") else "?"


_cache: dict[int, str] = {}


def to_ascii(text: str) -> str:
    """`text` in ASCII, cell for cell; escape sequences (already ASCII) pass unchanged."""
    if text.isascii():
        return text
    for c in set(text):
        o = ord(c)
        if o > 0x7F and o not in _cache:
            _cache[o] = _ascii_for(c)
    return text.translate(_cache)
