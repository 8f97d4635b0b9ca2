"""The one way text from outside ptview reaches a screen.

Process and thread names, command lines, paths, host names, script source
and script output can be written by any local user, and a terminal obeys
whatever escape sequence it is sent (a window title, the clipboard through
OSC 52, leaving the alternate screen). Every surface that shows such text
(text printers, Rich segments, the code and output panes, the log, error
lines) passes it through `shown()`; only `--json` carries exact values,
escaped by JSON.

What `shown()` does, one line at a time (callers split multi-line text first):
- C0 controls and DEL in caret notation, as `cat -v` and `ps`'s visible
  forms do: ESC -> `^[`, BEL -> `^G`, TAB -> `^I`, DEL -> `^?`;
- C1 controls (U+0080-U+009F, which some terminals treat as ESC + a letter)
  as `<U+009B>`;
- format characters (bidi embeddings, overrides and isolates such as U+202E,
  zero-width joiners, the BOM) and the line/paragraph separators as
  `<U+202E>`: they cannot reorder or break what follows;
- invalid UTF-8 (undecodable bytes, lone surrogates from `surrogateescape`)
  as U+FFFD, as every UTF-8 decoder does.
Everything else printable (any script, emoji, non-breaking spaces) is kept.

Bytes from the OS (a comm, a command line, a path read from a process's
memory) are decoded with `exact()`: invalid UTF-8 becomes lone surrogates
(`surrogateescape`, as `os.fsdecode` and `os.readlink` do), so the value is
kept byte for byte. `shown()` turns those into U+FFFD on a screen; `--json`
(json.dumps, ASCII by default) writes them as `\\udcXX`, which `json.loads`
followed by `os.fsencode` turns back into the original bytes.
"""

from __future__ import annotations

import unicodedata

REPLACEMENT = "\ufffd"


def _visible(c: str) -> str:
    o = ord(c)
    if o < 0x20:
        return "^" + chr(o + 0x40)
    if o == 0x7F:
        return "^?"
    cat = unicodedata.category(c)
    if cat == "Cs":
        return REPLACEMENT
    if cat in ("Cc", "Cf", "Zl", "Zp"):
        return f"<U+{o:04X}>"
    return c  # Zs (no-break spaces), Co (private use), Cn (unassigned): harmless to a terminal


def exact(raw: bytes) -> str:
    """Bytes from /proc as a str that keeps them all: invalid UTF-8 as lone surrogates."""
    return raw.decode("utf-8", "surrogateescape")


def shown(text: str | bytes | None) -> str:
    """`text` safe to write to a terminal, on one line, with every control made visible."""
    if text is None:
        return ""
    if isinstance(text, (bytes, bytearray)):
        text = bytes(text).decode("utf-8", "replace")
    if text.isprintable():  # the common case costs one C-level scan
        return text
    return "".join(c if c.isprintable() else _visible(c) for c in text)


def shown_lines(text: str | bytes | None) -> list[str]:
    """Multi-line untrusted text (script source, output) as safe lines; a lone CR stays visible (`^M`)."""
    if text is None:
        return []
    if isinstance(text, (bytes, bytearray)):
        text = bytes(text).decode("utf-8", "replace")
    return [shown(line) for line in text.replace("\r\n", "\n").split("\n")]
