"""Per-worker timeline: which job ran on which worker, over the last few seconds.

A span is labelled with its task (`#7`), and with the loop that submitted the job when
that was a Worker's (`W1#7`): every loop of the process shares the one pool."""

from __future__ import annotations

from collections import deque

from rich.text import Text
from textual.widget import Widget

from widgets.style import ms, task_colour


class Span:
    __slots__ = ("worker", "task", "job", "op", "start", "end", "thread")

    def __init__(self, worker: int, task: int | None, job: int, op: str, start: float, thread: int = 0) -> None:
        self.worker = worker
        self.task = task
        self.job = job
        self.op = op
        self.start = start
        self.end: float | None = None
        self.thread = thread


class TimelineRecorder:
    """Fed with start/done events; keeps the recent spans only (bounded)."""

    def __init__(self, keep: int = 4000) -> None:
        self.spans: deque[Span] = deque(maxlen=keep)
        self.open: dict[int, Span] = {}

    def started(self, worker: int, task, job: int, op: str, t: float, thread: int | None = 0) -> None:
        s = Span(worker, task, job, op, t, thread or 0)
        self.spans.append(s)
        self.open[job] = s

    def finished(self, job: int, t: float) -> None:
        s = self.open.pop(job, None)
        if s is not None:
            s.end = t


class Timeline(Widget):
    DEFAULT_CSS = """
    Timeline { height: auto; }
    """

    def __init__(self, **kw) -> None:
        super().__init__(**kw)
        self.rec: TimelineRecorder | None = None
        self.now = 0.0
        self.window = 2000.0
        self.n_workers = 0
        self.selected: tuple[int, int] | None = None   # (loop, task id): a TaskRef
        self.caption = "of model time"

    def show(self, rec: TimelineRecorder, now: float, window: float, workers: int, selected) -> None:
        # Its height follows the number of workers only: a re-layout of the screen when that changes,
        # not on every frame (the attach app shows it twice a second).
        resized = workers != self.n_workers or self.rec is None
        self.rec, self.now, self.window, self.n_workers, self.selected = rec, now, window, workers, selected
        self.refresh(layout=resized)

    def render(self):
        if self.rec is None or not self.n_workers:
            return Text(" no worker has run anything yet", style="dim")
        width = max(10, self.size.width - 6)
        t0 = self.now - self.window
        per = self.window / width
        rows = max(1, min(self.n_workers, 64))  # the pane scrolls; more rows would not be read
        grid = [[None] * width for _ in range(rows)]
        for s in self.rec.spans:
            if s.worker >= rows:
                continue
            end = self.now if s.end is None else s.end
            if end < t0 or s.start > self.now:
                continue
            a = max(0, int((s.start - t0) / per))
            b = min(width - 1, int((end - t0) / per))
            row = grid[s.worker]
            for i in range(a, b + 1):
                row[i] = s
        out = Text()
        out.append(f" last {ms(self.window)} {self.caption}, one cell = {ms(per)}\n", style="dim")
        for w in range(rows):
            out.append(f" w{w:<3}", style="bold")
            prev = None
            row = grid[w]
            i = 0
            while i < width:
                s = row[i]
                # A run of cells of one span (or of none) is one append, so one segment with one style:
                # cell by cell, each █ carried its own colour sequence (~25 bytes a cell on the wire).
                run = 1
                while i + run < width and row[i + run] is s:
                    run += 1
                if s is None:
                    out.append("·" * run, style="dim")
                    prev = None
                    i += run
                    continue
                style = task_colour(s.task) + (" reverse" if (s.thread, s.task) == self.selected else "")
                if s is not prev and s.task is not None:
                    label = f"W{s.thread}#{s.task}" if s.thread else f"#{s.task}"
                    if run > len(label):
                        out.append(label, style="bold " + style + " reverse")
                        i += len(label)
                        run -= len(label)
                out.append("█" * run, style=style)
                prev = s
                i += run
            out.append("\n")
        if self.n_workers > rows:
            out.append(f" … {self.n_workers - rows} more workers", style="dim")
        return out
