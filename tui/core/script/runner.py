"""One script run on the model: an engine context, the Node host, the main module and the loop."""

from __future__ import annotations

import os
import sys
from typing import Callable

from tui.core.pool import threadpool_size_from_env
from tui.core.runtime import Runtime
from tui.core.script.engine import Engine
from tui.core.script.errors import BudgetExceeded, ScriptError, ScriptExit
from tui.core.script.host import Host
from tui.core.script.source import read_script
from tui.core.sim_work import SimWork

CALLBACK_BUDGET = 200_000      # JS callbacks entered from the loop per run
# A timer that never stops (setInterval never cleared) is stopped by counting work, not by the
# clock alone: a single setTimeout(f, 2 h) that runs f and ends is fine. Past a day of model
# time the loop may run CALLBACKS_PAST_LIMIT more callbacks; a run that keeps going is stopped.
MODEL_TIME_LIMIT_MS = 86_400_000.0  # a day of model time
CALLBACKS_PAST_LIMIT = 100


class ScriptRun:
    """Build with the source; `start()` then `step()`/`run()`. Every callback goes through `rt`."""

    def __init__(self, filename: str, source: str, *, seed: int = 1, costs: dict | None = None,
                 pool_env: str | None = None, write: Callable[[str], None] | None = None,
                 write_err: Callable[[str], None] | None = None, keep_events: int = 2000,
                 child_of=None, argv: list[str] | None = None, next_pid: int = 4000,
                 sites: bool = False, procs=None, rt: Runtime | None = None, worker=None, **_legacy) -> None:
        self.filename = filename
        self.source = source
        # a Worker's run comes with its runtime (tui/core/threads.py: its own loop on the process's
        # pool) and makes its engine context on its own thread (tui/core/script/worker.py)
        self.rt = rt if rt is not None else Runtime(threadpool_size_from_env(pool_env), work=SimWork(seed, costs),
                                                     keep_events=keep_events)
        self.engine = Engine(own_thread=worker is not None)
        self.worker = worker
        if worker is not None:
            write = lambda s: worker.write(1, s)  # noqa: E731 - a Worker's stdout goes to its parent
            write_err = lambda s: worker.write(2, s)  # noqa: E731
        self.host = Host(self.rt, self.engine, filename, write or sys.stdout.write, write_err or sys.stderr.write,
                         pool_env, seed=seed, argv=argv, child_of=child_of, next_pid=next_pid, sites=sites,
                         procs=procs, worker=worker, new_run=type(self))
        if worker is None:
            self.engine.on_tick = self._on_tick
        self.api = self.host.api
        self.exit_code: int | None = None
        self.exit_message: str | None = None
        self._exited = False
        self._calls_at_limit: int | None = None  # js_calls when the model clock passed MODEL_TIME_LIMIT_MS
        self._before_exit_done = False

    @classmethod
    def from_file(cls, path: str, **kw) -> "ScriptRun":
        return cls(path, read_script(path), **kw)  # ScriptSourceError: one line

    def _on_tick(self) -> None:
        """Engine interrupt in the main thread's JS: once it has Workers, the time its JS has run
        is charged now (not only at its next host call), so they run in step with it (a busy-wait
        on shared memory sees a Worker's store)."""
        hub = self.host.hub
        if not hub.workers:
            return
        try:
            self.host.flush()
        except ScriptError as e:
            self.host.refusal = e
            self.engine.stop_reason = "refused"

    def end_terminated(self, code: int) -> None:
        """worker.terminate(): the run ends here, its 'exit' listeners not run."""
        if not self._exited:
            self._exited = True
            self.exit_code = code

    def start(self) -> None:
        # The main module is a callback like the others: it costs one callback's time, and a
        # stepping UI sees it as its own step (a zero cost would run on into the first tick).
        self.rt.start(self._main, cost=self.rt.work.cost("callback"))

    def _main(self) -> None:
        self.host.enter_main(self.source)

    @property
    def done(self) -> bool:
        return self.exit_code is not None

    def step(self) -> bool:
        """One model step (tui.core.runtime.Runtime.step); False once the run is over."""
        if self.exit_code is not None:
            return False
        try:
            if not self.rt.step():
                if self.rt.done:
                    self.host.check_rejections()
                    if not self._before_exit_done and self._before_exit():
                        return True  # a 'beforeExit' listener scheduled work: the loop runs again
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
            if e.terminated:
                self.end_terminated(e.code)
            else:
                self._finish(e.code, e.message)
            return False
        return True

    def _before_exit(self) -> bool:
        """SpinEventLoopInternal: 'beforeExit' when the loop dies; it restarts if a listener added work."""
        if not self.host.has_listeners("beforeExit"):
            self._before_exit_done = True
            return False
        alive = self.host.before_exit()
        if alive:
            self.rt.restart()
            return True
        self._before_exit_done = True
        return False

    def _finish(self, code: int, message: str | None) -> None:
        if self._exited:
            return
        self._exited = True
        self.exit_code = code
        self.exit_message = message
        if code != 2:
            try:
                self.host.run_exit_listeners(code)
                if self.host.final_exit_code is not None:
                    self.exit_code = self.host.final_exit_code
            except ScriptExit as e:
                self.exit_code = e.code
                self.exit_message = e.message or message
        if self.worker is None:
            self.host.hub.shutdown()   # the process ends: so do its Workers
            self.rt.events.flush()     # and no loop runs again: its log holds nothing back

    def run(self) -> int:
        """Run to the end; returns the process exit code. ScriptError (exit 2) propagates."""
        if not self.rt.started:
            self.start()
        try:
            while self.step():
                pass
        finally:
            self.host.hub.shutdown()   # Workers still running end with the process
            self.rt.events.flush()
        if self.host.output_failure is not None:
            raise self.host.output_failure  # where the output went failed: the caller says so
        return self.exit_code


def error_line(filename: str, e: ScriptError) -> str:
    return f"ptview: error: {e.one_line(os.path.basename(filename))}"
