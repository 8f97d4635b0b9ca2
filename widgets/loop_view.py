"""The event-loop pane: the phase ring, what runs now, and every queue."""

from __future__ import annotations

from rich.console import Group
from rich.text import Text
from textual.widget import Widget

from tui.core.snapshot import Item, Snapshot
from widgets.style import chip, ms, pack

RING = (("timers", "timers"), ("pending", "pending"), ("idle", "idle/prepare"), ("poll", "poll"),
        ("check", "check"), ("close", "close"))
QUEUES = (
    ("timers", "timers", "setTimeout/setInterval, by expiry"),
    ("pending", "pending", "I/O callbacks deferred by libuv"),
    ("poll", "poll", "completions and ready sockets"),
    ("check", "check", "setImmediate"),
    ("close", "close", "close callbacks"),
    ("ticks", "nextTick", "after every callback, first"),
    ("microtasks", "microtasks", "promises, after the ticks"),
)


class LoopView(Widget):
    DEFAULT_CSS = """
    LoopView { height: auto; }
    """

    def __init__(self, **kw) -> None:
        super().__init__(**kw)
        self.snap: Snapshot | None = None
        self.selected: int | None = None
        self._sig = None

    def show(self, snap: Snapshot, selected: int | None) -> None:
        sig = (snap.phase, snap.iteration, snap.running, snap.running_queue, snap.timers, snap.pending,
               snap.poll, snap.check, snap.close, snap.ticks, snap.microtasks, selected, snap.alive,
               round(snap.delay_last, 1), round(snap.delay_max, 1))
        self.snap = snap
        self.selected = selected
        if sig != self._sig:
            self._sig = sig
            self.refresh(layout=True)

    def _ring(self, phase: str) -> list[Text]:
        phase = "idle" if phase == "prepare" else phase
        groups = []
        for key, label in RING:
            t = Text()
            if key == phase:
                t.append(f" {label.upper()} ", style="bold black on #e5a50a")
            else:
                t.append(label, style="dim" if phase not in ("main", "exit") else "")
            if key == "close":
                t.append(" ⟳", style="dim")  # the ring goes round: the arrow stays with the last phase
            groups.append(t)
        gap = Text(" › ", style="dim")
        lines = pack(groups, 0, gap=gap)
        if not self.size.width or lines[0].cell_len <= self.size.width:
            return lines
        # Too narrow for one line: two halves of three phases, not five phases and a stray "close".
        return [*pack(groups[:3], self.size.width, gap=gap), *pack(groups[3:], self.size.width, gap=gap)]

    def _now(self, s: Snapshot) -> Text:
        if s.running is not None:
            where = s.running_queue or s.phase
            t = Text(" ▶ running ", style="bold")
            t.append_text(chip(s.running.label, s.running.task, s.running.task == self.selected, 60))
            t.append(f"  in {where}", style="dim")
            return t
        if s.finished:
            return Text(" ■ the loop has exited: nothing keeps it alive", style="dim")
        if s.phase == "poll":
            return Text(" ○ in epoll: waiting for I/O or a timer", style="dim")
        return Text(f" · {s.phase}", style="dim")

    def _items(self, items: tuple[Item, ...], width: int) -> Text:
        if not items:
            return Text("—", style="dim")
        t = Text()
        used = 0
        for n, it in enumerate(items):
            label = it.label if it.due is None else f"{it.label} @{it.due:,}"
            c = chip(label, it.task, it.task is not None and it.task == self.selected, 30)
            if used + c.cell_len > width and n:
                t.append(f" +{len(items) - n} more", style="dim")
                break
            t.append_text(c)
            t.append(" ")
            used += c.cell_len + 1
        return t

    def render(self):
        s = self.snap
        if s is None:
            return Text("starting…")
        late = Text.assemble(("late ", "dim"), (ms(s.delay_last), "bold"))
        if not self.size.width or self.size.width >= 56:
            late.append(f" (max {ms(s.delay_max)})", style="dim")
        head = pack([Text.assemble(("iteration ", "dim"), (f"{s.iteration:,}", "bold")),
                     Text.assemble(("uv_now ", "dim"), (f"{s.loop_time:,} ms", "bold")),
                     late], self.size.width, gap="  ")
        width = max(10, self.size.width - 14)
        room = max(1, (self.size.width or 80) - 12)
        now = self._now(s)
        now.no_wrap, now.overflow = True, "ellipsis"
        lines = [*self._ring(s.phase), *head, now]
        # One Text per queue, a fixed 11-cell name column: what a two-column Rich grid drew,
        # without the grid's measuring (a Table was most of this pane's cost per frame).
        for attr, name, _ in QUEUES:
            lit = (name == s.phase) or (attr == "ticks" and s.running_queue == "nextTick") or (
                attr == "microtasks" and s.running_queue == "microtask")
            items = self._items(getattr(s, attr), width)
            items.truncate(room, overflow="ellipsis")
            lines.append(Text.assemble((f" {name}", "bold" if lit else ""), " " * (11 - len(name)), items,
                                       no_wrap=True))
        return Group(*lines)
