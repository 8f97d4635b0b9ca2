"""When a beat ends: the `until` vocabulary, parsed and matched against the model's events.

    step N                 N more steps after the previous beat (0: the same picture, a new caption)
    t MS                   the model clock reaches MS milliseconds (from the start of the scene)
    EV OP [xK]             the K-th (default 1st) event EV of operation OP after the previous beat;
                           EV is submit, start, done, callback or cancel; OP is an event's `op` or
                           its task's (`callback fs.readFile` is readFile's own callback;
                           `callback fs.open` one of its steps, `callback child.message` a fork's
                           first IPC message; `start crypto.pbkdf2 x4`)
    phase NAME [xK]        the loop enters phase NAME (timers, pending, idle, prepare, poll, check,
                           close, exit)
    rule ID [xK]           an event put there by rule ID (tui/core/rules.py: `pool.slow-io-cap`)
    pool full              every worker of the pool is busy
    output TEXT            the script's output (since the previous beat) contains TEXT
    end                    nothing more can run: the scene is over

A step is one JS callback for a script scene (the main module, a tick, a timer, an I/O
callback...), one model step (a worker event, or the loop up to its next callback) for a
`fire` scene. A beat shows the state after the step in which its condition came true.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tui.core.rules import RULES

EVENT_KINDS = ("submit", "start", "done", "callback", "cancel")
PHASES = ("main", "timers", "pending", "idle", "prepare", "poll", "check", "close", "exit")
MAX_COUNT = 10_000


class UntilError(ValueError):
    pass


@dataclass(frozen=True)
class Until:
    kind: str            # "step", "t", "event", "phase", "rule", "pool full", "output", "end"
    arg: object = None   # steps, ms, (ev, op), phase name, rule id, text
    count: int = 1       # the K of "xK"
    text: str = ""       # as written, for messages

    def fresh(self) -> "Matcher":
        return Matcher(self)


_COUNT = re.compile(r"^(.*?)\s+x(\d+)$")


def parse_until(text: str) -> Until:
    if not isinstance(text, str):
        raise UntilError("`until` must be a string such as \"step 3\" or \"callback fs.readFile\"")
    words = text.strip()
    count = 1
    m = _COUNT.match(words)
    if m and not words.startswith(("output", "step", "t ")):
        words, count = m.group(1), int(m.group(2))
        if not 1 <= count <= MAX_COUNT:
            raise UntilError(f"until {text!r}: xK must be from 1 to {MAX_COUNT:,}")
    head, _, rest = words.partition(" ")
    rest = rest.strip()
    if head == "step":
        if not rest.isdigit() or int(rest) > 1_000_000:
            raise UntilError(f"until {text!r}: `step N` needs a whole number of steps (0 to 1,000,000)")
        return Until("step", int(rest), 1, text)
    if head == "t":
        try:
            ms = float(rest)
        except ValueError:
            raise UntilError(f"until {text!r}: `t MS` needs a number of model milliseconds") from None
        if not 0 <= ms <= 1e9:
            raise UntilError(f"until {text!r}: `t MS` needs 0 to 1e9 ms")
        return Until("t", ms, 1, text)
    if head in EVENT_KINDS:
        if not rest or " " in rest:
            raise UntilError(f"until {text!r}: `{head} OP` needs one operation, e.g. `{head} fs.readFile`")
        return Until("event", (head, rest), count, text)
    if head == "phase":
        if rest not in PHASES:
            raise UntilError(f"until {text!r}: unknown phase; one of {', '.join(PHASES)}")
        return Until("phase", rest, count, text)
    if head == "rule":
        if rest not in RULES:
            raise UntilError(f"until {text!r}: unknown rule id (see tui/core/rules.py), e.g. pool.fifo")
        return Until("rule", rest, count, text)
    if words == "pool full":
        return Until("pool full", None, 1, text)
    if head == "output":
        if not rest:
            raise UntilError(f"until {text!r}: `output TEXT` needs the text to wait for")
        return Until("output", text.strip()[len("output"):].strip(), 1, text)
    if words == "end":
        return Until("end", None, 1, text)
    raise UntilError(f"until {text!r}: not understood; write one of: step N, t MS, "
                     "submit|start|done|callback|cancel OP [xK], phase NAME [xK], rule ID [xK], "
                     "pool full, output TEXT, end")


class Matcher:
    """One beat's condition, fed the run's events and steps from the end of the previous beat."""

    def __init__(self, until: Until) -> None:
        self.until = until
        self.seen = 0
        self.steps = 0
        self.done = until.kind == "step" and until.arg == 0

    def event(self, e, task_op: str | None, pool_full: bool) -> bool:
        u = self.until
        if self.done:
            return True
        hit = False
        if u.kind == "event":
            ev, op = u.arg
            if e.ev != ev:
                pass
            elif ev != "callback":
                hit = e.op == op or task_op == op
            elif e.detail == "internal":
                # A Node-internal step counts by its own name (fs.open, child.message), never as its
                # task's callback: pbkdf2's internal completion and its user callback are one callback.
                hit = e.op == op and task_op != op
            else:
                hit = e.op == op or task_op == op
        elif u.kind == "phase":
            hit = e.ev == "phase" and e.phase == u.arg
        elif u.kind == "rule":
            hit = e.rule == u.arg
        elif u.kind == "pool full":
            hit = pool_full
        elif u.kind == "t":
            hit = e.t >= u.arg
        if hit:
            self.seen += 1
            self.done = self.seen >= u.count
        return self.done

    def step(self, now: float, output: str, counts: bool = True) -> bool:
        """After a step: `output` is what the script printed since the previous beat; `counts`
        is False for the step in which the previous beat ended (it is that beat's step)."""
        u = self.until
        if self.done:
            return True
        self.steps += 1 if counts else 0
        if u.kind == "step":
            self.done = self.steps >= u.arg
        elif u.kind == "t":
            self.done = now >= u.arg
        elif u.kind == "output":
            self.done = u.arg in output
        return self.done

    def ended(self) -> bool:
        self.done = self.done or self.until.kind == "end"
        return self.done
