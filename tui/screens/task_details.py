"""A task's life: submitted, waited, ran on pool thread wK from t1 to t2, called back in phase X."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from tui.core.untrusted import shown, shown_lines


class TaskDetails(ModalScreen):
    BINDINGS = [
        Binding("escape,enter,q", "close", "Close"),
        Binding("x", "cancel_task", "Cancel queued job"),
    ]
    DEFAULT_CSS = """
    TaskDetails { align: center middle; }
    TaskDetails > Vertical {
        width: 96; max-width: 100%; height: auto; max-height: 100%; padding: 1 2;
        border: thick $accent; background: $panel;
    }
    TaskDetails #life { height: auto; }
    TaskDetails .hint { color: $text-muted; }
    """

    def __init__(self, app_ref, ref) -> None:
        super().__init__()
        self.app_ref = app_ref
        self.ref = ref  # a TaskRef: which loop, which task there

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label("", id="title")
            yield Static("", id="life")
            yield Label("x: cancel its queued job (uv_cancel)   escape: close", classes="hint")

    def on_mount(self) -> None:
        self.refresh_life()
        self.set_interval(0.25, self.refresh_life)

    def refresh_life(self) -> None:
        task = self.app_ref.task_of(self.ref)
        if task is None:
            self.query_one("#title", Label).update(f"task {self.ref.label} is no longer kept")
            return
        # The label and the life quote paths, hosts and error messages: Text through shown(), not markup.
        where = f" — Worker {self.ref.thread}'s loop" if self.ref.thread else ""
        self.query_one("#title", Label).update(Text.assemble((f"{self.ref.label} {shown(task.label)}", "bold"),
                                                             f" — {task.state}{where}"))
        self.query_one("#life", Static).update(Text("\n".join(ln for line in task.life() for ln in shown_lines(line))))

    def action_cancel_task(self) -> None:
        self.app_ref.cancel_task(self.ref)
        self.refresh_life()

    def action_close(self) -> None:
        self.dismiss(None)
