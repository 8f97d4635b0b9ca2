"""How many model processes one run may have: a bound any script engine's fork shares.

A script's `fork()` makes a model process (its own Runtime, loop, pool and
interpreter), not a real one. `fork(__filename)` twice in a module is a fork
bomb: in Node it grows until the machine says no; in the model it grew to
gigabytes. One ModelProcesses object is shared by the main process and every
process forked from it, at any depth, and each fork takes one place first.
"""

from __future__ import annotations

MAX_MODEL_PROCESSES = 16  # the main process included: 15 forks in a run, at any depth


class ProcessLimit(Exception):
    """One more model process than a run may have: say it in one line and stop the run."""


class ModelProcesses:
    __slots__ = ("limit", "started")

    def __init__(self, limit: int = MAX_MODEL_PROCESSES) -> None:
        self.limit = limit
        self.started = 1  # the main process

    def spawn(self) -> None:
        """Count one more process (call before building it); ProcessLimit past the bound."""
        if self.started >= self.limit:
            raise ProcessLimit(f"fork: a run may have at most {self.limit} model processes, the main one "
                               "included (a module that forks itself without end?)")
        self.started += 1
