"""What every ptview App shares: the pane layout by terminal size, views, help, screenshots."""

from __future__ import annotations

import asyncio
import gc
import os
import signal
from functools import partial

from rich.text import Text
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widget import Widget
from textual.widgets import Static

from tui.core.untrusted import shown
from tui.span_update import cropped
from widgets.key_bar import KeyBar
from widgets.status_line import StatusLine


WIDE = (140, 36)   # at least this many columns and rows: every pane at once
SMALL = (40, 10)   # below this: a notice instead of panes

VIEW_BINDINGS = [
    Binding("1", "view('flow')", "Loop+pool"),
    Binding("2", "view('procs')", "Processes"),
    Binding("3", "view('log')", "Log"),
    Binding("0", "view('auto')", "All"),
    Binding("w", "svg", "Screenshot"),
    Binding("f1,question_mark", "help", "Help", key_display="?"),
    Binding("q", "quit", "Quit"),
    Binding("ctrl+c", "quit", "Quit", show=False, priority=True),
    Binding("ctrl+l", "redraw", "Redraw the screen", show=False),
]
EXIT_WITHIN_S = 2.0
# The views, and the panes each shows: app.tcss hides the others (tests/test_app_views.py checks the two agree).
PANES_IN_VIEW = {
    "all": frozenset({"procs", "loop", "pool", "log", "output", "timeline"}),
    "flow": frozenset({"loop", "pool"}),
    "procs": frozenset({"procs"}),
    "log": frozenset({"log", "output", "timeline"}),
    "too-small": frozenset(),
}


class PaneApp(App):
    CSS_PATH = "app.tcss"
    AUTO_FOCUS = None  # keys belong to the app until the user tabs into a pane
    theme_name: str | None = None  # --theme: set before run(), applied on mount (tui/themes.py)

    def _display(self, screen, renderable) -> None:
        # Partial updates from the first changed cell on: see tui/span_update.py.
        super()._display(screen, cropped(renderable))

    def get_driver_class(self):
        """The terminal's own driver, or its ASCII twin when the locale is not UTF-8 (LANG=C)."""
        from tui.ascii_driver import terminal_driver

        return terminal_driver(super().get_driver_class())

    def __init__(self, screenshot_dir: str | None = None) -> None:
        super().__init__()
        self.screenshot_dir = screenshot_dir or os.getcwd()
        self.view = "auto"
        self._mounted_once = False
        self._known_size: tuple[int, int] | None = None
        self._deferred: dict[str, object] = {}  # pane id -> function making its content

    # -- the layout every mode shares; subclasses fill the panes ------------------------

    def compose(self) -> ComposeResult:
        # The view's class on the screen before any pane is mounted: set afterwards it restyles
        # every widget once more, a fifth of the first frame.
        self._set_view_classes(update=False)
        yield StatusLine(id="status")
        with Horizontal(id="top"):
            yield self.pane("procs", *self.left_pane(), scroll=False)
            yield self.pane("loop", *self.loop_pane())
            yield self.pane("pool", *self.pool_pane())
        with Horizontal(id="bottom"):
            yield from self.bottom_panes()
        yield Static("terminal too small for ptview\nneeds 40x10", id="toosmall")
        yield KeyBar()

    def pane(self, pane_id: str, title: str, content, scroll: bool = True) -> Widget:
        """A bordered pane around `content`: a widget, or a function that makes it.

        A function is called when the pane is first shown: a pane the first view hides
        (the process tree, the log and the timeline at 80x24) costs the first frame
        nothing, neither its imports nor its styling, which were a third of start-up."""
        if not isinstance(content, Widget):
            if pane_id in PANES_IN_VIEW[self.effective_view()]:
                content = content()
            else:
                self._deferred[pane_id] = content
                content = None
        box = (VerticalScroll if scroll else Vertical)(*([] if content is None else [content]), id=pane_id, classes="pane")
        box.border_title = Text(shown(title))  # may name a script file: plain text, not markup
        return box

    def left_pane(self) -> tuple[str, Widget]:
        raise NotImplementedError

    def loop_pane(self) -> tuple[str, Widget]:
        raise NotImplementedError

    def pool_pane(self) -> tuple[str, Widget]:
        raise NotImplementedError

    def bottom_panes(self):
        raise NotImplementedError

    def on_mount(self) -> None:
        if self.theme_name is not None:
            from tui.themes import apply_theme

            apply_theme(self, self.theme_name)
        if not gc.isenabled():
            self.call_after_refresh(self._resume_gc)  # run_app paused it for the start-up
        # SIGTERM, SIGHUP when the SSH connection drops, and a SIGINT sent by kill (the ctrl+c key
        # is a key in raw mode): exit in order (terminal restored, threads and children ended) with
        # 128 + the signal as the headless lab does, and a backstop in case an orderly exit gets stuck.
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
            try:
                loop.add_signal_handler(sig, partial(self._on_signal, sig))
            except (NotImplementedError, RuntimeError, ValueError):
                pass  # not the main thread (tests), or no signals here

    @staticmethod
    def _resume_gc() -> None:
        # What start-up built lives as long as the app: out of the collector's sight for good
        # (gc.freeze), so collections stay as cheap as before the pause.
        gc.freeze()
        gc.enable()

    def _on_signal(self, sig: int) -> None:
        from tui.core.live.shutdown import deadline

        self._backstop = deadline(EXIT_WITHIN_S, 128 + sig)
        self.exit(return_code=128 + sig)

    def effective_view(self) -> str:
        # The size the last Resize announced: App.size is the screen's, which is updated only
        # after the app has handled the event, so it lags one resize behind.
        w, h = self._known_size or self.size
        if w < SMALL[0] or h < SMALL[1]:
            return "too-small"
        if self.view != "auto":
            return self.view
        return "all" if (w >= WIDE[0] and h >= WIDE[1]) else "flow"

    @property
    def panes_screen(self):
        """The screen the panes are on, the bottom of the stack: with help or a dialog open,
        `self.screen` is that one, and a resize meanwhile must lay out the panes' screen."""
        return self.screen_stack[0] if self.screen_stack else self.screen

    def _set_view_classes(self, update: bool = True) -> str:
        v = self.effective_view()
        self.panes_screen.update_classes({f"-view-{name}": name == v for name in PANES_IN_VIEW},
                                         update=update)
        return v

    def _apply_view(self) -> None:
        v = self._set_view_classes()
        panes = self.panes_screen
        mounting = [(pane_id, panes.query_one(f"#{pane_id}").mount(self._deferred.pop(pane_id)()))
                    for pane_id in sorted(PANES_IN_VIEW[v] & self._deferred.keys())]
        for tree in panes.query("ProcTree"):
            tree.set_suspended(v not in ("all", "procs"))
        if self.screen is panes:  # under help or a dialog, the focus is theirs
            self._focus_for(v)
        if mounting:
            self.call_later(self._mounted, mounting, v)

    async def _mounted(self, mounting, view: str) -> None:
        for pane_id, done in mounting:
            await done
            if self._closing_down():
                return  # the app began to close while the pane mounted: nothing left to catch up
            self.pane_shown(pane_id)
        if self.effective_view() == view and self.screen is self.panes_screen:
            self._focus_for(view)  # the tree's lines did not exist when the view changed

    def _focus_for(self, v: str) -> None:
        # A hidden pane must not keep the focus and swallow enter or the arrows.
        lines = self.query("ProcLines")
        if v == "procs" and lines:
            self.set_focus(lines.first())
        elif self.focused is not None and (v != "all" or not self._mounted_once):
            self.set_focus(None)

    def pane_shown(self, pane_id: str) -> None:
        """A deferred pane's content was just mounted: catch it up."""

    def _closing_down(self) -> bool:
        """Whether the app is exiting: exit() or an unhandled error set its return code, or
        Textual is taking the screen apart (it stops the app running first).

        A resize can still arrive then (a SIGWINCH queued behind the exit, or handled while
        run_test shuts the app down), and the panes it would show are gone or going: an error
        from laying them out would be reported in place of whatever ended the run."""
        return self.return_code is not None or not self.is_running

    def on_resize(self, event) -> None:
        self._known_size = tuple(event.size)
        if self._closing_down():
            return
        self._apply_view()

    def action_view(self, name: str) -> None:
        self.view = name
        self._apply_view()

    def action_redraw(self) -> None:
        """The whole screen again, every cell (as curses programs do on ctrl+l): what another
        program wrote over ptview is gone."""
        self.screen.refresh()

    def action_help(self) -> None:
        # Imported on demand: Markdown and its parser cost the first frame ~50 ms.
        from tui.screens.help import HelpScreen

        self.push_screen(HelpScreen())

    def action_svg(self) -> None:
        try:
            path = self.save_screenshot(path=self.screenshot_dir)
        except OSError as e:
            # A read-only or vanished directory, a full disk: the demo goes on, the notice says why.
            where = shown(e.filename or self.screenshot_dir)
            self.notify(f"cannot save a screenshot in {where}: {e.strerror or e}", severity="error", timeout=8,
                        markup=False)  # a path may hold [brackets]
            return
        self.notify(f"saved {shown(path)}", markup=False)  # the directory may be anyone's name

    def get_system_commands(self, screen):
        yield from super().get_system_commands(screen)
        for b in self.BINDINGS:
            if b.description:
                title = b.tooltip or b.description
                yield SystemCommand(title, f"key {b.key_display or b.key}", partial(self.run_action, b.action))
