"""Why? The rules of Node and libuv behind what the selected task (or the last step) did."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from tui.core.rules import RULES
from tui.core.untrusted import shown


def rules_of(events) -> list[tuple[str, str]]:
    """(rule id, what happened first under it) for each distinct rule, in the order they applied."""
    seen: dict[str, str] = {}
    for e in events:
        rule = e.rule
        if rule not in seen:
            what = e.op or e.phase or e.ev
            where = f" in {e.phase}" if e.phase and e.op else ""
            seen[rule] = f"{e.ev} {what}{where} at {e.t:,.3f} ms"
    return list(seen.items())


class WhyScreen(ModalScreen):
    BINDINGS = [Binding("escape,enter,q,e", "close", "Close")]
    DEFAULT_CSS = """
    WhyScreen { align: center middle; }
    WhyScreen > Vertical {
        width: 100; max-width: 100%; height: auto; max-height: 100%; padding: 1 2;
        border: thick $accent; background: $panel;
    }
    WhyScreen VerticalScroll { height: auto; max-height: 100%; }
    WhyScreen .hint { color: $text-muted; }
    """

    def __init__(self, title: str, events) -> None:
        super().__init__()
        self.title_text = title
        self.rules = rules_of(events)

    def compose(self) -> ComposeResult:
        body = Text()
        for n, (rule_id, first) in enumerate(self.rules):
            rule = RULES[rule_id]
            if n:
                body.append("\n\n")
            body.append(rule.id, style="bold")
            body.append(f"  ({first})\n", style="dim")
            body.append(rule.sentence + "\n")
            body.append(rule.source, style="dim italic")
        if not self.rules:
            body.append("nothing has happened yet", style="dim")
        with Vertical():
            yield Label(Text(f"Why? {shown(self.title_text)}", style="bold"))
            with VerticalScroll():
                yield Static(body)
            yield Label("escape: close", classes="hint")

    def action_close(self) -> None:
        self.dismiss(None)
