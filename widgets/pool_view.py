"""The worker-pool pane: one row per worker, the FIFO, the slow-I/O queue, counters."""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.widget import Widget

from tui.core.snapshot import Snapshot
from widgets.style import chip, ms, pack, task_colour

BAR = 12


class PoolView(Widget):
    DEFAULT_CSS = """
    PoolView { height: auto; }
    """

    def __init__(self, **kw) -> None:
        super().__init__(**kw)
        self.snap: Snapshot | None = None
        self.selected: tuple[int, int] | None = None   # (loop, task id): a TaskRef
        self.expected: dict[int, float] = {}
        self.tids: dict[int, int] = {}
        self._sig = None

    def show(self, snap: Snapshot, selected: tuple[int, int] | None, expected: dict[int, float]) -> None:
        """`selected`: (loop, task id), the task to light; `expected`: job id → when it should finish
        (sim knows; live does not)."""
        self.snap = snap
        self.selected = selected
        self.expected = expected
        busy = tuple((w.job.job if w.job else None) for w in snap.workers)
        sig = (busy, snap.queue, snap.slow_queue, snap.pool.done, snap.pool.failed, snap.pool.cancelled,
               selected, snap.pool_created, round(snap.t, 0) if any(busy) else None)
        if sig != self._sig:
            self._sig = sig
            self.refresh(layout=True)

    def _worker_row(self, w, now: float) -> tuple:
        name = Text(f" w{w.index}", style="bold")
        if w.tid:
            name.append(f" {w.tid}", style="dim")
        if w.job is None:
            return name, Text("· idle", style="dim"), Text("")
        job = w.job
        sel = (job.thread, job.task) == self.selected  # task ids are per loop: a job is its loop's
        started = now if w.started is None else w.started
        elapsed = now - started
        end = self.expected.get(job.job)
        bar = Text()
        if end is not None and end > started:
            frac = max(0.0, min(1.0, elapsed / (end - started)))
            full = int(frac * BAR)
            bar.append("█" * full, style=task_colour(job.task))
            bar.append("░" * (BAR - full), style="dim")
            bar.append(f" {ms(elapsed)}")
        else:
            bar.append(f"{ms(elapsed)}")
        return name, chip(job.label, job.task, sel, 40, job.thread), bar

    def render(self):
        s = self.snap
        if s is None:
            return Text("starting…")
        limit = f"{s.slow_running}/{s.threshold}"
        head = pack([Text.assemble(("threads ", "dim"), (f"{s.pool_size}", "bold")),
                     Text.assemble(("slow I/O running ", "dim"), (limit, "bold")),
                     Text.assemble(("queued ", "dim"), (f"{s.queue_len + s.slow_queue_len:,}", "bold"))],
                    self.size.width, gap="   ")
        if not s.pool_created:
            return Group(*head, Text(
                f" not created yet: libuv starts all {s.pool_size} threads at the first pool request",
                style="dim italic"))
        rows = Table.grid(padding=(0, 1), expand=True)
        rows.add_column(no_wrap=True, min_width=len(f" w{len(s.workers) - 1}"))
        rows.add_column(no_wrap=True, overflow="ellipsis", ratio=1)
        rows.add_column(no_wrap=True, min_width=BAR + 9)
        idle_hidden = 0
        room = max(4, self.size.height - 6) if self.size.height else 64
        shown = 0
        for w in s.workers:
            if w.job is None and shown >= room:
                idle_hidden += 1
                continue
            rows.add_row(*self._worker_row(w, s.t))
            shown += 1
        parts = [*head, rows]
        if idle_hidden:
            parts.append(Text(f" … {idle_hidden:,} more idle workers", style="dim"))
        parts.append(self._queue_line(" queue", s.queue, s.queue_len))
        if s.slow_queue_len:
            parts.append(self._queue_line(" slow ", s.slow_queue, s.slow_queue_len))
        c = s.pool
        parts.extend(pack([Text.assemble(("submitted ", "dim"), (f"{c.submitted:,}", "bold")),
                           Text.assemble(("done ", "dim"), (f"{c.done:,}", "bold")),
                           Text.assemble(("failed ", "dim"), (f"{c.failed:,}", "bold")),
                           Text.assemble(("cancelled ", "dim"), (f"{c.cancelled:,}", "bold"))], self.size.width, gap="  "))
        parts.extend(pack([Text.assemble(("mean wait ", "dim"), (ms(c.mean_wait), "bold")),
                           Text.assemble(("run ", "dim"), (ms(c.mean_run), "bold")),
                           Text.assemble(("busy ", "dim"), (f"{c.utilisation * 100:.0f}%", "bold"))],
                          self.size.width, gap="  "))
        return Group(*parts)

    def _queue_line(self, title: str, items, total: int) -> Text:
        t = Text(f"{title} ", style="bold")
        if not items:
            t.append("— empty", style="dim")
            return t
        width = max(10, self.size.width - 16)
        used = 0
        for n, it in enumerate(items):
            if it.kind == "marker":
                c = Text(" ◆ slow-I/O marker ", style="bold black on #c0bfbc")
            else:
                c = chip(it.label, it.task, (it.thread, it.task) == self.selected, 26, it.thread)
            if used + c.cell_len > width and n:
                t.append(f" +{total - n:,} more", style="dim")
                return t
            t.append_text(c)
            t.append(" ")
            used += c.cell_len + 1
        if total > len(items):
            t.append(f" +{total - len(items):,} more", style="dim")
        return t
