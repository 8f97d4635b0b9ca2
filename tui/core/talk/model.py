"""A talk as data: scenes, their setup, their beats. Built by `load.py`, run by `scene_run.py`."""

from __future__ import annotations

from dataclasses import dataclass, field

from tui.core.talk.until import Until

PANES = ("code", "output", "loop", "pool", "log", "timeline")


class TalkError(ValueError):
    """One mistake in a talk file, with the line it is on."""

    def __init__(self, path: str, line: int, message: str) -> None:
        super().__init__(f"{path}:{line}: {message}")
        self.path = path
        self.line = line
        self.message = message


@dataclass(frozen=True)
class Beat:
    until: Until
    caption: str
    line: int          # of its `until`, for --check's messages


@dataclass(frozen=True)
class Column:
    panes: tuple[tuple[str, int], ...]  # (pane, relative height), top to bottom
    width: int = 1                      # relative width


@dataclass(frozen=True)
class Scene:
    title: str
    number: int                        # 1-based
    line: int                          # of its [[scene]] header
    script: str | None = None          # a path, resolved against the talk's directory
    js: str | None = None              # inline JavaScript
    fire: tuple[str, ...] = ()         # --fire specs: the main module fires them, as in the lab
    pool_size: int = 4
    seed: int = 1
    speed: float = 0.0                 # steps per second when a beat plays forward; 0: jump to it
    live_fire: bool = False            # the fire keys work in this scene (fire scenes only)
    columns: tuple[Column, ...] = ()
    beats: tuple[Beat, ...] = ()

    @property
    def is_script(self) -> bool:
        return self.script is not None or self.js is not None


@dataclass(frozen=True)
class Talk:
    path: str
    title: str
    scenes: tuple[Scene, ...] = field(default_factory=tuple)
