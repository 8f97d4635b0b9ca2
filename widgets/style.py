"""Colours and small text helpers shared by the panes."""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len
from rich.text import Text

from tui.core.untrusted import shown

# Distinct on a 256-colour terminal and readable on dark themes; on a light one (a projector's
# white) they are too pale, so a light theme switches to darker ones of the same hues, each at
# least 4.5:1 on white (tests/test_present_theme.py computes it).
TASK_COLOURS = ("#e5a50a", "#3daee9", "#c061cb", "#2ec27e", "#f66151", "#ff7800", "#99c1f1", "#b5835a")
LIGHT_TASK_COLOURS = ("#7a4f00", "#0a5a8c", "#7e2a8c", "#146b3a", "#a8201a", "#9a4300", "#2f4f8f", "#6b4526")
PALETTES = {"dark": (TASK_COLOURS, "#888888"), "light": (LIGHT_TASK_COLOURS, "#555555")}
_palette = PALETTES["dark"]


def use_palette(name: str) -> None:
    """Task colours for a dark or a light background (the app's theme decides)."""
    global _palette
    _palette = PALETTES[name]


def task_colour(task: int | None) -> str:
    colours, none = _palette
    if task is None:
        return none
    return colours[task % len(colours)]


def thread_tag(thread: int) -> str:
    """Which loop a pool job came from, on its chip: '' for the main thread, 'W2' for Worker 2."""
    return f"W{thread}" if thread else ""


def chip(label: str, task: int | None, selected: bool, width: int = 28, thread: int = 0) -> Text:
    """One queue entry: '#3 pbkdf2 …', coloured by task, reversed when selected; a pool job that
    a Worker submitted says which: 'W1 #3 pbkdf2 …' (the pool is one per process).

    Labels quote paths and host names (`fs.readFile /tmp/x`): shown() before they are cut,
    and as Text, never markup; the loop and pool panes draw every label through here."""
    label = shown(label)
    text = f"#{task} {label}" if task is not None else label
    if thread:
        text = f"{thread_tag(thread)} {text}"
    if len(text) > width:
        text = text[: width - 1] + "…"
    style = f"bold {task_colour(task)}"
    if selected:
        style += " reverse"
    return Text(f" {text} ", style=style)


def ms(v: float) -> str:
    if v >= 10_000:
        return f"{v / 1000:,.1f} s"
    if v >= 100:
        return f"{v:,.0f} ms"
    if v >= 1:
        return f"{v:.1f} ms"
    return f"{v:.2f} ms"


def changed_span(a: str, b: str, ka: Sequence[object] = (), kb: Sequence[object] = ()
                 ) -> tuple[int, int] | None:
    """The cells [start, end) where two renderings of a line differ, or None if they do not.

    `ka`/`kb`, when given, say each character's kind of style (one item per character): a
    character whose kind changed has changed too. Past the shorter line, characters are
    blanks of no kind. A widget that refreshes only this region of the line has only
    these cells sent (tui/span_update.py), as curses would."""
    n = max(len(a), len(b))
    a, b = a.ljust(n), b.ljust(n)
    if ka or kb:
        ka = list(ka) + [None] * (n - len(ka))
        kb = list(kb) + [None] * (n - len(kb))
        same = [a[i] == b[i] and ka[i] == kb[i] for i in range(n)]
    else:
        same = [a[i] == b[i] for i in range(n)]
    first = next((i for i in range(n) if not same[i]), None)
    if first is None:
        return None
    last = next(i for i in range(n - 1, -1, -1) if not same[i])
    return cell_len(a[:first]), max(cell_len(a[: last + 1]), cell_len(b[: last + 1]))


def pack(groups: list[Text], width: int, indent: str = " ", gap: str | Text = " ") -> list[Text]:
    """Lay out label/value groups on as few lines as `width` allows, breaking only between groups.

    A pane that lets Rich wrap its lines breaks a label from its value ("late 0.00" / "ms",
    "queued" / "0") at in-between sizes; each group here moves to the next line whole. A group
    wider than the line is cropped, never wrapped."""
    gap = gap if isinstance(gap, Text) else Text(gap)
    lines: list[Text] = []
    line = Text(indent, no_wrap=True)
    for group in groups:
        sep = gap.cell_len if line.cell_len > len(indent) else 0
        if sep and width and line.cell_len + sep + group.cell_len > width:
            lines.append(line)
            line = Text(indent, no_wrap=True)
            sep = 0
        if sep:
            line.append_text(gap)
        line.append_text(group)
    lines.append(line)
    for t in lines:
        t.no_wrap = True
        t.overflow = "crop"
        if width:
            t.truncate(width)
    return lines
