"""`ptview --check TALK.toml`: is every scene runnable and every beat reachable? Headless."""

from __future__ import annotations

from tui.core.talk.load import load_talk
from tui.core.talk.model import Scene, Talk, TalkError
from tui.core.talk.scene_run import MAX_STEPS, SceneRun, beat_steps


def plan_scene(talk: Talk, scene: Scene, talk_dir: str) -> list[int]:
    """The step after which each beat of `scene` ends; TalkError for a scene that cannot run
    or a beat that never comes."""
    from tui.core.script.errors import ScriptError

    try:
        run = SceneRun(scene, talk_dir)
    except ScriptError as e:
        raise TalkError(talk.path, scene.line, f"scene {scene.number}: {e.one_line(run_name(scene))}") from None
    except OSError as e:
        raise TalkError(talk.path, scene.line, f"scene {scene.number}: cannot read its script: {e.strerror}") from None
    steps = beat_steps(run, scene.beats)
    for n, (beat, at) in enumerate(zip(scene.beats, steps), 1):
        if at is None:
            why = (f"the scene ends after {run.position} steps at t={run.rt.clock.now():,.3f} ms"
                   if run.position < MAX_STEPS else f"not within {MAX_STEPS:,} steps")
            if run.end_message:
                why += f" ({run.end_message})"
            raise TalkError(talk.path, beat.line, f"scene {scene.number}, beat {n}: "
                                                  f"until {beat.until.text!r} never happens: {why}")
    return steps


def run_name(scene: Scene) -> str:
    return scene.script or f"scene-{scene.number}.js"


def check_talk(path: str) -> tuple[Talk, list[list[int]]]:
    """The talk and, per scene, the step at which each beat ends (every beat reachable);
    TalkError (with its line) for the first problem."""
    import os

    talk = load_talk(path)
    talk_dir = os.path.dirname(os.path.abspath(path))
    return talk, [plan_scene(talk, scene, talk_dir) for scene in talk.scenes]
