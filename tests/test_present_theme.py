"""Projector themes (issue 16): every piece of text on the screen at WCAG contrast >= 4.5:1.

Computed from the colours the themes produce: the presenter is rendered at beats where the
panes hold tasks (their fixed colours), the code and the caption, and each segment of text is
measured, fg against bg, after the app's own filters (dim drawn as a colour)."""

from __future__ import annotations

import pathlib

import pytest

from tui.cli import main
from tui.core.talk.check import check_talk
from tui.present_app import PresentApp
from widgets import style

TALK = pathlib.Path(__file__).resolve().parent.parent / "talks" / "processes-and-threads.toml"


def luminance(rgb: tuple[int, int, int]) -> float:
    def channel(c: int) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a, b) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def test_contrast_formula_on_known_pairs():
    assert contrast((0, 0, 0), (255, 255, 255)) == pytest.approx(21.0)
    assert contrast((0x77, 0x77, 0x77), (255, 255, 255)) == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize("palette, background", [("light", (255, 255, 255)), ("dark", (0, 0, 0))])
def test_every_task_colour_reads_on_its_theme_background(palette, background):
    colours, none = style.PALETTES[palette]
    for c in (*colours, none):
        rgb = tuple(int(c[i:i + 2], 16) for i in (1, 3, 5))
        assert contrast(rgb, background) >= 4.5, (palette, c)


def text_segments(app):
    """(text, fg, bg) for every run of visible text on the screen, as the terminal gets it."""
    from textual.color import Color

    update = app.screen._compositor.render_full_update()
    background = Color.parse(app.current_theme.background)
    for line in update.strips:
        for strip in line:
            for f in app._filters:
                strip = strip.apply_filter(f, background)
            for seg in strip:
                if not seg.text.strip() or seg.style is None or not any(ch.isalnum() for ch in seg.text):
                    continue
                fg, bg = seg.style.color, seg.style.bgcolor
                fg_rgb = fg.get_truecolor() if fg is not None else None
                bg_rgb = bg.get_truecolor() if bg is not None else None
                if seg.style.reverse:
                    fg_rgb, bg_rgb = bg_rgb, fg_rgb
                yield seg.text, tuple(fg_rgb), tuple(bg_rgb), bool(seg.style.dim)


@pytest.mark.parametrize("theme", ["projector-light", "projector-dark"])
async def test_all_text_of_presented_beats_has_contrast_4_5(theme):
    talk, plans = check_talk(str(TALK))
    app = PresentApp(talk, plans, str(TALK.parent), theme=theme)
    worst = []
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            # Tasks of every colour in the pool, timeline, log and loop panes; code; the caption.
            for keys in (["3", "pagedown", "pagedown"], ["4", "pagedown"], ["5"], ["7", "pagedown"], ["8"]):
                await pilot.press(*keys)
                await pilot.pause()
                for text, fg, bg, dim in text_segments(app):
                    assert not dim, "dim reached the terminal as SGR 2 instead of a computed colour"
                    c = contrast(fg, bg)
                    if c < 4.5:
                        worst.append((round(c, 2), text.strip()[:30], fg, bg))
    finally:
        style.use_palette("dark")  # the palette is the process's: leave it as the other tests expect
    assert not worst, sorted(worst)[:8]


def test_an_unknown_theme_is_one_line(capsys):
    assert main(["--present", str(TALK), "--theme", "sepia"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "projector-light" in err[0]


async def test_the_app_takes_a_projector_theme_too(tmp_path):
    from tui.app import PtviewApp

    app = PtviewApp(autoplay=False, seed=1)
    app.theme_name = "projector-light"
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            app.fire("pbkdf2", 1000)
            app.driver.advance(1)
            app.render_model()
            await pilot.pause()
            assert app.theme == "projector-light"
            assert style.task_colour(1) in style.LIGHT_TASK_COLOURS
            low = [(round(contrast(fg, bg), 2), t.strip()[:30]) for t, fg, bg, _ in text_segments(app)
                   if contrast(fg, bg) < 4.5]
            assert not low, low[:8]
    finally:
        style.use_palette("dark")


@pytest.mark.parametrize("argv", [["--tree", "--theme", "projector-light"], ["--theme", "sepia"],
                                  ["--check", str(TALK), "--theme", "projector-dark"]])
def test_theme_is_refused_where_it_does_nothing_or_is_unknown(argv, capsys):
    assert main(argv) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert ("no such theme" in err[0]) == ("sepia" in argv), err[0]
