"""Ask for an operation's argument (path, host, delay, iterations), validated before firing."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from tui.core.spec import SpecError
from tui.core.untrusted import shown
from tui.fire_ops import FireOp


class _PlainInput(Input):
    """The argument box. A paste may carry control characters (a hostile file name copied from
    elsewhere); they become their visible form (`^[`) before the value is drawn, and that visible
    text is what is fired: an argument the app cannot show as it is, it does not send."""

    def validate_value(self, value: str) -> str:
        return shown(value)


class FireDialog(ModalScreen):
    """Dismisses with the parsed value, or None when cancelled."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]
    DEFAULT_CSS = """
    FireDialog { align: center middle; }
    FireDialog > Vertical {
        width: 64; max-width: 100%; height: auto; padding: 1 2;
        border: thick $accent; background: $panel;
    }
    FireDialog #error { color: $error; height: auto; }
    FireDialog .hint { color: $text-muted; }
    """

    def __init__(self, op: FireOp, value: str) -> None:
        super().__init__()
        self.op = op
        self.value = value

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(f"[b]{self.op.title}[/b] — {self.op.arg}")
            yield Label(self.op.help, classes="hint")
            yield _PlainInput(value=self.value, id="value", select_on_focus=True)
            yield Label("", id="error")
            yield Label("enter: fire   escape: cancel", classes="hint")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        text = event.value.strip()
        try:
            value = self.op.parse(text)
        except SpecError as e:
            # The message echoes what was typed or pasted: plain text, controls made visible.
            self.query_one("#error", Label).update(Text(shown(str(e))))
            return
        self.dismiss((text, value))

    def action_cancel(self) -> None:
        self.dismiss(None)
