"""`--fire` specs: OP[xCOUNT][:ARG] → what to call on the NodeAPI.

Validation happens before anything runs, so a bad spec is one clear line.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Callable

from tui.core.errors import echo

# Every fired task lives until its turn (the main module fires them all at t=0): about 2.7 KB
# per readFile, 0.9 KB per pbkdf2. 100,000 readFiles peak at 270 MB; 10,000,000 was a MemoryError.
MAX_COUNT = 100_000     # per --fire spec
MAX_TOTAL = 200_000     # over all --fire specs of one run
DEFAULT_ITERATIONS = 750_000  # sha512 pbkdf2: about half a second on the dev VM
DEFAULT_HOST = "example.com"
MAX_WORKERS = 16  # tui/core/worker_ops.py MAX_SIM_WORKERS: Workers of one run (live: 8, lab_live.py)


class SpecError(ValueError):
    pass


def _path(arg: str | None, op: str) -> str:
    if arg is None or arg == "":
        raise SpecError(f"{op} needs a path: {op}:PATH")
    if "\0" in arg:
        raise SpecError(f"{op}: a path cannot contain a NUL byte")
    return arg


def _host(arg: str | None, op: str) -> str:
    host = DEFAULT_HOST if arg is None else arg
    if host == "":
        raise SpecError(f"{op}: empty host name (give {op}:HOST, e.g. {op}:localhost)")
    if len(host) > 253:
        raise SpecError(f"{op}: host name longer than 253 characters")
    if not re.fullmatch(r"[A-Za-z0-9._:-]+", host) or ".." in host:
        raise SpecError(f"{op}: invalid host name {host!r} (letters, digits, '-', '.', or an IP address)")
    for label in host.rstrip(".").split("."):
        if len(label) > 63 and ":" not in host:
            raise SpecError(f"{op}: a host name label is longer than 63 characters")
    return host


def _number(arg: str | None, op: str, default: float | None) -> float:
    if arg is None:
        if default is None:
            raise SpecError(f"{op} needs a number of milliseconds: {op}:MS")
        return default
    try:
        v = float(arg)
    except ValueError:
        raise SpecError(f"{op}: {echo(arg)} is not a number of milliseconds") from None
    if math.isnan(v) or math.isinf(v):
        raise SpecError(f"{op}: {echo(arg)} is not a finite number")
    return v


def _iterations(arg: str | None, op: str) -> int:
    if arg is None:
        return DEFAULT_ITERATIONS
    digits = arg.replace("_", "").replace(",", "")
    try:
        n = int(digits, 10) if len(digits.lstrip("+-0")) <= 12 else 10**12  # int() refuses 4,300+ digits
    except ValueError:
        raise SpecError(f"{op}: iterations must be a whole number, got {echo(arg)}") from None
    if not 1 <= n <= 100_000_000:
        raise SpecError(f"{op}: iterations must be from 1 to 100,000,000, got {n}")
    return n


def _none(arg: str | None, op: str) -> None:
    if arg is not None:
        raise SpecError(f"{op} takes no argument (got {op}:{echo(arg)})")
    return None


def _block(arg: str | None, op: str) -> float:
    v = _number(arg, op, None)
    if not 0 < v <= 600_000:
        raise SpecError(f"{op}: milliseconds must be > 0 and at most 600000, got {echo(arg)}")
    return v


def _stay(arg: str | None, op: str) -> float:
    v = _number(arg, op, 0)
    if not 0 <= v <= 600_000:
        raise SpecError(f"{op}: milliseconds must be from 0 to 600000, got {echo(arg)}")
    return v


def _worker_job(arg: str | None, op: str) -> tuple:
    """worker[:JOB]: the Worker's workerData, what it does before it ends (tui/core/worker_ops.py):
    `echo` (the default: it posts one message), `pbkdf2[=ITERATIONS]` (on the process's one pool),
    `block=MS` (its own loop, not the main one)."""
    if arg is None or arg == "echo":
        return ("echo", None)
    kind, eq, value = arg.partition("=")
    if kind == "pbkdf2":
        return ("pbkdf2", _iterations(value if eq else None, f"{op}:pbkdf2"))
    if kind == "block":
        if not eq:
            raise SpecError(f"{op}:block needs a number of milliseconds: {op}:block=MS")
        return ("block", _block(value, f"{op}:block"))
    raise SpecError(f"{op}: unknown job {echo(arg)} (worker:echo, worker:pbkdf2[=ITERATIONS] or worker:block=MS)")


# op → (argument parser, how to call the NodeAPI)
OPS: dict[str, tuple[Callable, Callable]] = {
    "readFile": (_path, lambda api, a: api.read_file(a)),
    "stat": (_path, lambda api, a: api.stat(a)),
    "lookup": (_host, lambda api, a: api.lookup(a)),
    "resolve": (_host, lambda api, a: api.resolve(a)),
    "pbkdf2": (_iterations, lambda api, a: api.pbkdf2(a)),
    "gzip": (_path, lambda api, a: api.gzip(a)),
    "net": (_none, lambda api, a: api.net_request()),
    "timeout": (lambda a, op: _number(a, op, 0), lambda api, a: api.set_timeout(_js_num(a))),
    "interval": (lambda a, op: _number(a, op, 0), lambda api, a: api.set_interval(_js_num(a))),
    "immediate": (_none, lambda api, a: api.set_immediate()),
    "nextTick": (_none, lambda api, a: api.next_tick()),
    "promise": (_none, lambda api, a: api.promise_then()),
    "fork": (_stay, lambda api, a: api.fork(stay_ms=a or 0)),  # callers may skip parsing: None
    "block": (_block, lambda api, a: api.block(a)),
    "worker": (_worker_job, lambda api, a: api.workers.new(a or ("echo", None))),
}

_SPEC = re.compile(r"^([A-Za-z][A-Za-z0-9]*?)(?:x(\d+))?(?::(.*))?$", re.S)


def _js_num(v: float):
    return int(v) if v == int(v) else v


@dataclass(frozen=True)
class Spec:
    op: str
    count: int
    arg: object
    text: str

    def fire_one(self, api):
        return OPS[self.op][1](api, self.arg)


def parse_specs(texts: list[str]) -> list[Spec]:
    """Every spec, then the total: what the main module fires at once must fit in memory."""
    specs = [parse_spec(t) for t in texts]
    workers = sum(s.count for s in specs if s.op == "worker")
    if workers > MAX_WORKERS:  # all started by the main module at t = 0: all alive at once
        raise SpecError(f"{' '.join('--fire ' + s.text for s in specs if s.op == 'worker')}: {workers} Workers, "
                        f"but ptview models at most {MAX_WORKERS} at once")
    total = sum(s.count for s in specs)
    if total > MAX_TOTAL:
        raise SpecError(f"--fire: {total:,} operations in all; at most {MAX_TOTAL:,} per run "
                        f"(and {MAX_COUNT:,} per spec): each one lives in memory until its turn")
    return specs


def parse_spec(text: str) -> Spec:
    m = _SPEC.match(text)
    if not m or m.group(1) not in OPS:
        base = re.match(r"^[A-Za-z]*", text).group(0)
        for op in sorted(OPS, key=len, reverse=True):
            rest = text[len(op):]
            if text.startswith(op) and rest[:1] in ("x", ""):
                raise SpecError(f"--fire {echo(text)}: bad count {echo(rest[1:].split(':')[0])} "
                                f"(OP[xCOUNT][:ARG], COUNT a whole number from 1 to {MAX_COUNT:,})")
        raise SpecError(
            f"unknown operation {echo(base or text)} in --fire {echo(text)}; valid: {', '.join(OPS)} "
            "(form OP[xCOUNT][:ARG], e.g. pbkdf2x5 or readFile:/etc/hosts)"
        )
    op, count, arg = m.group(1), m.group(2), m.group(3)
    n = 1
    if count is not None:
        # Compared as text first: int() refuses more than 4,300 digits with a ValueError of its own.
        n = int(count) if len(count.lstrip("0")) <= 12 else MAX_COUNT + 1
        if not 1 <= n <= MAX_COUNT:
            raise SpecError(f"--fire {echo(text)}: count must be from 1 to {MAX_COUNT:,}")
    parsed = OPS[op][0](arg, op)
    return Spec(op, n, parsed, text)
