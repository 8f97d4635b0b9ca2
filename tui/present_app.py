"""Presenter mode: a talk's scenes and beats on the model, driven by a clicker's keys.

The talk was checked before the screen opened (every beat reached, its step known:
`tui/core/talk/check.py`), so a key press only moves a `SceneRun` to a known step:
forward by stepping, back by a fresh run replayed to that step (the model is
deterministic). Widgets only get snapshots, as in the app.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Static

from tui.core.rules import RULES
from tui.core.talk.model import Talk
from tui.core.talk.scene_run import SceneRun
from tui.core.untrusted import shown, shown_lines
from tui.fire_ops import BY_NAME, FIRE_OPS
from tui.span_update import cropped
from widgets.event_log import EventLog, LogLines
from widgets.loop_view import LoopView
from widgets.pool_view import PoolView
from widgets.timeline import Timeline, TimelineRecorder

TITLES = {"code": "Script", "output": "Output (stdout)", "loop": "Event loop", "pool": "Worker pool",
          "log": "Event log", "timeline": "Timeline (per worker)"}


def _bindings() -> list[Binding]:
    # What clickers send: PageDown/PageUp (some Right/Left), b or . for blackout, F5 and Esc.
    # priority: a pane or the why? screen must not take them (a scroll view binds PageDown).
    b = [
        Binding("pagedown,right,space,down", "next", "Next beat", key_display="PgDn", priority=True),
        Binding("pageup,left,up", "previous", "Previous beat", key_display="PgUp", priority=True),
        Binding("home,f5", "restart", "Restart scene", key_display="Home", priority=True),
        Binding("b,full_stop", "blank", "Blank", key_display="b"),
        Binding("escape", "escape", "Leave blank / quit", key_display="Esc"),
        Binding("e", "why", "Why?"),
        Binding("q", "escape", "Quit", show=False),
        Binding("ctrl+c", "quit", "Quit", show=False, priority=True),
    ]
    b += [Binding(str(n), f"scene({n})", f"Scene {n}", show=False) for n in range(1, 10)]
    # The lab's fire keys, for scenes with `live_fire = true` (check_action turns them off elsewhere).
    b += [Binding(op.key, f"fire('{op.name}')", op.short, show=False) for op in FIRE_OPS if op.key not in "be"]
    return b


class PresentApp(App):
    CSS_PATH = "present.tcss"
    TITLE = "ptview — presenter"
    AUTO_FOCUS = None  # every key is the clicker's
    BINDINGS = _bindings()

    def _display(self, screen, renderable) -> None:
        # Partial updates from the first changed cell on, as in the other apps (tui/span_update.py).
        super()._display(screen, cropped(renderable))

    def __init__(self, talk: Talk, plans: list[list[int]], talk_dir: str, theme: str | None = None,
                 cast=None) -> None:
        self.cast = cast  # --record's CastWriter: before App.__init__, which picks the driver
        super().__init__()
        self.theme_name = theme
        self.talk = talk
        self.plans = plans
        self.talk_dir = talk_dir
        self.scene_i = 0
        self.beat_i = 0
        self.run_: SceneRun | None = None
        self.blank = False
        self._confirm_quit = False
        self._built_for: int | None = None
        self._log_lines = LogLines()
        self._seen = 0
        self._out_len = 0
        self._where_pos = -1
        self._play = None          # the timer playing steps towards `_play_to` (scene `speed`, live fires)
        self._play_to: int | None = None
        self._replay_next = False  # a live fire changed the run: the next beat starts a fresh one

    def get_driver_class(self):
        """Textual's driver for the terminal; for --record, one that also writes the cast; and the
        ASCII layer over that when the locale is not UTF-8 (LANG=C), as the app has it: below
        that layer the cast gets what the terminal is sent, not the frames before it."""
        from tui.ascii_driver import terminal_driver

        driver = super().get_driver_class()
        if self.cast is not None:
            from tui.record_driver import recording

            driver = recording(driver, self.cast)
        return terminal_driver(driver)

    # -- layout -----------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Vertical(id="caption"):
            with Horizontal(id="caption-head"):
                yield Static(id="caption-title")
                yield Static(id="caption-count")
            yield Static(id="caption-text")
            yield Static(id="caption-why")
        yield Horizontal(id="stage")
        yield Static(id="blank")

    def on_resize(self, event) -> None:
        if self.cast is not None:
            self.cast.resize(event.size.width, event.size.height)

    async def on_mount(self) -> None:
        if self.theme_name is not None:
            from tui.themes import apply_theme

            apply_theme(self, self.theme_name)
        await self.show_beat(0, 0)

    @property
    def scene(self):
        return self.talk.scenes[self.scene_i]

    async def _build_stage(self) -> None:
        """The scene's panes, in its columns: built again only when the scene changes."""
        stage = self.query_one("#stage")
        await stage.remove_children()
        self._log_lines = LogLines()
        self._seen = 0
        self._out_len = 0
        self._where_pos = -1
        columns = []
        for column in self.scene.columns:
            boxes = []
            for name, height in column.panes:
                box = self._pane(name)
                box.styles.height = f"{height}fr"
                boxes.append(box)
            col = Vertical(*boxes)
            col.styles.width = f"{column.width}fr"
            columns.append(col)
        await stage.mount_all(columns)
        self._built_for = self.scene_i

    def _pane(self, name: str):
        scene = self.scene
        if name == "code":
            from widgets.code_view import CodeView

            run = self._run()
            from tui.themes import code_theme

            box = Vertical(CodeView(run.source, id="code", theme=code_theme(self.theme_name)), classes="pane",
                           id="pane-code")
            import os

            box.border_title = Text(shown(f"Script {os.path.basename(run.filename)}"))
            return box
        if name == "output":
            from widgets.script_output import ScriptOutput

            out = ScriptOutput(id="output", classes="pane")
            out.border_title = TITLES["output"]
            return out
        content = {"loop": lambda: LoopView(id="loopview"), "pool": lambda: PoolView(id="poolview"),
                   "log": lambda: EventLog(self._log_lines, id="eventlog"),
                   "timeline": lambda: Timeline(id="timelineview")}[name]()
        box = (Vertical if name == "log" else VerticalScroll)(content, classes="pane", id=f"pane-{name}")
        box.border_title = TITLES[name] + (f" · {scene.pool_size} threads" if name == "pool" else "")
        return box

    # -- moving through the talk --------------------------------------------------------

    def _run(self) -> SceneRun:
        if self.run_ is None or self.run_.scene is not self.scene:
            self.run_ = SceneRun(self.scene, self.talk_dir)
        return self.run_

    async def show_beat(self, scene_i: int, beat_i: int) -> None:
        if scene_i != self.scene_i:
            self.run_ = None
        self.scene_i, self.beat_i = scene_i, beat_i
        target = self.plans[scene_i][beat_i]
        run = self._run()
        rebuilt = self._built_for != scene_i
        self._stop_playing(finish=False)  # whichever way we go, the target is what counts
        if run.position > target or self._replay_next:  # back: a fresh run replayed to the earlier step
            self.run_ = run = SceneRun(self.scene, self.talk_dir)
            self._replay_next = False
            rebuilt = True
        if rebuilt:
            await self._build_stage()
        if self.scene.speed > 0 and target > run.position and not rebuilt:
            self._start_playing(target, self.scene.speed)  # the steps in between, one by one
        else:
            run.goto(target)
        self.render_beat()

    def _start_playing(self, target: int | None, speed: float) -> None:
        """Step towards `target` (None: until nothing more can run) `speed` steps a second."""
        self._play_to = target
        self._play = self.set_interval(1 / speed, self._play_step)

    def _play_step(self) -> None:
        run = self._run()
        if (self._play_to is not None and run.position >= self._play_to) or not run.step():
            self._stop_playing()
        self.render_beat()

    def _stop_playing(self, finish: bool = True) -> None:
        """Stop the steps playing; `finish`: be at the end of the beat they were playing to."""
        if self._play is not None:
            self._play.stop()
            self._play = None
            if self._play_to is not None and finish:
                self._run().goto(self._play_to)
            self._play_to = None

    def render_beat(self) -> None:
        run = self._run()
        scene = self.scene
        beat = scene.beats[self.beat_i]
        rt = run.rt
        snap = rt.snapshot()
        with self.batch_update():
            self.query_one("#caption-title", Static).update(Text(shown(scene.title)))
            self.query_one("#caption-count", Static).update(
                f"scene {self.scene_i + 1}/{len(self.talk.scenes)} · beat {self.beat_i + 1}/{len(scene.beats)}")
            self.query_one("#caption-text", Static).update(Text("\n".join(shown_lines(beat.caption))))
            self.query_one("#caption-why", Static).update(self._why_line())
            api = getattr(run, "api", None)  # a fire scene's: its Workers' loops beside the main one
            loops = api.workers.loops(snap) if api is not None and api._workers is not None else ()
            # In full: a Worker's loop while it runs a callback (a blocked one), else the main loop.
            busy = [lt.thread for lt in loops if lt.thread and lt.snap.running is not None]
            for view in self.query(LoopView):
                view.show(snap, None, loops, busy[-1] if busy else 0)
            expected = {w.job.id: w.job.handle for w in rt.pool.workers
                        if w.job is not None and isinstance(w.job.handle, float)}
            for view in self.query(PoolView):
                view.show(snap, None, expected)
            new = rt.events.since(self._seen)
            if new:
                self._seen = new[-1].seq
                self._log_lines.add_events(new)
            for log in self.query(EventLog):
                log.sync()
            for timeline in self.query(Timeline):
                recorder = TimelineRecorder()
                for e in rt.events.recent:
                    if e.ev == "start":
                        recorder.started(e.worker, e.task, e.job, e.op, e.t, e.thread)
                    elif e.ev == "done":
                        recorder.finished(e.job, e.t)
                timeline.show(recorder, snap.t, max(50.0, snap.t), len(rt.pool.workers), None)
            text = run.output
            for out in self.query("#output"):
                if len(text) > self._out_len:
                    out.add(text[self._out_len:])  # shown() line by line: the script is untrusted
                self._out_len = len(text)
            if run.position != self._where_pos:
                self._where_pos = run.position
                for code in self.query("#code"):
                    code.highlight(run.where)

    def last_step_events(self) -> list:
        return self._run().last_step_events()

    def _why_line(self) -> Text:
        events = self.last_step_events()
        if not events:
            return Text("why: nothing has run yet — the next beat starts the scene", style="italic")
        # The callback the step ran explains it best (a step ends at a callback); else its last event.
        callbacks = [e for e in events if e.ev == "callback"]
        rule = RULES[(callbacks or events)[-1].rule]
        return Text.assemble(("why: ", "bold"), rule.sentence, (f"  [{rule.id}]", "italic"))

    async def action_next(self) -> None:
        if self.blank or self._cancel_quit():
            return
        if self.beat_i + 1 < len(self.scene.beats):
            await self.show_beat(self.scene_i, self.beat_i + 1)
        elif self.scene_i + 1 < len(self.talk.scenes):
            await self.show_beat(self.scene_i + 1, 0)
        else:
            self.notify("the end of the talk (Esc twice leaves)", timeout=3)

    async def action_previous(self) -> None:
        if self.blank or self._cancel_quit():
            return
        if self.beat_i > 0:
            await self.show_beat(self.scene_i, self.beat_i - 1)
        elif self.scene_i > 0:
            await self.show_beat(self.scene_i - 1, len(self.talk.scenes[self.scene_i - 1].beats) - 1)

    async def action_restart(self) -> None:
        if self.blank or self._cancel_quit():
            return
        self.run_ = None
        self._built_for = None
        await self.show_beat(self.scene_i, 0)

    async def action_scene(self, n: int) -> None:
        if self.blank or self._cancel_quit():
            return
        if n > len(self.talk.scenes):
            self.notify(f"this talk has {len(self.talk.scenes)} scenes", timeout=2)
            return
        self.run_ = None
        self._built_for = None
        await self.show_beat(n - 1, 0)

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        # The fire keys belong to the clicker's story unless the scene asks for live firing.
        if action == "fire":
            return self.scene.live_fire and not self.blank
        return True

    def action_fire(self, name: str) -> None:
        """A key fires as in the app: a TTY read, its callback in poll; then the model plays it out.
        Live fires are an aside: the next beat replays the scene without them."""
        from tui.core.callbacks import Callback

        op = BY_NAME[name]
        run = self._run()
        rt = run.rt
        value = op.parse(op.preset if op.preset is not None else op.default) if op.arg or op.preset else None
        self._stop_playing()

        def on_key() -> None:
            op.call(run.api, value) if name != "block" else run.api.block(value, charge=False)

        rt.loop.io_ready_now(Callback(on_key, f"key → {op.title}", op="tty.keypress", cost=rt.work.cost("callback")))
        self._replay_next = True
        self._start_playing(None, max(self.scene.speed, 20.0))

    def action_blank(self) -> None:
        self._cancel_quit()
        self.blank = not self.blank
        self.screen.set_class(self.blank, "-blank")

    def action_escape(self) -> None:
        if self.blank:
            self.action_blank()
            return
        if self._confirm_quit:
            self.exit()
            return
        self._confirm_quit = True
        self.query_one("#caption-why", Static).update(
            Text("Leave the talk? Esc again quits; any other key stays.", style="bold reverse"))

    def _cancel_quit(self) -> bool:
        """A key after the first Esc: stay (and that key does nothing else). Any clicker key also
        closes the why? screen, so that the audience never sees the rules of a step not shown."""
        while len(self.screen_stack) > 1:
            self.pop_screen()
        if not self._confirm_quit:
            return False
        self._confirm_quit = False
        self.query_one("#caption-why", Static).update(self._why_line())
        return True

    def action_why(self) -> None:
        if self.blank or self._cancel_quit():
            return
        from tui.screens.why import WhyScreen

        events = self.last_step_events()
        self.push_screen(WhyScreen("the last step", events))
