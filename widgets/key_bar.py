"""The key hints on the bottom line: what Textual's compact Footer shows, as one widget.

The Footer mounts a widget per binding (31 here) and restyles them all at
startup and whenever focus moves; that was a third of ptview's time to the
first frame. One line of text costs one widget and renders in microseconds.
"""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget


# Actions that always come first, in this order: how to get help and how to leave.
FIRST = ("help", "quit")
# Then, after the palette, the keys that drive any view: pause, step, and the view switches
# (shown as one entry, since at 80x24 the hidden panes are only a key away).
DRIVE = ("toggle_pause", "step", "view")


class KeyBar(Widget, can_focus=False):
    ALLOW_SELECT = False
    COMPONENT_CLASSES = {"key-bar--key", "key-bar--description", "key-bar--separator"}
    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
        & > .key-bar--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        & > .key-bar--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        & > .key-bar--separator {
            color: $foreground 20%;
        }
    }
    """

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen) -> None:
        if self.is_attached and screen is self.screen:
            self.refresh()

    def _item(self, binding, enabled: bool) -> Text:
        key = self.get_component_rich_style("key-bar--key")
        desc = self.get_component_rich_style("key-bar--description")
        text = Text.assemble((self.app.get_key_display(binding), key))
        if binding.description:
            text.append(" " + binding.description, desc)
        if not enabled:
            text.stylize("dim")
        return text

    def entries(self) -> list[tuple[int, Text]]:
        """The hints in the order they earn their place: help and quit, the palette, then the keys
        of the pane that has focus, then the app's. A speaker on a cramped projector or a user over
        SSH at 80x24 must always see how to get help and how to leave."""
        active = self.screen.active_bindings
        palette_key = self.app.COMMAND_PALETTE_BINDING if self.app.ENABLE_COMMAND_PALETTE else None
        seen: set[str] = set()
        views: list[str] = []
        ranked: list[tuple[int, int, Text]] = []
        pane, rest = len(FIRST) + 1 + len(DRIVE), len(FIRST) + 2 + len(DRIVE)
        for order, (key, (node, binding, enabled, _tip)) in enumerate(active.items()):
            # One hint per action, as the Footer: "f1,question_mark" is one key.
            if binding.action in seen or (not binding.show and key != palette_key):
                continue
            seen.add(binding.action)
            name = binding.action.split("(", 1)[0]
            if name == "view":
                if not views:
                    ranked.append((len(FIRST) + 1 + DRIVE.index("view"), order, None))
                views.append(self.app.get_key_display(binding))
                continue
            if name in FIRST:
                rank = FIRST.index(name)
            elif key == palette_key:
                rank = len(FIRST)
            elif name in DRIVE:
                rank = len(FIRST) + 1 + DRIVE.index(name)
            else:
                rank = pane if node is not self.app else rest  # the focused pane's keys first
            ranked.append((rank, order, self._item(binding, enabled)))
        ranked.sort(key=lambda r: (r[0], r[1]))
        return [(rank, text if text is not None else self._views(views)) for rank, _order, text in ranked]

    def _views(self, keys: list[str]) -> Text:
        text = Text("/".join(keys), self.get_component_rich_style("key-bar--key"))
        text.append(" views", self.get_component_rich_style("key-bar--description"))
        return text

    def render(self) -> Text:
        width = self.size.width
        line = Text(no_wrap=True, overflow="crop", end="")
        separator = self.get_component_rich_style("key-bar--separator")
        last_rank = None
        for rank, item in self.entries():
            gap = Text("▏", separator) if last_rank is not None and last_rank < len(FIRST) <= rank else Text(" ")
            if line.cell_len and line.cell_len + gap.cell_len + item.cell_len > width:
                break  # whole entries only, in priority order: never "setTime" cut mid-word
            if not line.cell_len and item.cell_len > width:
                break
            if line.cell_len:
                line.append_text(gap)
            line.append_text(item)
            last_rank = rank
        line.truncate(width, pad=True)
        return line
