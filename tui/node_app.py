"""`ptview --node SCRIPT.js`: a real node's run in the panes, as it happens.

The probe's events (tui.core.probe) arrive on a reader thread and wait in a
queue; a frame timer (20 Hz) drains them into `RealState` and the recording,
and hands snapshots to the widgets: the loop pane (queues, inferred phase),
the pool pane (requests in flight, and the real worker threads sampled from
/proc as `--pid` does), the process tree rooted at node (its real
threads), the log, the timeline (requests in flight over time) and the
program's output.

ptview cannot pause node. Pause (`space`) freezes the panes while the
recording goes on; `,` and `.` then move back and forward through what was
recorded, callback by callback, and the loop and pool panes show the state
at that point (rebuilt from the recording). `space` again goes back to live.
"""

from __future__ import annotations

import subprocess
import threading
from collections import deque

from rich.text import Text
from textual.binding import Binding
from textual.containers import Vertical
from textual.css.query import NoMatches
from textual.message import Message
from textual.widgets import RichLog

from tui.core.probe.describe import describe, phase_title
from tui.core.probe.runner import RING, NodeRun
from tui.core.probe.state import RealState, replay
from tui.core.untrusted import shown, shown_lines
from tui.pane_app import VIEW_BINDINGS, PaneApp
from widgets.attach_view import AttachPoolView
from widgets.real_view import RealLoopView, RealPoolView
from widgets.timeline import Timeline, TimelineRecorder

FPS = 20
LOG_PER_FRAME = 200       # log lines written per frame at most (the rest: one "… N more" line)
OUTPUT_LINES = 2000
TIMELINE_WINDOW_MS = 5000.0
SLOTS = 16                # rows of the timeline: requests in flight at once


class Sampled(Message):
    def __init__(self, snap) -> None:
        super().__init__()
        self.snap = snap


class NodeApp(PaneApp):
    TITLE = "ptview node"
    BINDINGS = [
        Binding("space", "pause", "Pause"),
        Binding("comma", "back", "Back", key_display=","),
        Binding("full_stop", "forward", "Fwd", key_display="."),
        *VIEW_BINDINGS,
    ]

    def __init__(self, run: NodeRun, title: str, *, refresh: float = 1.0, screenshot_dir: str | None = None) -> None:
        super().__init__(screenshot_dir)
        self.run_ = run
        self.title_text = title
        self.refresh_s = refresh
        self.incoming: deque[dict] = deque()        # filled by the probe reader's thread
        self.output: deque[bytes] = deque()         # filled by the output reader's thread
        self.recorded: deque[dict] = deque(maxlen=RING)
        self.state = RealState()
        self.paused = False
        self.cursor: int | None = None              # paused: how many recorded events are shown
        self.recorder = TimelineRecorder()
        self._slots: dict[int, int] = {}            # request id → timeline row
        # Node starts now, before the panes are composed: the process tree is rooted at its pid.
        run.on_event = self.incoming.append
        run.start()
        self._out_thread: threading.Thread | None = None
        if run.proc.stdout is not None:
            self._out_thread = threading.Thread(target=self._read_output, name="ptview-node-output", daemon=True)
            self._out_thread.start()

    # -- layout -------------------------------------------------------------------------

    def left_pane(self):
        return "Processes & threads", self._make_tree

    def _make_tree(self):
        from widgets.proc_tree import ProcTree

        return ProcTree(root_pid=self.run_.pid, refresh_interval=self.refresh_s, id="proctree")

    def loop_pane(self):
        return "Event loop of real node (phase inferred)", RealLoopView(id="realloop")

    def pool_pane(self):
        # The probe says which requests are in flight; the attach sampler (/proc, as --pid)
        # says which real worker thread is busy in which call: the two halves of the pool.
        box = Vertical(RealPoolView(id="realpool"), AttachPoolView(id="realworkers"))
        box.styles.height = "auto"
        return "Pool: requests in flight (probe), workers (/proc)", box

    def bottom_panes(self):
        out = RichLog(id="output", classes="pane", max_lines=OUTPUT_LINES, wrap=True, markup=False)
        out.border_title = "Output (stdout + stderr)"
        yield out
        log = RichLog(id="log", classes="pane", max_lines=1000, wrap=False, markup=False)
        log.border_title = "Callbacks"
        yield log
        timeline = Timeline(id="timelineview")
        timeline.caption = "of node's time (rows: requests in flight, not threads)"
        yield self.pane("timeline", "Timeline (pool requests)", timeline)

    # -- running ------------------------------------------------------------------------

    def on_mount(self) -> None:
        super().on_mount()
        self._apply_view()
        self._mounted_once = True
        self.set_interval(1 / FPS, self.frame)
        self.frame()
        from tui.core.attach.sampler import Sampler

        self.sampler = Sampler(self.run_.pid, hz=20.0, publish_interval=0.25,
                               on_snapshot=lambda snap: self.post_message(Sampled(snap)))
        self.sampler.start()

    def on_sampled(self, message: Sampled) -> None:
        if self.paused:
            return  # the recording is the probe's; the threads are shown as they are now, when live
        for view in self.query(AttachPoolView):
            view.show(message.snap)

    def _read_output(self) -> None:
        f = self.run_.proc.stdout
        for line in iter(f.readline, b""):
            self.output.append(line)

    def on_unmount(self) -> None:
        sampler = getattr(self, "sampler", None)
        if sampler is not None:
            sampler.stop()
        self.run_.stop()  # kill and reap node, whatever ended the app

    def frame(self) -> None:
        try:
            self._frame()
        except NoMatches:
            pass  # a frame while the app is closing: its panes are being removed

    def _frame(self) -> None:
        new = []
        while self.incoming:
            new.append(self.incoming.popleft())
        for e in new:
            self.state.apply(e)
            self.recorded.append(e)
            self._timeline(e)
        if self.run_.returncode is None and self.run_.proc is not None and self.run_.proc.poll() is not None:
            self.run_.wait()  # node exited: take what it wrote last
        if self.paused:
            self._status()
            return
        with self.batch_update():
            self._show_output()
            self._show_log(new)
            self._show(self.state.snapshot())

    def _timeline(self, e: dict) -> None:
        if e.get("kind") != "pool":
            return
        rid = e["task"]
        if e["ev"] == "submit":
            used = set(self._slots.values())
            row = next((i for i in range(SLOTS) if i not in used), None)
            if row is not None:
                self._slots[rid] = row
                self.recorder.started(row, rid, rid, e.get("op", "?"), e["t"])
        elif e["ev"] in ("callback", "destroy") and rid in self._slots:
            self._slots.pop(rid)
            self.recorder.finished(rid, e["t"])

    def _show(self, snap) -> None:
        self.query_one(RealLoopView).show(snap)
        self.query_one(RealPoolView).show(snap)
        rows = max(4, 1 + max(self._slots.values(), default=0))
        for tl in self.query(Timeline):
            tl.show(self.recorder, snap.t, TIMELINE_WINDOW_MS, rows, None)
        self._status(snap)

    def _show_output(self) -> None:
        if not self.output:
            return
        out = self.query_one("#output", RichLog)
        while self.output:
            for line in shown_lines(self.output.popleft().rstrip(b"\n")):
                out.write(line)

    def _show_log(self, events: list[dict]) -> None:
        log = self.query_one("#log", RichLog)
        lines = []
        for e in events:
            if e["ev"] == "phase":
                lines.append(f"{'':10}  ── {phase_title(e)}")
                continue
            text = describe(e)
            if text is not None:
                lines.append(f"{e['t']:10.3f}  {text}")
        if len(lines) > LOG_PER_FRAME:
            log.write(f"   … {len(lines) - LOG_PER_FRAME:,} lines not shown (too many in one frame)")
            lines = lines[-LOG_PER_FRAME:]
        for line in lines:
            log.write(line)

    def _status(self, snap=None) -> None:
        snap = snap or self.state.snapshot()
        code = self.run_.returncode
        state = (f"[b]exited {code}[/b]" if code is not None else
                 "[b reverse] PAUSED [/] node runs on, recording" if self.paused else "▶ live")
        at = ""
        if self.paused and self.cursor is not None:
            at = f" │ event {self.cursor:,} of {len(self.recorded):,} (, . to move)"
        # The program's name is outside text: plain Text through shown(), never markup.
        self.query_one("#status").update(Text.assemble(
            Text.from_markup("[b]ptview[/b] node │ "), shown(self.title_text),
            Text.from_markup(f" │ pid {self.run_.pid} │ {state} │ {snap.callbacks:,} callbacks{at}")))

    def action_help(self) -> None:
        from tui.screens.node_help import NodeHelpScreen

        self.push_screen(NodeHelpScreen())

    # -- pause and the recording ----------------------------------------------------------

    def action_pause(self) -> None:
        self.paused = not self.paused
        if self.paused:
            self.cursor = len(self.recorded)
            self._status()
        else:
            self.cursor = None
            self.frame()

    def _move(self, step: int) -> None:
        if not self.paused:
            self.action_pause()
        events = list(self.recorded)
        i = self.cursor if self.cursor is not None else len(events)
        # One callback at a time: to the previous/next `callback` event.
        i += step
        while 0 < i < len(events) and events[i - 1]["ev"] != "callback":
            i += step
        self.cursor = max(0, min(len(events), i))
        snap = replay(events, self.cursor).snapshot()
        with self.batch_update():
            self.query_one(RealLoopView).show(snap)
            self.query_one(RealPoolView).show(snap)
            self._status(snap)

    def action_back(self) -> None:
        self._move(-1)

    def action_forward(self) -> None:
        self._move(+1)


def make_run(argv: list[str]) -> NodeRun:
    return NodeRun(argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
