"""Read a talk file (TOML, through Python's own tomllib) into a `Talk`, or one `TalkError`.

    title = "Processes and threads"          # the talk

    [[scene]]
    title = "Five pbkdf2 on four workers"
    script = "five-pbkdf2.js"                # or js = '''...''' or fire = ["pbkdf2x5"]
    pool_size = 4                            # 1..1024 (UV_THREADPOOL_SIZE for the scene)
    seed = 1                                 # the sim model's seed
    speed = 0                                # steps per second when a beat plays (0: jump)
    live_fire = false                        # fire keys on (fire scenes only)
    panes = [["code:3", "output:1"], ["loop:3", "pool:2"]]   # columns of panes, ":N" heights
    widths = [1, 1]                          # relative column widths

    [[scene.beat]]
    until = "callback crypto.pbkdf2"         # tui/core/talk/until.py
    caption = "The first hash is back: its callback runs in poll."
"""

from __future__ import annotations

import os
import re
import tomllib

from tui.core.errors import echo
from tui.core.spec import SpecError, parse_specs
from tui.core.talk.model import PANES, Beat, Column, Scene, Talk, TalkError
from tui.core.talk.positions import Positions
from tui.core.talk.until import UntilError, parse_until

MAX_BYTES = 1_000_000
MAX_SCENES = 99
MAX_BEATS = 99
MAX_CAPTION = 600
TALK_KEYS = {"title", "scene"}
SCENE_KEYS = {"title", "script", "js", "fire", "pool_size", "seed", "speed", "live_fire", "panes", "widths", "beat"}
BEAT_KEYS = {"until", "caption"}
DEFAULT_SCRIPT_PANES = (("code:3", "output:2"), ("loop:3", "pool:2"))
DEFAULT_FIRE_PANES = (("loop:1", "pool:1"), ("log:1",))


def load_talk(path: str) -> Talk:
    name = os.path.basename(path)
    try:
        # A FIFO with no writer would block open() for ever, a device read for ever: regular files only.
        if os.path.exists(path) and not os.path.isdir(path) and not os.path.isfile(path):
            raise TalkError(name, 1, "not a regular file")
        with open(path, "rb") as f:
            data = f.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise TalkError(name, 1, "no such file") from None
    except IsADirectoryError:
        raise TalkError(name, 1, "is a directory, not a talk file") from None
    except OSError as e:
        raise TalkError(name, 1, f"cannot read: {e.strerror}") from None
    if len(data) > MAX_BYTES:
        raise TalkError(name, 1, f"larger than {MAX_BYTES:,} bytes: not a talk file")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise TalkError(name, 1, "not UTF-8 text") from None
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        m = re.search(r"\(at line (\d+), column \d+\)", str(e))
        line = int(m.group(1)) if m else 1
        msg = re.sub(r"\s*\(at (line \d+, column \d+|end of document)\)", "", str(e))
        raise TalkError(name, line, f"not valid TOML: {msg}") from None
    return _Reader(name, os.path.dirname(os.path.abspath(path)), Positions(text)).talk(doc)


class _Reader:
    def __init__(self, name: str, talk_dir: str, pos: Positions) -> None:
        self.name = name
        self.dir = talk_dir
        self.pos = pos

    def fail(self, path: tuple, message: str):
        raise TalkError(self.name, self.pos.line(path), message)

    def unknown(self, table: dict, allowed: set, path: tuple, what: str) -> None:
        for key in table:
            if key not in allowed:
                self.fail(path + (key,), f"unknown key {echo(key)} in {what}; known: {', '.join(sorted(allowed))}")

    def string(self, table: dict, key: str, path: tuple, required: bool = True, limit: int = 200) -> str | None:
        v = table.get(key)
        if v is None:
            if required:
                self.fail(path, f"missing `{key}`")
            return None
        if not isinstance(v, str) or not v.strip():
            self.fail(path + (key,), f"`{key}` must be a non-empty string")
        if len(v) > limit:
            self.fail(path + (key,), f"`{key}` is longer than {limit} characters")
        return v

    def number(self, table: dict, key: str, path: tuple, default, low, high, kind=int):
        v = table.get(key, default)
        ok = isinstance(v, kind) and not isinstance(v, bool) if kind is int else \
            isinstance(v, (int, float)) and not isinstance(v, bool)
        if not ok or not low <= v <= high:
            what = "a whole number" if kind is int else "a number"
            self.fail(path + (key,), f"`{key}` must be {what} from {low} to {high}, got {echo(repr(v))}")
        return v

    def talk(self, doc: dict) -> Talk:
        self.unknown(doc, TALK_KEYS, (), "the talk")
        title = self.string(doc, "title", ("title",))
        scenes = doc.get("scene")
        if not isinstance(scenes, list) or not scenes:
            self.fail(("scene",), "a talk needs at least one [[scene]]")
        if len(scenes) > MAX_SCENES:
            self.fail(("scene", MAX_SCENES), f"more than {MAX_SCENES} scenes")
        return Talk(self.name, title, tuple(self.scene(s, i) for i, s in enumerate(scenes)))

    def scene(self, s: dict, i: int) -> Scene:
        p = ("scene", i)
        self.unknown(s, SCENE_KEYS, p, f"scene {i + 1}")
        title = self.string(s, "title", p)
        setups = [k for k in ("script", "js", "fire") if k in s]
        if len(setups) != 1:
            self.fail(p, f"scene {i + 1} needs exactly one of `script` (a file), `js` (inline JavaScript) "
                         f"or `fire` (a list of --fire specs){'; it has ' + ', '.join(setups) if setups else ''}")
        script = js = None
        fire: tuple[str, ...] = ()
        if "script" in s:
            script = self.string(s, "script", p, limit=4096)
            full = os.path.join(self.dir, script)
            if not os.path.isfile(full):
                self.fail(p + ("script",), f"script {echo(script)} not found (paths are relative to the talk file)")
        elif "js" in s:
            js = self.string(s, "js", p, limit=200_000)
        else:
            fire = s["fire"]
            if not isinstance(fire, list) or not fire or not all(isinstance(x, str) for x in fire):
                self.fail(p + ("fire",), "`fire` must be a list of --fire specs, e.g. [\"pbkdf2x5\"]")
            try:
                parse_specs(fire)
            except SpecError as e:
                self.fail(p + ("fire",), str(e))
            fire = tuple(fire)
        live_fire = s.get("live_fire", False)
        if not isinstance(live_fire, bool):
            self.fail(p + ("live_fire",), "`live_fire` must be true or false")
        if live_fire and (script is not None or js is not None):
            self.fail(p + ("live_fire",), "`live_fire` is for `fire` scenes: a script fires its own operations")
        columns = self.columns(s, p, DEFAULT_SCRIPT_PANES if fire == () else DEFAULT_FIRE_PANES)
        beats = s.get("beat")
        if not isinstance(beats, list) or not beats:
            self.fail(p, f"scene {i + 1} needs at least one [[scene.beat]]")
        if len(beats) > MAX_BEATS:
            self.fail(p + ("beat", MAX_BEATS), f"more than {MAX_BEATS} beats")
        return Scene(
            title=title, number=i + 1, line=self.pos.line(p), script=script, js=js, fire=fire,
            pool_size=self.number(s, "pool_size", p, 4, 1, 1024),
            seed=self.number(s, "seed", p, 1, 0, 2**31 - 1),
            speed=float(self.number(s, "speed", p, 0, 0, 1000, float)),
            live_fire=live_fire, columns=columns,
            beats=tuple(self.beat(b, p + ("beat", j), j) for j, b in enumerate(beats)))

    def columns(self, s: dict, p: tuple, default) -> tuple[Column, ...]:
        raw = s.get("panes", default)
        if not isinstance(raw, (list, tuple)) or not raw or not all(isinstance(c, (list, tuple)) and c for c in raw):
            self.fail(p + ("panes",), "`panes` must be a list of columns, each a list of panes, "
                                      "e.g. [[\"code\", \"output\"], [\"loop\", \"pool\"]]")
        widths = s.get("widths", [1] * len(raw))
        if not isinstance(widths, list) or len(widths) != len(raw) or \
                not all(isinstance(w, int) and not isinstance(w, bool) and 1 <= w <= 20 for w in widths):
            self.fail(p + ("widths",), f"`widths` must be {len(raw)} whole numbers from 1 to 20, one per column")
        seen: set[str] = set()
        out = []
        for col, width in zip(raw, widths):
            panes = []
            for item in col:
                name, _, weight = str(item).partition(":")
                if not isinstance(item, str) or name not in PANES:
                    self.fail(p + ("panes",), f"unknown pane {echo(str(item))}; panes: {', '.join(PANES)}")
                if not (weight == "" or weight.isdigit() and 1 <= int(weight) <= 20):
                    self.fail(p + ("panes",), f"pane {echo(item)}: the height after ':' must be 1 to 20")
                if name in seen:
                    self.fail(p + ("panes",), f"pane {name} is shown twice")
                if name in ("code", "output") and "script" not in s and "js" not in s:
                    self.fail(p + ("panes",), f"pane {name} needs a script scene (`script` or `js`)")
                seen.add(name)
                panes.append((name, int(weight or 1)))
            out.append(Column(tuple(panes), width))
        return tuple(out)

    def beat(self, b: dict, p: tuple, j: int) -> Beat:
        self.unknown(b, BEAT_KEYS, p, f"beat {j + 1}")
        until = self.string(b, "until", p)
        caption = self.string(b, "caption", p, limit=MAX_CAPTION)
        try:
            parsed = parse_until(until)
        except UntilError as e:
            self.fail(p + ("until",), str(e))
        return Beat(parsed, caption.strip(), self.pos.line(p + ("until",)))
