"""Textual's floor: the smallest app with one Static, to compare ptview's startup with."""

from textual.app import App, ComposeResult
from textual.widgets import Static


class Minimal(App):
    def compose(self) -> ComposeResult:
        yield Static("hello from a minimal Textual app")


if __name__ == "__main__":
    Minimal().run()
