"""Attach mode: `ptview --pid PID` watches a running process's threads without touching it.

The loop and pool panes show what the process's own threads are doing,
sampled from /proc off the UI thread (tui.core.attach); the log lists every
change of activity and the timeline shows each libuv worker's busy stretches.
"""

from __future__ import annotations

import time

from rich.text import Text
from textual.message import Message
from textual.widgets import RichLog

from tui.core.attach.sampler import Sampler
from tui.core.attach.snapshot import Snapshot
from tui.pane_app import VIEW_BINDINGS, PaneApp
from widgets.attach_view import AttachLoopView, AttachPoolView
from widgets.proc_tree import ProcTree
from widgets.timeline import Timeline, TimelineRecorder


class Sampled(Message):
    def __init__(self, snap: Snapshot) -> None:
        super().__init__()
        self.snap = snap


class AttachApp(PaneApp):
    TITLE = "ptview attach"
    BINDINGS = VIEW_BINDINGS

    def __init__(self, pid: int, *, hz: float = 20.0, refresh: float = 1.0, screenshot_dir: str | None = None,
                 sampler: Sampler | None = None) -> None:
        super().__init__(screenshot_dir)
        self.pid = pid
        self.refresh_s = refresh
        self.sampler = sampler or Sampler(pid, hz=hz, on_snapshot=self._from_sampler, publish_interval=0.25)
        self.recorder = TimelineRecorder()
        self._last: dict[int, str] = {}   # tid → activity label last logged
        self._open: dict[int, int] = {}   # tid → span id open in the timeline
        self._span = 0
        self._t0 = time.monotonic()

    def left_pane(self):
        return "Processes & threads", ProcTree(root_pid=self.pid, refresh_interval=self.refresh_s, id="proctree")

    def loop_pane(self):
        return f"Event loop of pid {self.pid} (sampled)", AttachLoopView()

    def pool_pane(self):
        return "libuv worker pool (sampled)", AttachPoolView()

    def bottom_panes(self):
        log = RichLog(id="log", classes="pane", max_lines=1000, wrap=False)
        log.border_title = "Activity changes"
        yield log
        timeline = Timeline()
        timeline.caption = "of wall time"
        yield self.pane("timeline", "Timeline (busy stretches per worker)", timeline)

    def on_mount(self) -> None:
        self._apply_view()
        self._mounted_once = True
        self.query_one("#status").update(f"[b]ptview[/b] attach │ pid {self.pid} │ sampling /proc…")
        self.sampler.start()

    def on_unmount(self) -> None:
        self.sampler.stop()

    def _from_sampler(self, snap: Snapshot) -> None:
        self.post_message(Sampled(snap))  # thread-safe: the sampler runs on its own thread

    def on_sampled(self, message: Sampled) -> None:
        snap = message.snap
        if not self.query(AttachLoopView):
            return  # a sample that arrives while the app is closing: nothing left to draw on
        with self.batch_update():
            self.query_one(AttachLoopView).show(snap)
            self.query_one(AttachPoolView).show(snap)
            self._log_changes(snap)
            now = (snap.taken_at - self._t0) * 1000
            self.query_one(Timeline).show(self.recorder, now, 10_000.0, len(snap.workers), None)
            self.query_one("#status").update(self._status(snap))

    def _status(self, snap: Snapshot) -> str:
        what = "Node.js" if snap.is_node else "not Node.js"
        state = "alive" if snap.alive else f"[b]{snap.ended or 'exited'}[/b]"
        perm = "" if snap.syscall_readable is not False else " │ [b]no ptrace permission: scheduler state only[/b]"
        sat = " │ [b reverse] POOL SATURATED [/]" if snap.saturated and snap.syscall_readable else ""
        return (f"[b]ptview[/b] attach │ pid {snap.pid} {what} │ {state} │ {_rate(snap)} │ "
                f"{len(snap.threads)} threads{sat}{perm}")

    def _log_changes(self, snap: Snapshot) -> None:
        log = self.query_one(RichLog)
        t = (snap.taken_at - self._t0) * 1000
        index = {w.tid: i for i, w in enumerate(snap.workers)}
        for th in snap.threads:
            if th.role not in ("main", "libuv worker") or not th.alive:
                continue
            label = "idle" if th.activity.idle else th.activity.label
            if self._last.get(th.tid) == label:
                continue
            self._last[th.tid] = label
            who = "loop" if th.role == "main" else f"worker {index.get(th.tid, '?')}"
            line = Text(f"{t / 1000:9.2f} s ", style="dim")
            line.append(f"{who:<9} ", style="bold")
            line.append(f"{th.tid} ", style="dim")
            line.append(f"→ {label}", style="dim" if label == "idle" else "")
            log.write(line)
            if th.tid in index:
                if th.tid in self._open:
                    self.recorder.finished(self._open.pop(th.tid), t)
                if label != "idle":
                    self._span += 1
                    self._open[th.tid] = self._span
                    self.recorder.started(index[th.tid], None, self._span, label, t)


def _rate(snap: Snapshot) -> str:
    """The sampling rate achieved (not the one asked for), and why it is lower when it is."""
    text = f"{snap.hz:.1f} Hz"
    if snap.threads_per_tick:
        return f"{text}, {snap.threads_per_tick:,} threads a sample (kept under 2 % CPU)"
    if snap.hz and snap.hz < 0.9 * snap.hz_asked:
        return f"{text} (of {snap.hz_asked:g}: kept under 2 % CPU)"
    return text
