"""The loop and pool panes of `ptview --node`: a real node's queues and pool requests.

Both render a `tui.core.probe.state.RealSnapshot`. The phase ring lights the
phase inferred from the resource whose callback runs (README, "Real node"),
labelled as inferred: async_hooks does not report phases.
"""

from __future__ import annotations

import os

from rich.console import Group
from rich.text import Text
from textual.widget import Widget

from tui.core.probe.state import RealSnapshot, Waiting
from tui.core.untrusted import shown
from widgets.style import chip, ms, pack

RING = ("timers", "pending", "poll", "check", "close")
QUEUES = (("timers", "timers"), ("immediates", "check"), ("ticks", "nextTick"), ("microtasks", "microtasks"))


def _site(w: Waiting) -> str:
    return shown(os.path.basename(w.site)) if w.site else ""


def _label(w: Waiting) -> str:
    site = _site(w)
    return f"{shown(w.op)} {site}" if site else shown(w.op)


class _RealView(Widget):
    def __init__(self, **kw) -> None:
        super().__init__(**kw)
        self.snap: RealSnapshot | None = None

    def show(self, snap: RealSnapshot) -> None:
        if snap != self.snap:
            self.snap = snap
            self.refresh(layout=True)


class RealLoopView(_RealView):
    DEFAULT_CSS = "RealLoopView { height: auto; }"

    def _ring(self, phase: str) -> list[Text]:
        groups = []
        for name in RING:
            if name == phase:
                groups.append(Text(f" {name.upper()} ", style="bold black on #e5a50a"))
            else:
                groups.append(Text(name, style="dim"))
        groups.append(Text("(inferred)", style="italic dim"))
        return pack(groups, self.size.width, gap=Text(" › ", style="dim"))

    def _now(self, s: RealSnapshot) -> Text:
        if s.exit_code is not None:
            return Text(f" ■ node exited with code {s.exit_code}", style="bold")
        if s.running is not None:
            t = Text(" ▶ running ", style="bold")
            t.append_text(chip(_label(s.running), s.running.id, False, 60))
            return t
        if s.phase == "main":
            return Text(" ▶ the main module", style="bold")
        return Text(" ○ back in the loop (epoll, or a phase with nothing of the program's)", style="dim")

    def _items(self, listed: tuple[int, tuple[Waiting, ...]], width: int) -> Text:
        count, items = listed
        if not count:
            return Text("—", style="dim")
        t = Text(f"{count:,} ", style="bold")
        used = t.cell_len
        for n, w in enumerate(items):
            c = chip(_label(w), w.id, False, 30)
            if used + c.cell_len > width and n:
                break
            t.append_text(c)
            t.append(" ")
            used += c.cell_len + 1
        return t

    def render(self):
        s = self.snap
        if s is None:
            return Text(" starting node…", style="dim")
        width = max(10, (self.size.width or 80) - 12)
        head = pack([Text.assemble(("node ", "dim"), (shown(s.version or "?"), "bold")),
                     Text.assemble(("pid ", "dim"), (str(s.pid or "?"), "bold")),
                     Text.assemble(("t ", "dim"), (ms(s.t), "bold")),
                     Text.assemble(("callbacks ", "dim"), (f"{s.callbacks:,}", "bold"))], self.size.width, gap="  ")
        now = self._now(s)
        now.no_wrap, now.overflow = True, "ellipsis"
        lines = [*self._ring(s.phase), *head, now]
        for attr, name in QUEUES:
            items = self._items(getattr(s, attr), width)
            items.truncate(width, overflow="ellipsis")
            lines.append(Text.assemble((f" {name}", "bold" if name == s.phase else ""), " " * (11 - len(name)),
                                       items, no_wrap=True))
        return Group(*lines)


class RealPoolView(_RealView):
    DEFAULT_CSS = "RealPoolView { height: auto; }"

    def render(self):
        s = self.snap
        if s is None:
            return Text(" starting node…", style="dim")
        count, items = s.pool
        head = Text.assemble((" in flight ", "dim"), (f"{count:,}", "bold"),
                             ("  requests on libuv's pool (queued or running: the hooks cannot tell)", "dim"))
        head.no_wrap, head.overflow = True, "ellipsis"
        lines = [head]
        if s.pool_by_type:
            lines.append(Text(" " + "  ".join(f"{shown(op)} {n}" for op, n in s.pool_by_type), no_wrap=True,
                              overflow="ellipsis"))
        for w in items:
            t = Text(f" {s.t - w.since:9.1f} ms ", style="dim")
            t.append_text(chip(_label(w), w.id, False, 60))
            t.no_wrap, t.overflow = True, "ellipsis"
            lines.append(t)
        if count > len(items):
            lines.append(Text(f" +{count - len(items):,} more", style="dim"))
        done = dict(s.callbacks_by_kind)
        lines.append(Text.assemble((" called back ", "dim"), (f"{done.get('pool', 0):,}", "bold"),
                                   (" pool requests", "dim")))
        return Group(*lines)
