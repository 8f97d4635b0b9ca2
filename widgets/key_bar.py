"""The key hints on the bottom line: what Textual's compact Footer shows, as one widget.

The Footer mounts a widget per binding (31 here) and restyles them all at
startup and whenever focus moves; that was a third of ptview's time to the
first frame. One line of text costs one widget and renders in microseconds.
"""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget


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

    def render(self) -> Text:
        active = self.screen.active_bindings
        palette_key = self.app.COMMAND_PALETTE_BINDING if self.app.ENABLE_COMMAND_PALETTE else None
        seen: set[str] = set()
        left = Text(no_wrap=True, overflow="crop", end="")
        for key, (_node, binding, enabled, _tip) in active.items():
            # One hint per action, as the Footer: "f1,question_mark" is one key.
            if not binding.show or key == palette_key or binding.action in seen:
                continue
            seen.add(binding.action)
            left.append_text(self._item(binding, enabled))
            left.append(" ")
        right = Text(end="")
        if palette_key in active:
            _node, binding, enabled, _tip = active[palette_key]
            right.append("▏", self.get_component_rich_style("key-bar--separator"))
            right.append_text(self._item(binding, enabled))
            right.append(" ")
        width = self.size.width
        room = max(0, width - right.cell_len)
        left.truncate(room, pad=True)
        left.append_text(right)
        return left
