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
from tui.core.untrusted import shown
from tui.pane_app import VIEW_BINDINGS, PaneApp
from widgets.attach_view import AttachLoopView, AttachPoolView, SampledView
from widgets.proc_tree import ProcTree
from widgets.timeline import Timeline, TimelineRecorder


class Sampled(Message):
    def __init__(self, snap: Snapshot) -> None:
        super().__init__()
        self.snap = snap


# Every pane at once from this size: the tree on the left, the loop over the pool on the right,
# the log and the timeline below. Smaller: the loop over the pool (keys 2 and 3 for the rest).
ATTACH_WIDE = (100, 30)
# The screen's "-attach" class makes the shared "all" view a grid (tui/app.tcss lays it out for the lab).
ATTACH_CSS = """
Screen.-attach.-view-all #top { layout: grid; grid-size: 2 2; grid-columns: 2fr 3fr; grid-rows: auto 1fr; }
Screen.-attach.-view-all #procs { row-span: 2; width: 1fr; height: 1fr; }
Screen.-attach.-view-all #loop { width: 1fr; height: auto; }
Screen.-attach.-view-all #pool { width: 1fr; height: 1fr; }
Screen.-attach.-view-all #bottom { height: 1fr; }
Screen.-attach.-view-all #log { width: 2fr; }
Screen.-attach.-view-all #timeline { width: 3fr; }
"""
# The attach app's budget is 2 % of a core (DESIGN.md): the sampler takes at most SAMPLER_SHARE
# (less than --watch's 1.5 %), the process pane TREE_SHARE, and the panes' drawing the rest.
SAMPLER_SHARE = 0.01
TREE_SHARE = 0.003
REDRAW_S = 1.0
PUBLISH_S = 0.5  # snapshots to the panes: twice a second (an activity change waits at most this long)


class AttachApp(PaneApp):
    TITLE = "ptview attach"
    BINDINGS = VIEW_BINDINGS
    CSS = ATTACH_CSS

    def __init__(self, pid: int, *, hz: float = 20.0, refresh: float = 1.0, screenshot_dir: str | None = None,
                 sampler: Sampler | None = None) -> None:
        super().__init__(screenshot_dir)
        self.pid = pid
        self.refresh_s = refresh
        self.sampler = sampler or Sampler(pid, hz=hz, on_snapshot=self._from_sampler, publish_interval=PUBLISH_S,
                                          cpu_share=SAMPLER_SHARE)
        self.recorder = TimelineRecorder()
        self._last: dict[int, str] = {}   # tid → activity label last logged
        self._open: dict[int, int] = {}   # tid → span id open in the timeline
        self._span = 0
        self._t0 = time.monotonic()
        self._fit: tuple[int, int] | None = None
        self._drawn_key: tuple | None = None
        self._drawn_at = float("-inf")

    def effective_view(self) -> str:
        view = super().effective_view()
        if self.view == "auto" and view == "flow":
            w, h = self._known_size or self.size
            if w >= ATTACH_WIDE[0] and h >= ATTACH_WIDE[1]:
                return "all"
        return view

    def _set_view_classes(self, update: bool = True) -> str:
        self.screen.add_class("-attach", update=update)
        return super()._set_view_classes(update)

    def _fit_all_view(self) -> None:
        """In the all-panes view, give the tree a width its names fit in, and the loop and pool panes
        the height their lines need (the log and the timeline below get the rest, not empty rows).
        Inline styles, set only when they change (each is a re-layout), cleared in the other views."""
        top = self.query_one("#top")
        fit = None
        if self.effective_view() == "all":
            w, h = self._known_size or self.size
            avail = h - 2  # the status line and the key bar
            lines = sum(len(v.lines) for v in self.query(SampledView)) + 4  # two panes, two borders each
            fit = (max(50, min(80, int(w * 0.45))), max(int(avail * 0.45), min(lines, avail - 8)))
        if fit == self._fit:
            return
        self._fit = fit
        if fit is None:
            top.styles.clear_rule("height")
            top.styles.clear_rule("grid_columns")
        else:
            top.styles.grid_columns = f"{fit[0]} 1fr"
            top.styles.height = fit[1]

    def left_pane(self):
        # At most TREE_SHARE of a core: a process with thousands of threads is rescanned less often.
        return "Processes & threads", ProcTree(root_pid=self.pid, refresh_interval=self.refresh_s, id="proctree",
                                               cpu_share=TREE_SHARE)

    def loop_pane(self):
        return f"Event loop of pid {self.pid} (sampled)", AttachLoopView()

    def pool_pane(self):
        return "libuv pool and Workers (sampled)", AttachPoolView()

    def bottom_panes(self):
        log = RichLog(id="log", classes="pane", max_lines=1000, wrap=False)
        log.border_title = "Activity changes"
        yield log
        timeline = Timeline()
        timeline.caption = "of wall time"
        yield self.pane("timeline", "Timeline (busy stretches per worker)", timeline)

    def _apply_view(self) -> None:
        super()._apply_view()
        self._fit_all_view()

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
        # Every snapshot (PUBLISH_S) goes to the log, where a change of activity is one line, to the
        # half second; the panes are redrawn once a second (REDRAW_S), or at once when the process
        # ends or threads come or go. (Not when the pool saturates or frees up: a busy pool does so
        # between two jobs, many times a second, and each was a redraw.)
        self._log_changes(snap)
        key = (snap.alive, snap.syscall_readable, len(snap.threads))
        if key == self._drawn_key and snap.taken_at - self._drawn_at < REDRAW_S - 0.01:
            return
        self._drawn_key, self._drawn_at = key, snap.taken_at
        with self.batch_update():
            self.query_one(AttachLoopView).show(snap)
            self.query_one(AttachPoolView).show(snap)
            now = (snap.taken_at - self._t0) * 1000
            self.query_one(Timeline).show(self.recorder, now, 10_000.0, len(snap.workers), None)
            self.query_one("#status").update(self._status(snap))
            self._fit_all_view()

    def _status(self, snap: Snapshot) -> Text:
        what = "Node.js" if snap.is_node else "not Node.js"
        # `ended` may be a sampler error quoting a path: plain text through shown(), never markup.
        state = Text("alive") if snap.alive else Text(shown(snap.ended or "exited"), style="bold")
        perm = "" if snap.syscall_readable is not False else " │ [b]no ptrace permission: scheduler state only[/b]"
        sat = " │ [b reverse] POOL SATURATED [/]" if snap.saturated and snap.syscall_readable else ""
        return Text.assemble(Text.from_markup(f"[b]ptview[/b] attach │ pid {snap.pid} {what} │ "), state,
                             Text.from_markup(f" │ {_rate(snap)} │ {len(snap.threads)} threads{sat}{perm}"))

    def _log_changes(self, snap: Snapshot) -> None:
        log = self.query_one(RichLog)
        t = (snap.taken_at - self._t0) * 1000
        index = {w.tid: i for i, w in enumerate(snap.workers)}
        loop = (snap.loop,) if snap.loop is not None and snap.loop.alive else ()
        workers = {th.tid: i for i, th in enumerate(snap.worker_threads)}
        # Only the threads the panes show (not every thread of a process with thousands).
        for th in (*loop, *snap.workers, *snap.worker_threads):
            # An activity names a path or socket the process chose (a FIFO called ESC]0;...): shown().
            label = "idle" if th.activity.idle else shown(th.activity.label)
            if self._last.get(th.tid) == label:
                continue
            if len(self._last) > 4096:  # Workers come and go: forget the tids of gone threads
                alive = {x.tid for x in snap.threads if x.alive}
                self._last = {k: v for k, v in self._last.items() if k in alive}
            self._last[th.tid] = label
            who = ("loop" if th.role == "main" else f"Worker {workers[th.tid]}" if th.tid in workers
                   else f"worker {index.get(th.tid, '?')}")
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
