"""What can stop a script: its own JS exceptions, and ptview refusing to go on."""

from __future__ import annotations

from tui.core.errors import one_line


class ScriptError(Exception):
    """ptview refuses the script (outside the subset, step budget…): one line, exit 2."""

    def __init__(self, message: str, line: int | None = None, column: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column  # 1-based, as editors and Node's stack traces count
        self.file: str | None = None  # set when the place is in another file (a forked child's module)

    def where(self, filename: str) -> str:
        if self.file is not None:
            filename = self.file
        if self.line is None:
            return filename
        return f"{filename}:{self.line}:{self.column}"

    def one_line(self, filename: str) -> str:
        return one_line(f"{self.where(filename)}: {self.message}")


class Unsupported(ScriptError):
    """A construct outside the supported subset."""


class BudgetExceeded(ScriptError):
    """The step budget ran out: almost always an infinite loop."""


class JSThrow(Exception):
    """A JavaScript `throw`: carries the thrown JS value."""

    def __init__(self, value) -> None:
        super().__init__("JS exception")
        self.value = value


class ScriptExit(Exception):
    """The script ends the process: process.exit(), an uncaught exception, an unhandled rejection."""

    def __init__(self, code: int, message: str | None = None) -> None:
        super().__init__(message or f"exit {code}")
        self.code = code
        self.message = message
