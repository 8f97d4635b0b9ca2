"""Projector themes: a high-contrast light one and a dark one, chosen with `--theme NAME`.

A projector washes colours out, and a terminal's faint (SGR 2) text is often unreadable on
it: these themes draw `dim` text as a computed colour (Textual's DimFilter) whose contrast
is known, and the panes' task colours switch to a palette that reads on white
(widgets/style.py). tests/test_present_theme.py computes WCAG contrast for every piece
of text on the screen, from the colours these themes produce.
"""

from __future__ import annotations

from textual.filter import DimFilter
from textual.theme import BUILTIN_THEMES, Theme

from widgets.style import use_palette

DIM_FACTOR = 0.8  # dim text: 80 % of the way from the background to the text colour
# The code pane's Pygments style: ANSI colours (the default) are pale on white once converted.
CODE_THEMES = {"projector-light": "default", "projector-dark": "ansi_dark"}

PROJECTOR_THEMES = {
    "projector-light": Theme(
        name="projector-light", dark=False, primary="#0b4f9c", secondary="#5a2d82", accent="#9c3d00",
        warning="#7a4f00", error="#a4161a", success="#1a6b3c", foreground="#000000", background="#ffffff",
        surface="#ffffff", panel="#e8e8e8", boost="#0b4f9c18", text_alpha=1.0, luminosity_spread=0.1,
        variables={"text-muted": "#333333", "border": "#0b4f9c", "footer-key-foreground": "#0b4f9c"}),
    "projector-dark": Theme(
        name="projector-dark", dark=True, primary="#62a8ff", secondary="#c8a2ff", accent="#ffb454",
        warning="#ffcc4d", error="#ff7b72", success="#56d364", foreground="#ffffff", background="#000000",
        surface="#000000", panel="#1c1c1c", boost="#62a8ff20", text_alpha=1.0, luminosity_spread=0.1,
        variables={"text-muted": "#cccccc", "border": "#62a8ff"}),
}
THEME_NAMES = tuple(PROJECTOR_THEMES) + tuple(sorted(BUILTIN_THEMES))


def theme_problem(name: str) -> str | None:
    """Why `name` cannot be used (one line for --theme), or None."""
    if name in THEME_NAMES:
        return None
    return (f"no such theme; projector-light and projector-dark are made for projectors; "
            f"also {', '.join(THEME_NAMES[2:])}")


def apply_theme(app, name: str) -> None:
    """Register and select `name` on `app`; the projector themes also fix dim text and task colours."""
    if name in PROJECTOR_THEMES:
        app.register_theme(PROJECTOR_THEMES[name])
        app._filters.append(DimFilter(DIM_FACTOR))  # dim as a colour of known contrast, not SGR 2
    app.theme = name
    use_palette("light" if not app.current_theme.dark else "dark")


def code_theme(name: str | None) -> str:
    """The code pane's style for theme `name` (None: the app's default, dark)."""
    if name is None:
        return "ansi_dark"
    if name in CODE_THEMES:
        return CODE_THEMES[name]
    return "ansi_dark" if BUILTIN_THEMES[name].dark else "ansi_light"
