"""The operations the app can fire: key, title, argument, validation, call.

Validation reuses the lab's spec parsers, so the dialog and `--fire` accept
and reject the same things (plus what only makes sense interactively: a
negative delay is refused here although Node would coerce it to 1 ms).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from tui.core.spec import OPS, SpecError


@dataclass(frozen=True)
class FireOp:
    name: str           # the spec name: readFile, lookup…
    key: str
    title: str          # shown in the footer, palette and dialog
    arg: str | None     # what the dialog asks for, None = fire at once
    default: str | None
    help: str
    preset: str | None = None  # the argument used when the dialog does not ask for one

    @property
    def short(self) -> str:
        """The footer's word for it: the footer is one line, even at 80 columns."""
        return self.title.split(".")[-1].replace("child_process.", "").replace("net request", "net")

    def parse(self, text: str | None) -> Any:
        value = OPS[self.name][0](text, self.name)
        if self.name in ("timeout", "interval") and value < 0:
            raise SpecError("the delay must be 0 or more milliseconds (Node would turn a negative into 1 ms)")
        return value

    def call(self, api, value) -> Any:
        return OPS[self.name][1](api, value)


FIRE_OPS: tuple[FireOp, ...] = (
    FireOp("readFile", "r", "fs.readFile", "path", "/etc/services",
           "open, fstat, 512 KiB reads, close: each step a pool job"),
    FireOp("stat", "s", "fs.stat", "path", "/etc/hostname", "one fast-I/O pool job"),
    FireOp("lookup", "l", "dns.lookup", "host", "example.com",
           "getaddrinfo on the pool: slow I/O, at most (N+1)/2 at once"),
    FireOp("resolve", "d", "dns.resolve", "host", "example.com", "c-ares: a socket on the loop, never the pool"),
    FireOp("pbkdf2", "c", "crypto.pbkdf2", "iterations", "750000", "one CPU job on the pool"),
    FireOp("gzip", "z", "zlib.gzip", "path", "/etc/services", "read the file, then one pool job per 16 KiB out"),
    FireOp("net", "n", "net request", None, None, "loopback echo: connect, data in poll, close in close"),
    FireOp("timeout", "t", "setTimeout", "delay (ms)", "100", "runs in the timers phase"),
    FireOp("immediate", "i", "setImmediate", None, None, "runs in the check phase"),
    FireOp("nextTick", "k", "process.nextTick", None, None, "runs right after the current callback"),
    FireOp("promise", "m", "Promise.then", None, None, "a microtask: after the nextTick queue"),
    # The child lingers 5 s so that it can be seen in the process pane with its own threads.
    FireOp("fork", "f", "child_process.fork", None, None, "a new process: its own loop and pool", preset="5000"),
    FireOp("block", "B", "block the loop", "milliseconds", "800",
           "synchronous work on the loop thread: completions pile up in poll"),
)

BY_NAME: dict[str, FireOp] = {op.name: op for op in FIRE_OPS}
