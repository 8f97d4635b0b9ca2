"""The App: wires the model to the panes, the keys to the model, frames to the clock.

The App owns the runtime and its driver; widgets only get immutable
snapshots (DESIGN.md, Architecture). Keys fire operations the way a Node
program would receive them: as a keypress callback in the poll phase.
"""

from __future__ import annotations

import asyncio
import math
import os
import time

from rich.text import Text
from textual.binding import Binding

from tui.core import events as E
from tui.core.callbacks import Callback
from tui.core.driver import SimDriver
from tui.core.ops import NodeAPI
from tui.core.runtime import Runtime
from tui.core.sim_work import SimWork
from tui.core.snapshot import thread_loops
from tui.core.tasks import TaskRef, cancel, every_task, find_task, loop_of
from tui.core.untrusted import shown
from tui.fire_ops import BY_NAME, FIRE_OPS
from tui.pane_app import VIEW_BINDINGS, PaneApp
from widgets.loop_view import LoopView
from widgets.pool_view import PoolView
from widgets.event_log import EventLog, LogLines
from widgets.timeline import Timeline, TimelineRecorder

BURST = 4
WORKER_BLOCK_MS = 2000.0  # `u`: how long a Worker blocks its own loop (no dialog: one key, one demo)
SLOW_STEP_MS = 100.0  # a script step that took this much real CPU gets its time on the status line
_REDRAW = object()  # a timeline selection that never matches: draw it at the next frame


def _bindings() -> list[Binding]:
    # `W` before the fire keys: on one line at 80 columns the key bar shows it (issue 18).
    b = [Binding("W", "worker_new", "new Worker", tooltip="new Worker: a thread running its own event loop")]
    b += [Binding(op.key, f"fire('{op.name}')", op.short, key_display=op.key, tooltip=op.title)
          for op in FIRE_OPS]
    b += [
        # worker_threads: a Worker is a thread with a loop of its own; the pool stays one per process.
        Binding("p", "worker('echo')", "postMessage", tooltip="postMessage to the selected Worker (it answers)"),
        Binding("j", "worker('pbkdf2')", "Worker pbkdf2",
                tooltip="the selected Worker runs crypto.pbkdf2: its job joins the process's one pool"),
        Binding("u", "worker('block')", "Worker blocks",
                tooltip=f"the selected Worker blocks its own loop {WORKER_BLOCK_MS / 1000:g} s: the main loop runs on"),
        Binding("K", "worker_terminate", "terminate", tooltip="worker.terminate() on the selected Worker"),
        Binding("L", "next_loop", "next loop", tooltip="select the next loop: main, then each Worker's"),
        Binding("b", "burst", f"Burst ×{BURST}"),
        Binding("space", "toggle_pause", "Pause/run"),
        Binding("full_stop", "step", "Step", key_display="."),
        Binding("comma", "step_back", "Step back", key_display=","),
        Binding("plus,equals_sign", "faster", "Faster", key_display="+"),
        Binding("minus", "slower", "Slower", key_display="-"),
        Binding("left_square_bracket", "select(-1)", "Prev task", key_display="["),
        Binding("right_square_bracket", "select(1)", "Next task", key_display="]"),
        Binding("enter", "details", "Details"),
        Binding("x", "cancel_selected", "Cancel job"),
        Binding("e", "why", "Why?"),
    ]
    return b + VIEW_BINDINGS


# A job with no expected end (live: a FIFO, a slow disk, a long getaddrinfo) shows only its
# elapsed time: past its first second, once a second is enough (issue 14: one readFile stuck
# on a FIFO kept 20 frames a second going, 13-26 % of a core, for a number that moved by 1 s).
FINE_ELAPSED_MS = 1000.0


def _moving(rt) -> bool:
    """Something on screen moves faster than once a second: a callback running on the loop
    thread (the main one or a sim Worker's), a progress bar (a job whose end the sim knows), a
    job in its first second."""
    if rt.loop.running is not None:
        return True
    if rt.threads and rt.clock.still and any(t.loop.running is not None for t in rt.threads.values()):
        return True
    now = rt.clock.now()
    for w in rt.pool.workers:
        job = w.job
        if job is not None and (isinstance(job.handle, float) or now - (job.t_start or now) < FINE_ELAPSED_MS):
            return True
    return False


class PtviewApp(PaneApp):
    TITLE = "ptview"
    BINDINGS = _bindings()

    def __init__(self, *, pool_size: int = 4, seed: int = 1, speed: float = 1.0, paused: bool = False,
                 fps: float = 20.0, autoplay: bool = True, screenshot_dir: str | None = None, proc_pane=None,
                 root_pid: int | None = None, refresh: float = 1.0, session=None, live: bool = False) -> None:
        super().__init__(screenshot_dir)
        self.session = session  # a ScriptSession: `ptview SCRIPT.js`
        if session is not None:
            from tui.core.script.offthread import OffThreadScriptDriver

            self.rt = session.rt
            self.api = None
            # Steps run off the UI thread: a long one must not hold `q` (tui/core/script/offthread.py).
            self.driver = OffThreadScriptDriver(session, speed=speed, paused=True, on_done=self._step_done_elsewhere)
        elif live:
            from tui.core.live.driver import LiveDriver
            from tui.core.live.runtime import LiveRuntime

            self.rt = LiveRuntime(pool_size)
            self.api = NodeAPI(self.rt)
            self.driver = LiveDriver(self.rt, paused=paused)
        else:
            self.rt = Runtime(pool_size, work=SimWork(seed))
            self.api = NodeAPI(self.rt)
            self.driver = SimDriver(self.rt, speed=speed, paused=paused)
        self._kick_timer = None
        self._frame_timer = None
        self._idle = False
        self._woke = False
        self._in_frame = False
        self._lit_tids: set[int] = set()
        self.seed = seed
        self.fps = fps
        self.autoplay = autoplay  # False: no frame timer (tests drive the model themselves)
        self.proc_pane = proc_pane  # tests pass a ProcTree fed with fixed data
        self.root_pid = root_pid
        self.refresh_s = refresh
        self.selected: TaskRef | None = None  # a task of any loop: (its loop, its id there)
        self.selected_loop = 0  # the loop shown in full: 0 the main thread's, else a Worker's threadId
        self._workers_seen = 0
        self._loops_title = None
        self.last_fire: tuple[str, object] | None = None
        self.last_args: dict[str, str] = {op.name: op.default for op in FIRE_OPS if op.default is not None}
        self.recorder = TimelineRecorder()
        self.log_lines = LogLines()  # filled while the log is hidden, so it shows the past when shown
        self._seen = 0
        self._last_wall = time.monotonic()
        self._ui_loop = None  # the asyncio loop, set on mount
        self._last_render = 0.0
        self._timeline_sel: int | None = None
        self._out_len = 0
        self._where_pos = -1
        self.rt.events.subscribe(self._record)
        if session is None:
            # A TTY handle keeps the model's loop alive, as stdin does for a Node REPL.
            self.rt.loop.active_handles += 1
            self.rt.start(None)

    # -- layout -----------------------------------------------------------------------

    def left_pane(self):
        if self.session is not None:
            from widgets.code_view import CodeView

            from tui.themes import code_theme

            return (f"Script {os.path.basename(self.session.filename)}",
                    CodeView(self.session.source, id="code", theme=code_theme(self.theme_name)))
        return "Processes & threads", self.proc_pane if self.proc_pane is not None else self._make_tree

    def _make_tree(self):
        from widgets.proc_tree import ProcTree  # with the scanner: only when the pane is first shown

        tree = ProcTree(root_pid=self.root_pid, refresh_interval=self.refresh_s, id="proctree")
        tree.on_fed = self._tree_fed
        return tree

    def _tree_fed(self) -> None:
        """A scan reached the tree: when idle, the clock's once-a-second frame goes with it, so
        both reach the terminal in one update (two a second cost twice the compositing)."""
        if self._idle and time.monotonic() - self._last_render >= 0.5:
            self.frame()

    def loop_pane(self):
        return "Event loop", LoopView(id="loopview")

    def pool_pane(self):
        return "Worker pool", PoolView(id="poolview")

    def bottom_panes(self):
        if self.session is not None:
            from widgets.script_output import ScriptOutput

            out = ScriptOutput(id="output", classes="pane")
            out.border_title = "Output (stdout)"
            yield out
        yield self.pane("log", "Event log", lambda: EventLog(self.log_lines, id="eventlog"), scroll=False)
        yield self.pane("timeline", "Timeline (per worker)", lambda: Timeline(id="timelineview"))

    def pane_shown(self, pane_id: str) -> None:
        if pane_id == "procs":
            self._lit_tids = None  # light the selected task's worker thread in the new tree
        if pane_id == "timeline":
            self._timeline_sel = _REDRAW
            self.render_model()

    def on_mount(self) -> None:
        self._ui_loop = asyncio.get_running_loop()  # for the script worker thread's wake-up
        if self.is_headless and self.session is not None:
            # Pilot tests and snapshots: every step completes before the next key, whatever the load.
            self.driver.wait_s = None
        self._apply_view()
        self._mounted_once = True
        if self.autoplay:
            self._frame_timer = self.set_interval(1 / self.fps, self.frame)
            # While nothing can happen the fast timer sleeps and this one moves the clock:
            # 20 wake-ups a second for nothing were a third of ptview's idle CPU.
            self.set_interval(1.0, self.frame)
            if self.driver.mode == "live":
                # Completions and sockets wake the model at once, not at the next frame.
                asyncio.get_running_loop().add_reader(self.driver.fileno(), self._kick)
            # The model's start-up (the main module, the first loop iteration) before the first
            # paint: the first frame is the settled one, not a frame redrawn 50 ms later.
            self.frame()
        if not self._last_render:
            self.render_model()

    def _kick(self) -> None:
        if self._kick_timer is not None:
            self._kick_timer.cancel()
            self._kick_timer = None
        self._lit_tids: set[int] = set()
        self.driver.advance()
        self._wake()
        due = self.driver.next_due_in()
        if due is not None:
            self._kick_timer = asyncio.get_running_loop().call_later(due, self._kick)

    # -- frames -----------------------------------------------------------------------

    def _record(self, e: E.Event) -> None:
        if e.ev == E.START:
            self.recorder.started(e.worker, e.task, e.job, e.op, e.t, e.thread)
        elif e.ev == E.DONE:
            self.recorder.finished(e.job, e.t)

    def _step_done_elsewhere(self) -> None:
        """On the script's worker thread: a long step ended; redraw on the UI thread."""
        loop = self._ui_loop
        if loop is not None:
            try:
                loop.call_soon_threadsafe(self._after_long_step)
            except RuntimeError:
                pass  # the app has ended meanwhile

    def _after_long_step(self) -> None:
        self._last_wall = time.monotonic()  # the long step is not time to make up for
        self.render_model()

    def _model_busy(self) -> bool:
        """A script step is running on its worker thread: the model is not ours to read now."""
        return getattr(self.driver, "busy", False)

    def frame(self) -> None:
        if self._model_busy():
            return
        now = time.monotonic()
        # A stalled frame must not jump minutes; an idle model has nothing to skip over.
        dt = min(1500.0 if self._idle or self._woke else 250.0, (now - self._last_wall) * 1000.0)
        self._woke = False
        self._last_wall = now
        self.driver.advance(dt)
        # Idle over SSH should cost next to nothing: with no new event and no worker busy
        # only the clock moves, and once a second is enough for that.
        rt = self.driver.rt
        moving = _moving(rt)
        changed = rt.events.count != self._seen or self._workers_version() != self._workers_seen
        if moving or changed or now - self._last_render >= 1.0:
            self._in_frame = True
            try:
                self.render_model()
            finally:
                self._in_frame = False
        if not (moving or changed or rt._inbox) and rt.next_time() == math.inf and self._frame_timer is not None:
            if not self._idle:
                self._idle = True
                self._frame_timer.pause()

    def _wake(self) -> None:
        """Something may happen now (a key, a completion): frames at full rate again."""
        if self._idle:
            self._idle = False
            self._woke = True  # the next frame still counts the idle stretch in full
            self._frame_timer.resume()

    def render_model(self) -> None:
        if not self._in_frame:
            self._wake()  # called by an action: the model may have work now
        if self._model_busy():
            self.query_one("#status").update("[b]ptview[/b] script │ running a long step… (q quits)", layout=False)
            return
        self._last_render = time.monotonic()
        if self.driver.rt is not self.rt:
            self._rebind(self.driver.rt)
        if self.session is not None:
            self._show_script()
        rt = self.rt
        snap = rt.snapshot()
        sel = self.selected
        expected = {w.job.id: w.job.handle for w in rt.pool.workers
                    if w.job is not None and isinstance(w.job.handle, float)}
        new = rt.events.since(self._seen)
        if new:
            self._seen = new[-1].seq
        self._workers_seen = self._workers_version()
        if self.api is not None and self.api._workers is not None:
            loops = self.api.workers.loops(snap)  # the keys' Workers, live ones included
        else:
            loops = thread_loops(rt, snap)  # a script's Workers (sim: read between steps)
        if self.selected_loop and not any(lt.thread == self.selected_loop for lt in loops):
            self.selected_loop = 0  # its Worker has exited
        with self.batch_update():
            self._title_loops(loops)
            self.query_one(LoopView).show(snap, sel, loops, self.selected_loop)
            self.query_one(PoolView).show(snap, sel, expected)
            self.log_lines.add_events(new)
            for log in self.query(EventLog):
                log.sync()
            if new or expected or sel != self._timeline_sel:
                # An idle pool's timeline holds still rather than scroll emptiness by every second.
                self._timeline_sel = sel
                window = max(50.0, 2000.0 * self.driver.speed)
                for timeline in self.query(Timeline):
                    timeline.show(self.recorder, snap.t, window, len(rt.pool.workers), sel)
            # One fixed line: the clock ticking must not re-layout the whole screen.
            self.query_one("#status").update(self._status(snap), layout=False)
            self._highlight_threads(sel)

    def _workers_version(self) -> int:
        """Live Workers publish their loops from their own threads: a new version is a change to draw."""
        workers = self.api._workers if self.api is not None else None
        return workers.version if workers is not None else 0

    def _title_loops(self, loops) -> None:
        title = "Event loop" if len(loops) < 2 else f"Event loops · {len(loops)} threads (L: next)"
        if title != self._loops_title:
            self._loops_title = title
            self.query_one("#loop").border_title = title

    def _highlight_threads(self, sel: int | None) -> None:
        """Live mode: the selected task's worker is a real thread, and so is the selected loop's
        Worker; light them in the process pane."""
        tids = set()
        if sel is not None:
            for w in self.rt.pool.workers:
                if w.job is not None and (w.job.thread, w.job.task) == sel and w.tid:
                    tids.add(w.tid)
        if self.selected_loop and self.api is not None:
            worker = self.api.workers.get(self.selected_loop)
            if worker is not None and worker.tid:
                tids.add(worker.tid)
        if tids != self._lit_tids:
            self._lit_tids = tids
            for tree in self.query("ProcTree"):
                tree.highlight_tids(tids)

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        # A script fires its own operations; only a script can be stepped back (by replay).
        if self.session is not None and action in ("fire", "burst", "worker_new", "worker", "worker_terminate"):
            return False
        if self.session is None and action == "step_back":
            return False
        if self.driver.mode == "live" and action in ("faster", "slower"):
            return False  # wall time cannot be scaled
        if action in ("select", "details", "cancel_selected") and self._model_busy():
            return False  # they read the model, which a long script step is changing
        return True

    def _rebind(self, rt) -> None:
        """Step back made a new runtime (a replay): start the panes over from it."""
        self.rt = rt
        self.recorder = TimelineRecorder()
        self.log_lines = LogLines()  # filled while the log is hidden, so it shows the past when shown
        self._seen = 0
        self._out_len = 0
        rt.events.subscribe(self._record)
        self.log_lines.clear()
        self.query_one("#output").clear()
        for e in rt.events.recent:
            self._record(e)

    def _show_script(self) -> None:
        session = self.session
        text = session.output
        if len(text) > self._out_len:
            chunk = text[self._out_len:]
            self._out_len = len(text)
            self.query_one("#output").add(chunk)  # shown() line by line: the script is untrusted
        if session.position != self._where_pos:
            self._where_pos = session.position
            from widgets.code_view import CodeView

            code = self.query_one(CodeView)
            if session.where is not None:
                code.highlight(session.where)
            else:
                code.highlight(None)

    def _status(self, snap) -> Text:
        # ptview's own words as markup; what it quotes (a task's label with its path or host, a
        # script's function name or uncaught error) as plain text through shown(), never markup.
        state = "[b reverse] PAUSED [/]" if self.driver.paused else "▶"
        sel = Text()
        if self.selected is not None:
            task = self.task_of(self.selected)
            if task is not None:
                sel = Text.assemble(" │ ", (self.selected.label, "bold"), f" {shown(task.label)} ({task.state})")
        if self.session is not None:
            session = self.session
            end = Text()
            if session.done:
                end = Text.assemble(" │ ", (f"exit {session.exit_code}", "bold"),
                                    f" {shown(session.end_message)}" if session.end_message else "")
            if session.last_cpu_ms >= SLOW_STEP_MS:
                end.append(f" │ JS {session.last_cpu_ms:,.0f} ms CPU (ptview's engine has no JIT)")
            w = session.where
            loop = f"Worker {w.thread}: " if w is not None and w.thread else ""
            where = f" │ {loop}{shown(w.label)} ({w.phase})" if w is not None else ""
            return Text.assemble(Text.from_markup(
                f"[b]ptview[/b] script │ {state} {self.driver.speed:g}x │ step [b]{session.position}[/b] │ "
                f"t [b]{snap.t:,.1f}[/b] ms │ iter {snap.iteration:,}"), where, end)
        return Text.assemble(Text.from_markup(
            f"[b]ptview[/b] {self.driver.mode} │ {state} {self.driver.speed:g}x │ "
            f"t [b]{snap.t:,.1f}[/b] ms │ iter [b]{snap.iteration:,}[/b] │ pool {snap.pool_size}"), sel)

    # -- firing -----------------------------------------------------------------------

    def action_fire(self, name: str) -> None:
        if self.session is not None:
            self.notify("the script fires the operations here; run ptview without a script to fire by key",
                        severity="warning", timeout=3)
            return
        op = BY_NAME[name]
        if op.arg is None:
            self.fire(name, op.parse(op.preset) if op.preset is not None else None)
            return

        def done(result) -> None:
            if result is not None:
                text, value = result
                self.last_args[name] = text
                self.fire(name, value)

        from tui.screens.fire_dialog import FireDialog  # dialogs load when first opened, not at startup

        self.push_screen(FireDialog(op, self.last_args.get(name, "")), done)

    def fire(self, name: str, value, count: int = 1) -> None:
        """Deliver the key to the model's loop as a TTY read: a callback in the poll phase."""
        op = BY_NAME[name]
        self.last_fire = (name, value)
        rt = self.rt
        if name == "fork" and self.driver.mode == "live":
            count = self._forks_that_fit(count)
            if count == 0:
                return

        def on_key() -> None:
            for _ in range(count):
                task = op.call(self.api, value) if name != "block" else self.api.block(value, charge=False)
            self.selected = TaskRef(0, task.id)

        cost = float(value) if name == "block" else rt.work.cost("callback")
        what = f"{op.title}" + (f" ×{count}" if count > 1 else "")
        rt.loop.io_ready_now(Callback(on_key, f"key → {what}", op="tty.keypress", cost=cost))
        if self.driver.paused:
            self.notify("paused: space runs, . steps", timeout=2)
        self.render_model()

    def _forks_that_fit(self, count: int) -> int:
        """Live children are real processes: at most MAX_LIVE_CHILDREN at once. Say so and fork
        what fits (the runtime refuses more anyway, with spawn EAGAIN, if keys outrun the loop)."""
        from tui.core.live.loop_io import MAX_LIVE_CHILDREN

        room = max(0, MAX_LIVE_CHILDREN - len(self.rt.loop_io.live_children()))
        if count > room:
            self.notify(f"live mode runs at most {MAX_LIVE_CHILDREN} children at once: "
                        + ("wait for one to exit (each stays 5 s)" if room == 0 else f"forking {room}, not {count}"),
                        severity="warning", timeout=3)
        return min(count, room)

    def action_burst(self) -> None:
        if self.last_fire is None:
            self.notify("fire something first: burst repeats the last operation", severity="warning")
            return
        name, value = self.last_fire
        if name.startswith("worker:"):
            self.fire_worker(name.split(":", 1)[1], count=BURST)
            return
        self.fire(name, value, count=BURST)

    # -- worker_threads -------------------------------------------------------------------

    def action_worker_new(self) -> None:
        self.fire_worker("new")

    def action_worker(self, kind: str) -> None:
        self.fire_worker(kind)

    def action_worker_terminate(self) -> None:
        self.fire_worker("terminate")

    def _target_worker(self):
        """The selected loop's Worker, else the newest: what p, j, u and K act on."""
        workers = self.api.workers
        w = workers.get(self.selected_loop) if self.selected_loop else None
        if w is None or w.state == "exited":
            alive = [x for x in workers.alive() if x.state != "exited"]
            w = alive[-1] if alive else None
        return w

    def fire_worker(self, kind: str, count: int = 1) -> None:
        """A key for a Worker, delivered like every key: a TTY read, a callback in the main loop's poll
        phase; there the main thread calls new Worker, postMessage or terminate()."""
        if self.session is not None or self.api is None:
            return
        workers = self.api.workers
        target = None
        if kind == "new":
            room = workers.room()
            if count > room:
                where = "live mode runs" if workers.live else "ptview models"
                self.notify(f"{where} at most {workers.limit} Workers at once: "
                            + ("K terminates the selected one" if room == 0 else f"starting {room}, not {count}"),
                            severity="warning", timeout=3)
                count = room
                if count == 0:
                    return
        else:
            target = self._target_worker()
            if target is None:
                self.notify("no Worker yet: W starts one", severity="warning", timeout=3)
                return
        self.last_fire = ("worker:" + kind, None)
        if kind == "new":
            what = "new Worker"
        elif kind == "terminate":
            what = f"{target.name}.terminate()"
        else:
            what = f"{target.name}.postMessage({kind})"
        iterations = self._pbkdf2_iterations()

        def on_key() -> None:
            task = None
            for _ in range(count):
                if kind == "new":
                    task = workers.new()
                    self.selected_loop = workers.last.n if workers.last is not None else self.selected_loop
                elif kind == "terminate":
                    task = workers.terminate(target)
                elif kind == "pbkdf2":
                    task = workers.post(target, ("pbkdf2", iterations))
                elif kind == "block":
                    task = workers.post(target, ("block", WORKER_BLOCK_MS))
                else:
                    task = workers.post(target, ("echo", None))
            if task is not None:
                self.selected = TaskRef(0, task.id)

        rt = self.rt
        rt.loop.io_ready_now(Callback(on_key, f"key → {what}" + (f" ×{count}" if count > 1 else ""),
                                      op="tty.keypress", cost=rt.work.cost("callback")))
        if self.driver.paused:
            self.notify("paused: space runs, . steps", timeout=2)
        self.render_model()

    def _pbkdf2_iterations(self) -> int:
        try:
            return int(BY_NAME["pbkdf2"].parse(self.last_args.get("pbkdf2")))
        except (ValueError, TypeError):
            return 750_000

    def action_next_loop(self) -> None:
        if self.api is not None and self.api._workers is not None:
            loops = [0] + [w.n for w in self.api.workers.alive()]
        else:
            loops = [0] + sorted(self.rt.threads)  # a script's Workers
        if len(loops) < 2:
            self.notify("one loop only: W starts a Worker, a thread with a loop of its own", timeout=3)
            return
        i = loops.index(self.selected_loop) if self.selected_loop in loops else 0
        self.selected_loop = loops[(i + 1) % len(loops)]
        self.render_model()

    # -- time -------------------------------------------------------------------------

    def action_toggle_pause(self) -> None:
        self.driver.paused = not self.driver.paused
        self._last_wall = time.monotonic()
        self.render_model()

    def action_step(self) -> None:
        self.driver.paused = True
        if not self.driver.step():
            why = "the script has ended" if self.session is not None else "the loop waits in poll for input"
            self.notify(f"nothing to step: {why}", timeout=2)
        self.render_model()

    def action_step_back(self) -> None:
        if self.session is None:
            self.notify("step back replays a script: it needs ptview SCRIPT.js", severity="warning", timeout=3)
            return
        self.driver.paused = True
        if not self.driver.step_back():
            self.notify("at the start of the script", timeout=2)
        self.render_model()

    def action_faster(self) -> None:
        self._change_speed(self.driver.faster)

    def action_slower(self) -> None:
        self._change_speed(self.driver.slower)

    def _change_speed(self, how) -> None:
        if self.driver.mode == "live":
            self.notify("live mode runs in wall time: speed is for sim (ptview --sim)", timeout=3)
            return
        how()
        self.render_model()

    # -- selection --------------------------------------------------------------------

    def task_of(self, ref: TaskRef | None):
        """The task `ref` names, on whichever loop it is (None once that loop no longer keeps it)."""
        return find_task(self.rt, ref) if ref is not None else None

    def action_select(self, delta: int) -> None:
        refs = every_task(self.rt)  # every loop's: a Worker's job can be selected too
        if not refs:
            return
        if self.selected not in refs:
            self.selected = refs[-1] if delta < 0 else refs[0]
        else:
            i = refs.index(self.selected) + delta
            self.selected = refs[max(0, min(len(refs) - 1, i))]
        self.render_model()

    def action_details(self) -> None:
        if self.task_of(self.selected) is None:
            self.notify("no task selected: fire one, or use [ and ]", severity="warning")
            return
        from tui.screens.task_details import TaskDetails

        self.push_screen(TaskDetails(self, self.selected))

    def action_why(self) -> None:
        """The rules behind the selected task's events, or behind the last step when none is selected."""
        from tui.screens.why import WhyScreen

        recent = self.rt.events.recent
        ref = self.selected
        task = self.task_of(ref)
        if task is not None:
            self.push_screen(WhyScreen(f"{ref.label} {task.label}",
                                       [e for e in recent if e.task == ref.id and (e.thread or 0) == ref.thread]))
            return
        last = [e for e in recent if e.ev != "phase"][-3:]
        self.push_screen(WhyScreen("the last step", last or recent[-1:]))

    def cancel_task(self, ref: TaskRef) -> None:
        task = self.task_of(ref)
        if task is None:
            return
        res = cancel(loop_of(self.rt, ref.thread), task)  # uv_cancel from the task's own loop
        if res == "ECANCELED":
            self.notify(f"{ref.label}: cancelled while queued; its callback gets ECANCELED in the poll phase")
        else:
            self.notify(f"{ref.label}: EBUSY — libuv cancels only jobs still in the queue", severity="warning")
        self.render_model()

    def action_cancel_selected(self) -> None:
        if self.selected is not None:
            self.cancel_task(self.selected)

    # -- teardown ---------------------------------------------------------------------

    def on_unmount(self) -> None:
        if self.driver.mode == "live" and self.autoplay:
            try:
                asyncio.get_running_loop().remove_reader(self.driver.fileno())
            except (RuntimeError, ValueError, OSError):
                pass
        if self._kick_timer is not None:
            self._kick_timer.cancel()
        self.driver.shutdown()
