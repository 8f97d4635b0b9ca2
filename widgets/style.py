"""Colours and small text helpers shared by the panes."""

from __future__ import annotations

from rich.text import Text

# Distinct on a 256-colour terminal and readable on dark and light themes.
TASK_COLOURS = ("#e5a50a", "#3daee9", "#c061cb", "#2ec27e", "#f66151", "#ff7800", "#99c1f1", "#b5835a")


def task_colour(task: int | None) -> str:
    if task is None:
        return "#888888"
    return TASK_COLOURS[task % len(TASK_COLOURS)]


def chip(label: str, task: int | None, selected: bool, width: int = 28) -> Text:
    """One queue entry: '#3 pbkdf2 …', coloured by task, reversed when selected."""
    text = f"#{task} {label}" if task is not None else label
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
