"""The event-loop pane: the phase ring, what runs now, and every queue.

A process runs one loop per thread that runs JavaScript: the main thread's and
each Worker's (SEMANTICS §3.8). With Workers the pane lists every loop on one
compact line each (the selected one marked), then shows the selected loop in
full, its empty queues folded into one line so that it still fits at 80x24.
"""

from __future__ import annotations

from rich.console import Group
from rich.text import Text
from textual.widget import Widget

from tui.core.snapshot import Item, LoopThread, Snapshot
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


def _mib(n: int) -> str:
    return f"{n / 1048576:.1f} MiB" if n >= 1048576 else f"{n / 1024:.0f} KiB"


class LoopView(Widget):
    DEFAULT_CSS = """
    LoopView { height: auto; }
    """

    def __init__(self, **kw) -> None:
        super().__init__(**kw)
        self.snap: Snapshot | None = None
        self.selected: tuple[int, int] | None = None   # (loop, task id): a TaskRef
        self.loops: tuple[LoopThread, ...] = ()
        self.selected_loop = 0
        self._shown = 0   # the loop shown in full: its tasks' ids are that loop's
        self._sig = None

    @staticmethod
    def _loop_sig(snap: Snapshot) -> tuple:
        return (snap.phase, snap.iteration, snap.running, snap.running_queue, snap.timers, snap.pending,
                snap.poll, snap.check, snap.close, snap.ticks, snap.microtasks, snap.alive, snap.finished,
                round(snap.delay_last, 1), round(snap.delay_max, 1))

    def show(self, snap: Snapshot, selected: tuple[int, int] | None, loops: tuple[LoopThread, ...] = (),
             selected_loop: int = 0) -> None:
        """`snap`: the main loop's snapshot; `selected`: (loop, task id), the task to light; `loops`:
        every loop of the process (main first), when there is more than one; `selected_loop`: the
        thread shown in full (0: main)."""
        loops = loops if len(loops) > 1 else ()
        shown = next((lt for lt in loops if lt.thread == selected_loop), None)
        if shown is not None:
            snap = shown.snap
        self._shown = shown.thread if shown is not None else 0
        sig = (self._loop_sig(snap), selected, selected_loop,
               tuple((lt.thread, lt.state, lt.tid, self._loop_sig(lt.snap)) for lt in loops))
        self.snap = snap
        self.selected = selected
        self.loops = loops
        self.selected_loop = selected_loop
        if sig != self._sig:
            self._sig = sig
            self.refresh(layout=True)

    def _mine(self, task: int | None) -> bool:
        """A task of the loop shown in full is the selected one: task ids are per loop."""
        return task is not None and (self._shown, task) == self.selected

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
            t.append_text(chip(s.running.label, s.running.task, self._mine(s.running.task), 60))
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
            c = chip(label, it.task, self._mine(it.task), 30)
            if used + c.cell_len > width and n:
                t.append(f" +{len(items) - n} more", style="dim")
                break
            t.append_text(c)
            t.append(" ")
            used += c.cell_len + 1
        return t

    def _loop_line(self, lt: LoopThread, width: int) -> Text:
        """One loop on one line: which thread, its phase, its iteration, what it does now."""
        s = lt.snap
        sel = lt.thread == self.selected_loop
        t = Text("▸" if sel else " ", style="bold")
        name = lt.name if len(lt.name) <= 9 else lt.name[:8] + "…"
        t.append(f"{name:<9}", style="bold" if sel else "")
        if lt.state != "online":  # starting (no loop to show yet) or exited
            t.append(f" {lt.state}", style="dim italic")
            return t
        phase = "idle/prep" if s.phase in ("idle", "prepare") else s.phase
        t.append(f" {phase:<7}", style="bold #e5a50a" if s.running is not None else "")
        t.append(f" iter {s.iteration:,}", style="dim")
        if s.running is not None:
            t.append(" ▶ ", style="bold")
            t.append_text(chip(s.running.label, s.running.task, (lt.thread, s.running.task) == self.selected, 40))
        elif s.finished:
            t.append(" ■ exited", style="dim")
        elif s.phase == "poll":
            t.append(" ○ epoll", style="dim")
        waiting = sum(len(q) for q in (s.timers, s.pending, s.poll, s.check, s.close, s.ticks, s.microtasks))
        if waiting:
            t.append(f"  queued {waiting:,}", style="dim")
        if lt.online_ms is not None:
            # What this Worker cost to start: measured live, modelled in sim (node: ~31 ms, ~10 MiB);
            # whole or not at all.
            cost = f"  online {ms(lt.online_ms)}" + (f" +{_mib(lt.rss_added)}" if lt.rss_added is not None else "")
            if t.cell_len + len(cost) <= width:
                t.append(cost, style="dim")
        t.no_wrap, t.overflow = True, "ellipsis"
        t.truncate(width, overflow="ellipsis")
        return t

    def render(self):
        s = self.snap
        if s is None:
            return Text("starting…")
        loops = self.loops
        top: list[Text] = []
        if loops:
            width = self.size.width or 80
            top = [self._loop_line(lt, width) for lt in loops]
            sel = next((lt for lt in loops if lt.thread == self.selected_loop), None)
            if sel is not None and sel.state != "online":
                return Group(*top, Text(f" {sel.name} is {sel.state}", style="dim"))
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
        lines = [*top, *self._ring(s.phase), *head, now]
        # One Text per queue, a fixed 11-cell name column: what a two-column Rich grid drew,
        # without the grid's measuring (a Table was most of this pane's cost per frame).
        empty = []
        for attr, name, _ in QUEUES:
            lit = (name == s.phase) or (attr == "ticks" and s.running_queue == "nextTick") or (
                attr == "microtasks" and s.running_queue == "microtask")
            queue = getattr(s, attr)
            if loops and not queue and not lit:
                empty.append(name)  # several loops: the empty queues on one line, to fit 80x24
                continue
            items = self._items(queue, width)
            items.truncate(room, overflow="ellipsis")
            lines.append(Text.assemble((f" {name}", "bold" if lit else ""), " " * (11 - len(name)), items,
                                       no_wrap=True))
        if empty:
            lines.extend(pack([Text("empty:", style="dim"), *(Text(n, style="dim") for n in empty)],
                              self.size.width, gap=" "))
        return Group(*lines)
