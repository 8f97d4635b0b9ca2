"""Partial updates go out from the first dirty cell (tui/span_update.py), the way curses sends
only the cells that changed, where Textual's own update resends from the widget's left edge."""

from __future__ import annotations

from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from textual._compositor import ChopsUpdate, LayoutUpdate
from textual.geometry import Region
from textual.strip import Strip

from tui.span_update import SpanUpdate, char_end, char_start, cropped

RED = Style(color="red")
CONSOLE = Console(color_system="truecolor", force_terminal=True, width=80)


def one_line(text: str, x1: int, x2: int, width: int = 40) -> ChopsUpdate:
    """One widget, the whole of a `width`-cell line, with cells [x1, x2) dirty."""
    strip = Strip([Segment(text, RED)]).adjust_cell_length(width, RED)
    return ChopsUpdate([{0: strip}], [(0, x1, x2)], [[width]])


def test_a_span_in_the_middle_of_a_widget_sends_its_cells_only():
    update = one_line("pid 4711 cpu 37.5 node", 13, 17)
    textual = update.render_segments(CONSOLE)
    ours = cropped(update).render_segments(CONSOLE)
    assert "pid 4711 cpu" in textual  # Textual's: from the widget's left edge
    assert "\x1b[1;14H" in ours and "37.5" in ours  # ours: the cursor goes to cell 13, 1-based 14
    assert "pid" not in ours and "node" not in ours
    assert len(ours) < len(textual)


def test_a_crop_never_sends_half_of_a_double_width_character():
    strip = Strip([Segment("ab漢字cd", RED)])
    assert [char_start(strip, x) for x in range(8)] == [0, 1, 2, 2, 4, 4, 6, 7]
    assert [char_end(strip, x) for x in range(1, 9)] == [1, 2, 4, 4, 6, 6, 7, 8]
    ours = SpanUpdate.of(one_line("ab漢字cd", 3, 5)).render_segments(CONSOLE)
    # cells 3-4 are the right half of 漢 and the left half of 字: both go out whole, from cell 2
    assert "\x1b[1;3H" in ours and "漢字" in ours and "ab" not in ours and "cd" not in ours


def test_spans_on_several_lines_and_several_widgets_each_go_out_cropped():
    left = Strip([Segment("left-pane-text", RED)]).adjust_cell_length(20, RED)
    right = Strip([Segment("right-pane-text", RED)]).adjust_cell_length(20, RED)
    update = ChopsUpdate([{0: left, 20: right}, {0: left, 20: right}],
                         [(0, 5, 25), (1, 26, 30)], [[20, 40], [20, 40]])
    # line 0: cells 5-19 of the left widget, then cells 0-4 of the right one; line 1: cells
    # 6-9 of the right one. One SGR sequence for the lot (one style), the reset at the end.
    assert SpanUpdate.of(update).render_segments(CONSOLE) == (
        "\x1b[1;6H\x1b[31mpane-text      \x1b[1;21Hright\x1b[2;27Hpane\x1b[0m")


def test_a_style_goes_out_when_it_changes_and_the_update_ends_reset():
    blue, bold = Style(color="blue"), Style(bold=True)
    strip = Strip([Segment("ab", RED), Segment("cd", blue), Segment("ef", blue + bold), Segment("gh")])
    update = ChopsUpdate([{0: strip}, {0: strip}], [(0, 0, 8), (1, 1, 3)], [[8], [8]])
    assert SpanUpdate.of(update).render_segments(CONSOLE) == (
        "\x1b[1;1H\x1b[31mab\x1b[0;34mcd\x1b[0;1;34mef\x1b[0mgh"  # a plain segment: reset
        "\x1b[2;2H\x1b[31mb\x1b[0;34mc\x1b[0m")
    # what the terminal shows is what Textual's own rendering shows
    import pyte
    def screen(data):
        sc = pyte.Screen(8, 2)
        pyte.Stream(sc).feed(data)
        return [[(c.data, c.fg, c.bold) for c in (sc.buffer[y][x] for x in range(8))] for y in range(2)]
    full = ChopsUpdate([{0: strip}, {0: strip}], [(0, 0, 8), (1, 0, 8)], [[8], [8]])
    assert screen(SpanUpdate.of(full).render_segments(CONSOLE)) == screen(full.render_segments(CONSOLE))


def test_only_partial_updates_are_cropped():
    layout = LayoutUpdate([[Strip([Segment("x")])]], Region(0, 0, 1, 1))
    assert cropped(layout) is layout
    assert type(cropped(one_line("x", 0, 1))) is SpanUpdate


def test_a_widget_that_starts_where_a_span_ends_sends_nothing():
    left = Strip([Segment("0123456789", RED)])
    right = Strip([Segment("ab", RED)])
    update = ChopsUpdate([{0: left, 10: right}], [(0, 8, 10)], [[10, 12]])
    assert SpanUpdate.of(update).render_segments(CONSOLE) == "\x1b[1;9H\x1b[31m89\x1b[0m"
