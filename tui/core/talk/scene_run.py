"""Run one scene on the model, step by step, and find the step where each beat ends.

A script scene steps a `ScriptSession` (one JS callback a step; only its public face:
`step()`, `where`, `output`, `rt`, so it survives a change of JS engine). A `fire`
scene is the headless lab's main module on a sim `Runtime`, one model step at a time.
Going back is a fresh run replayed to an earlier step: the model is deterministic.
"""

from __future__ import annotations

import os

from tui.core.ops import NodeAPI
from tui.core.runtime import Runtime
from tui.core.sim_work import SimWork
from tui.core.spec import parse_specs
from tui.core.talk.model import Scene

MAX_STEPS = 200_000  # a beat not reached in this many steps is reported as unreachable


class SceneRun:
    def __init__(self, scene: Scene, talk_dir: str) -> None:
        self.scene = scene
        self.session = None
        self.position = 0
        self.step_from = 0  # the event count before the last step: its events explain the picture
        if scene.is_script:
            from tui.core.script.session import ScriptSession  # the JS engine loads for script scenes only

            if scene.script is not None:
                path = os.path.join(talk_dir, scene.script)
                self.session = ScriptSession.from_file(path, seed=scene.seed, pool_env=str(scene.pool_size))
            else:
                path = os.path.join(talk_dir, f"scene-{scene.number}.js")
                self.session = ScriptSession(path, scene.js, seed=scene.seed, pool_env=str(scene.pool_size))
            self.filename = path
        else:
            self.filename = None
            self._rt = Runtime(scene.pool_size, work=SimWork(scene.seed))
            self.api = NodeAPI(self._rt)
            specs = parse_specs(list(scene.fire))
            main_cost = self._rt.work.cost("main_op")

            def main() -> None:  # the fires as a script's top level, as `ptview --headless --fire`
                for spec in specs:
                    for _ in range(spec.count):
                        spec.fire_one(self.api)
                        self._rt.consume(main_cost)

            self._rt.start(main)
            self._rt.loop.active_handles += 1 if scene.live_fire else 0  # a TTY keeps a live scene alive

    @property
    def rt(self):
        return self.session.rt if self.session is not None else self._rt

    @property
    def output(self) -> str:
        return self.session.output if self.session is not None else ""

    @property
    def source(self) -> str | None:
        return self.session.source if self.session is not None else None

    @property
    def where(self):
        return self.session.where if self.session is not None else None

    @property
    def end_message(self) -> str | None:
        return self.session.end_message if self.session is not None else None

    def step(self) -> bool:
        """One step; False when nothing more can run (the scene is over)."""
        self.step_from = self.rt.events.count
        moved = self.session.step() if self.session is not None else self._rt.step()
        if moved:
            self.position += 1
        return moved

    def last_step_events(self) -> list:
        """The last step's events, without the loop's empty phases."""
        return [e for e in self.rt.events.since(self.step_from) if e.ev != "phase"]

    def goto(self, n: int) -> None:
        while self.position < n and self.step():
            pass


def beat_steps(run: SceneRun, beats, limit: int = MAX_STEPS) -> list[int | None]:
    """The step count after which each beat ends (None: never, the scene ends first).

    One matcher at a time sees the run's events as they happen and is told of each step
    as it ends; a beat that ends inside a step hands the rest of that step's events to
    the next beat, but not the step itself (`step 1` after it means one more step)."""
    out: list[int | None] = []
    busy: set = set()
    task_op: dict = {}
    rt = run.rt
    current = {"m": None, "mid": False, "mark": 0}

    def reached(mid_step: bool) -> None:
        out.append(run.position + (1 if mid_step else 0))
        current["mark"] = len(run.output)  # mid-step too: what the reached callback prints is the next beat's
        current["m"] = beats[len(out)].until.fresh() if len(out) < len(beats) else None
        current["mid"] = mid_step
        if current["m"] is not None and current["m"].done:  # `step 0`: the same picture again
            reached(mid_step)

    def on_event(e) -> None:
        if e.ev == "submit" and e.job is None and e.task is not None:
            task_op[e.task] = e.op
        elif e.ev == "start":
            busy.add(e.worker)
        elif e.ev == "done":
            busy.discard(e.worker)
        m = current["m"]
        if m is not None and m.event(e, task_op.get(e.task), len(busy) >= rt.pool.size):
            reached(True)

    if not beats:
        return out
    current["m"] = beats[0].until.fresh()
    if current["m"].done:
        reached(False)
    unsubscribe = rt.events.subscribe(on_event)
    try:
        while current["m"] is not None and run.position < limit:
            current["mid"] = False
            moved = run.step()
            m = current["m"]
            if m is None:
                break
            if not moved:
                if m.ended():
                    out.append(run.position)
                break
            # The step in which the previous beat ended is that beat's: `step 1` means one more.
            if m.step(rt.clock.now(), run.output[current["mark"]:], counts=not current["mid"]):
                reached(False)
    finally:
        unsubscribe()
    return out + [None] * (len(beats) - len(out))
