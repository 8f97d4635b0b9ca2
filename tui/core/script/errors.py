"""What can stop a script: its own JS exceptions, and ptview refusing to go on."""

from __future__ import annotations

from tui.core.errors import one_line


class ScriptError(Exception):
    """ptview refuses or stops the script (a module it does not model, a limit): one line, exit 2."""

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


class BudgetExceeded(ScriptError):
    """A run budget (callbacks, model time) ran out: a timer or a chain that never stops."""


class ScriptExit(Exception):
    """The script ends the process: process.exit(), an uncaught exception, an unhandled rejection."""

    def __init__(self, code: int, message: str | None = None, terminated: bool = False) -> None:
        super().__init__(message or f"exit {code}")
        self.code = code
        self.message = message
        self.terminated = terminated  # worker.terminate(): no 'exit' listeners run in the Worker


class NodeJSError(Exception):
    """An error a host function throws into the script, shaped as node's (name, message, code, props).

    `bare`: made in C++ (libuv/c-ares errors), so its stack is just `Error: msg` with no JS frames."""

    def __init__(self, name: str, message: str, code: str | None = None, props: dict | None = None,
                 bare: bool = False) -> None:
        super().__init__(message)
        self.name = name
        self.message = message
        self.code = code
        self.props = props or {}
        self.bare = bare

    def as_dict(self) -> dict:
        d = {"name": self.name, "message": self.message, "props": self.props, "bare": self.bare}
        if self.code is not None:
            d["code"] = self.code
        return d


def invalid_arg_type(name: str, expected: str, received: str) -> NodeJSError:
    return NodeJSError("TypeError", f'The "{name}" argument must be {expected}. Received {received}',
                       "ERR_INVALID_ARG_TYPE")
