"""The script app's steps, run off the UI thread.

One step of a script can be long: a loop of millions of statements in the main module runs
for seconds of Python, and the interpreter cannot be interrupted mid-callback. Run on the UI
thread, that step held every key, `q` included, until it ended (4.7 s measured; the promise
is 2 s). Here each step runs on one worker thread; the UI thread waits for it up to `WAIT_S`
(a short step, nearly all of them, is done by then and the app goes on exactly as before),
then goes back to its keys and is told, through `on_done` (called on the worker thread),
when the step ends. While a step runs the model belongs to the worker: the app must not
read it (`busy`). Quitting does not wait for a running step: the worker is a daemon thread
and ends with the process.
"""

from __future__ import annotations

import queue
import threading
from typing import Callable

from tui.core.script.driver import ScriptDriver

WAIT_S = 0.3            # how long the UI thread waits for a step before it goes back to its keys
STACK_BYTES = 256 << 20  # deep JS recursion is deep Python recursion: as much C stack as the main thread may use


class OffThreadScriptDriver(ScriptDriver):
    def __init__(self, session, speed: float = 1.0, paused: bool = True,
                 on_done: Callable[[], None] | None = None) -> None:
        super().__init__(session, speed=speed, paused=paused)
        self.on_done = on_done
        self.wait_s: float | None = WAIT_S  # None: wait for every step (headless tests: deterministic frames)
        self.cancelled = False
        self._jobs: queue.SimpleQueue = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._running: dict | None = None  # the step in flight: {"done", "detached", "result", "error"}
        self._thread: threading.Thread | None = None

    @property
    def busy(self) -> bool:
        """A step is running on the worker thread: the model is not to be read."""
        with self._lock:
            return self._running is not None and not self._running["done"]

    def advance(self, wall_ms: float) -> None:
        if self.paused or wall_ms <= 0 or self.session.done or self.busy:
            return
        self._run(lambda: ScriptDriver.advance(self, wall_ms))

    def step(self) -> bool:
        """True if a step ran, or still runs on the worker thread; False if nothing could run."""
        if self.busy:
            return True
        r = self._run(lambda: ScriptDriver.step(self))
        return True if r is None else r

    def step_back(self) -> bool:
        if self.busy:
            return False
        r = self._run(lambda: ScriptDriver.step_back(self))
        return True if r is None else r

    def shutdown(self) -> None:
        self.cancelled = True
        if self.busy:
            # The engine's thread is joined at exit: end the running JS at its next interrupt
            # (every ~10,000 operations) instead of waiting seconds for a long loop to finish.
            engine = getattr(getattr(self.session, "run", None), "engine", None)
            if engine is not None:
                engine.stop_reason = "quit"
        self._jobs.put(None)  # the worker ends after the step it may still be running
        if self._thread is None:
            close = getattr(self.session, "close", None)
            if close is not None:
                close()
        if not self.busy:
            ScriptDriver.shutdown(self)

    # -- the worker ---------------------------------------------------------------------------

    def _run(self, fn: Callable[[], object]):
        """fn()'s result if it ends within WAIT_S; None if it goes on in the background."""
        if self._thread is None:
            old = threading.stack_size()
            try:
                threading.stack_size(STACK_BYTES)
                self._thread = threading.Thread(target=self._work, name="ptview-script", daemon=True)
            finally:
                threading.stack_size(old)
            self._thread.start()
        job = {"fn": fn, "done": False, "detached": False, "result": None, "error": None,
               "event": threading.Event()}
        with self._lock:
            self._running = job
        self._jobs.put(job)
        job["event"].wait(self.wait_s)
        with self._lock:
            if not job["done"]:
                job["detached"] = True
                return None
        if job["error"] is not None:
            raise job["error"]
        return job["result"]

    def _work(self) -> None:
        while True:
            job = self._jobs.get()
            if job is None:
                close = getattr(self.session, "close", None)
                if close is not None:
                    close()   # the script's Worker threads end with the app (joined here, after the last step)
                return
            try:
                job["result"] = job["fn"]()
            except BaseException as e:  # handed to the UI thread, or reported by on_done's caller
                job["error"] = e
            with self._lock:
                job["done"] = True
                detached = job["detached"]
            job["event"].set()
            if detached and not self.cancelled and self.on_done is not None:
                self.on_done()
