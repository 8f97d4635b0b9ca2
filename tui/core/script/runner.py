"""One script run on the model: parse and check, build the runtime, run the main module and the loop."""

from __future__ import annotations

import os
import sys
from typing import Callable

from tui.core.ops import NodeAPI
from tui.core.pool import threadpool_size_from_env
from tui.core.runtime import Runtime
from tui.core.script.errors import BudgetExceeded, JSThrow, ScriptError, ScriptExit
from tui.core.script.interp import Interpreter
from tui.core.script.node_host import Host
from tui.core.script.parse import load
from tui.core.script.source import read_script
from tui.core.sim_work import SimWork

STEP_BUDGET = 5_000_000        # interpreter steps per run (≈ 5 s of model time at 1 µs a step)
CALLBACK_BUDGET = 200_000      # JS callbacks entered from the loop per run
# A timer that never stops (setInterval never cleared) is stopped by counting work, not by the
# clock alone: a single setTimeout(f, 2 h) that runs f and ends is fine. Past a day of model
# time the loop may run CALLBACKS_PAST_LIMIT more callbacks; a run that keeps going is stopped.
MODEL_TIME_LIMIT_MS = 86_400_000.0  # a day of model time
CALLBACKS_PAST_LIMIT = 100

PYTHON_RECURSION = 25_000
OK = "ok"
BLOCKED = "blocked"


class ScriptRun:
    """Build with the source; `start()` then `step()`/`run()`. Every callback goes through `rt`."""

    def __init__(self, filename: str, source: str, *, seed: int = 1, costs: dict | None = None,
                 pool_env: str | None = None, budget: int = STEP_BUDGET,
                 write: Callable[[str], None] | None = None, write_err: Callable[[str], None] | None = None,
                 keep_events: int = 2000, tree=None, children: dict | None = None, child_of=None,
                 argv: list[str] | None = None, next_pid: int = 4000, procs=None) -> None:
        self.filename = filename
        self.source = source
        if tree is None:
            tree = load(source, filename)  # ScriptError here: nothing has run (forked modules checked too)
            children = tree.ptv_children
        self.tree = tree
        self.rt = Runtime(threadpool_size_from_env(pool_env), work=SimWork(seed, costs), keep_events=keep_events)
        self.api = NodeAPI(self.rt, procs)  # procs: the parent's, for a forked child (one bound per run)
        self.interp = Interpreter(source, budget)
        self.interp.realm.rng.seed(seed)  # Math.random: same seed, same numbers, same replay
        self.host = Host(self.rt, self.api, self.interp, filename, write or sys.stdout.write,
                         write_err or sys.stderr.write, pool_env, children=children, child_of=child_of,
                         argv=argv, next_pid=next_pid)
        self.exit_code: int | None = None
        self.exit_message: str | None = None
        self._exited = False
        self._calls_at_limit: int | None = None  # js_calls when the model clock passed MODEL_TIME_LIMIT_MS

    @classmethod
    def from_file(cls, path: str, **kw) -> "ScriptRun":
        return cls(path, read_script(path), **kw)  # ScriptSourceError: one line

    def start(self) -> None:
        # The main module is a callback like the others: it costs one callback's time, and a
        # stepping UI sees it as its own step (a zero cost would run on into the first tick).
        self.rt.start(self._main, cost=self.rt.work.cost("callback"))

    def _main(self) -> None:
        h = self.host
        h.js_calls += 1
        h.current_line = 1
        try:
            self.interp.run_program(self.tree, h.realm.obj())
        except JSThrow as e:
            h.uncaught(e.value)
        finally:
            h.flush()

    @property
    def done(self) -> bool:
        return self.exit_code is not None

    def step(self) -> bool:
        """One model step (tui.core.runtime.Runtime.step); False once the run is over."""
        if self.exit_code is not None:
            return False
        # A JS call is ~15 nested Python generator frames; MAX_DEPTH JS calls must fit. Raised
        # for the step only: the app around the script keeps Python's own limit.
        limit = sys.getrecursionlimit()
        if limit < PYTHON_RECURSION:
            sys.setrecursionlimit(PYTHON_RECURSION)
        try:
            return self._step()
        finally:
            if limit < PYTHON_RECURSION:
                sys.setrecursionlimit(limit)

    def _step(self) -> bool:
        try:
            if not self.rt.step():
                if self.rt.done:
                    self.host.check_rejections()
                    self._finish(0, None)
                else:
                    self._finish(2, "the loop waits forever for work that never finishes (node would hang here)")
                return False
            if self.host.js_calls > CALLBACK_BUDGET:
                raise BudgetExceeded(f"callback budget of {CALLBACK_BUDGET:,} callbacks used up "
                                     "(a timer or a chain that never stops?)")
            if self.rt.clock.now() > MODEL_TIME_LIMIT_MS:
                if self._calls_at_limit is None:
                    self._calls_at_limit = self.host.js_calls
                elif self.host.js_calls - self._calls_at_limit > CALLBACKS_PAST_LIMIT:
                    raise BudgetExceeded(f"still running callbacks after {MODEL_TIME_LIMIT_MS / 3_600_000:,.0f} h "
                                         "of model time (a timer that never stops?)")
        except ScriptExit as e:
            self._finish(e.code, e.message)
            return False
        except ScriptError as e:
            node = self.interp.current
            if e.line is None and node is not None:  # refused at run time: point at the statement
                e.line, e.column = node.loc.start.line, node.loc.start.column + 1
            raise
        return True

    def _finish(self, code: int, message: str | None) -> None:
        if self._exited:
            return
        self._exited = True
        if code == 0 and message is None:
            code = self._exit_code_set_by_script()
        self.exit_code = code
        self.exit_message = message
        if code != 2:
            try:
                self.host.run_exit_listeners(code)
            except ScriptExit as e:
                self.exit_code = e.code
                self.exit_message = e.message or message

    def _exit_code_set_by_script(self) -> int:
        """process.exitCode: what the process exits with when the loop simply runs out of work."""
        from tui.core.script.values import UNDEFINED, to_number

        v = self.host.process.get("exitCode")
        if v is UNDEFINED or v is None:
            return 0
        n = to_number(v)
        return int(n) if n == n else 0

    def run(self) -> int:
        """Run to the end; returns the process exit code. ScriptError (exit 2) propagates."""
        if not self.rt.started:
            self.start()
        while self.step():
            pass
        return self.exit_code


def error_line(filename: str, e: ScriptError) -> str:
    return f"ptview: error: {e.one_line(os.path.basename(filename))}"
