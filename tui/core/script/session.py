"""Step through a script callback by callback, and step back by replaying from the start.

The model is deterministic in sim mode (seeded durations, seeded
Math.random), so "step back" is: build a fresh run and replay it up to the
previous step. A step is one entry of JavaScript from a loop — the main
thread's or a Worker's (each costs model time, so each Worker hands back after
one): the main module, a timer, an immediate, a nextTick, a promise reaction,
an I/O callback. After each step the session says which script function ran
and on which loop (`where`) so a code pane can highlight it, and holds
everything printed.

    s = ScriptSession.from_file("demo.js")
    s.step()                 # the main module
    s.where.line             # 1-based line of the function that just ran
    s.step_back()            # replays from scratch up to the previous step
    s.rt.snapshot()          # the model's state for the loop/pool panes
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import partial

from tui.core.script.errors import ScriptError
from tui.core.script.runner import ScriptRun
from tui.core.script.source import read_script


@dataclass(frozen=True)
class Where:
    """What ran in the last step, for the code pane and the status line."""

    line: int | None       # first line of the script function that ran (None: the main module)
    end_line: int | None   # its last line
    label: str             # the loop's label for the callback ("setTimeout 0 ms", "Promise.then (line 4)")
    phase: str             # the loop phase it ran in ("main", "timers", "poll", "check", …)
    queue: str | None      # "nextTick" or "microtask" when it came from those queues
    last_line: int | None  # the line that scheduled it, when known (else None)
    thread: int = 0        # the loop it ran on: 0 the main thread's, else a Worker's threadId


class ScriptSession:
    def __init__(self, filename: str, source: str, *, seed: int = 1, costs: dict | None = None,
                 pool_env: str | None = None) -> None:
        self.filename = filename
        self.source = source
        self._kw = {"seed": seed, "costs": costs, "pool_env": pool_env}
        self.lines = source.splitlines()
        self._new_run()  # ScriptError here means nothing can run: the caller shows its one_line()

    @classmethod
    def from_file(cls, path: str, **kw) -> "ScriptSession":
        return cls(path, read_script(path), **kw)  # ScriptSourceError: one line

    def _new_run(self) -> None:
        self.close()                 # a replay starts a new run: the old one's Workers end
        self.out: list[str] = []
        self.err: list[str] = []
        self.run = ScriptRun(self.filename, self.source, write=self.out.append, write_err=self.err.append,
                             sites=True, **self._kw)
        self.position = 0            # steps taken
        self.last_cpu_ms = 0.0       # real CPU the last step took in the engine (QuickJS has no JIT)
        self.where: Where | None = None
        self.error: ScriptError | None = None
        self._last = ("main module", "main", None, None)
        self.run.rt.callback_listeners.append(self._saw_callback)
        self.run.host.hub.on_worker.append(self._new_worker)
        self.run.start()

    def close(self) -> None:
        """End the run's Worker threads, if any (a replay, the app quitting)."""
        run = getattr(self, "run", None)
        if run is not None:
            run.host.hub.shutdown()

    def _new_worker(self, worker) -> None:
        worker.rt.callback_listeners.append(partial(self._saw_callback, worker=worker))

    def _saw_callback(self, cb, phase: str, worker=None) -> None:
        rt = worker.rt if worker is not None else self.run.rt
        task = rt.task(cb.task) if cb.task is not None else None
        label = task.label if task is not None else cb.label
        self._last = (label, phase, rt.loop.running_queue, worker)

    # -- state ------------------------------------------------------------------------------

    @property
    def rt(self):
        return self.run.rt

    @property
    def output(self) -> str:
        return "".join(self.out)

    @property
    def done(self) -> bool:
        return self.error is not None or self.run.done

    @property
    def end_message(self) -> str | None:
        """One line for the status bar once the run is over abnormally (refused, uncaught, blocked)."""
        if self.error is not None:
            return self.error.one_line(os.path.basename(self.filename))
        return self.run.exit_message or self.run.host.fatal_summary

    @property
    def exit_code(self) -> int | None:
        return 2 if self.error is not None else self.run.exit_code

    # -- moving ---------------------------------------------------------------------------------

    def js_calls(self) -> int:
        """JS entries from a loop so far, on every loop of the run (the main thread's, its Workers')."""
        host = self.run.host
        return host.js_calls + sum(w.run.host.js_calls for w in list(host.hub.workers.values())
                                   if w.run is not None)

    def step(self) -> bool:
        """Run until one more JS callback has run on any loop (or the script ends). False if nothing ran."""
        if self.done:
            return False
        before = self.js_calls()
        cpu = self._cpu_s()
        self._guarded(lambda: self._until_call(before))
        self.last_cpu_ms = (self._cpu_s() - cpu) * 1000
        return self._count(before)

    def _cpu_s(self) -> float:
        host = self.run.host
        return host.cpu_s + sum(w.run.host.cpu_s for w in list(host.hub.workers.values()) if w.run is not None)

    def advance_to(self, t: float) -> None:
        """Play in model time up to `t` (a UI frame at some speed), counting callbacks as steps."""
        rt = self.rt
        while not self.done and rt.next_time() <= t:
            before = self.js_calls()
            if not self._guarded(self.run.step):
                self._count(before)
                break
            self._count(before)
        if not self.done and rt.clock.now() < t:
            rt.advance_to(t)

    def _until_call(self, before: int) -> bool:
        while self.js_calls() == before:
            if not self.run.step():
                return False
        return True

    def _count(self, before: int) -> bool:
        calls = self.js_calls() - before
        if calls <= 0:
            return False
        self.position += calls
        self.where = self._where()
        return True

    def _guarded(self, fn) -> bool:
        try:
            return bool(fn())
        except ScriptError as e:
            self.error = e
        except Exception as e:  # a host bug must not take the app down: show it as the run's end
            self.error = ScriptError(f"internal error in ptview's script host ({type(e).__name__}: {e})")
        self.close()
        return False

    def _where(self) -> Where:
        # host.place: (first, last) line of the script function the loop entered, from the
        # engine's Function.lineNumber and its source text, and the line that scheduled it
        # (setTimeout, .then, nextTick…); None for the main module and for await continuations
        # (the engine does not say which async function a job resumes)
        label, phase, queue, worker = self._last
        if worker is None:
            place, thread = self.run.host.place, 0
        else:   # a Worker's callback: its lines are this file's only when it runs this file
            same = not worker.spec.get("eval") and os.path.abspath(worker.spec["filename"]) == os.path.abspath(
                self.filename)
            place = worker.run.host.place if same and worker.run is not None else None
            thread = worker.tid
        if place is not None and not (phase == "main" and queue is None):
            return Where(place[0], place[1], label, phase, queue, place[2], thread)
        return Where(None, None, label, phase, queue, None, thread)

    def step_back(self) -> bool:
        """Go back one step by replaying from the start; False at the start."""
        if self.position == 0:
            return False
        self.goto(self.position - 1)
        return True

    def goto(self, n: int) -> None:
        """Be where the run is after `n` steps (replaying from the start when going back)."""
        if n < self.position or self.error is not None:
            self._new_run()
        while self.position < n and self.step():
            pass

    def run_to_end(self) -> None:
        while self.step():
            pass
