"""Errors every command module may raise, below them all (cli.py and the commands import this,
never each other, so there is no import cycle)."""

from __future__ import annotations


class UsageError(Exception):
    """Bad input from the command line: one line for the user, exit 2."""


class OutputError(Exception):
    """Writing to stdout failed (a full disk, a closed descriptor, a reader that left).

    Not an OSError on purpose: code that handles its own file errors (`except OSError`)
    must not swallow it, and the script runner's catch-all re-raises it.
    """

    def __init__(self, errno_: int | None, strerror: str | None) -> None:
        super().__init__(strerror or "write failed")
        self.errno = errno_
        self.strerror = strerror
