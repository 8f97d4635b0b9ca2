"""Sim mode: modelled durations and results, seeded and deterministic.

Durations are the defaults below (milliseconds), each pool job and each
network latency scaled by a seeded jitter (±10 % by default) drawn in the
order jobs start, so the same input gives the same timeline on every machine.
Files are only stat()ed — existence, type and size are real, contents are not
read — so readFile makes the right number of reads and fails with the right
code. Hosts are not resolved: `localhost` is 127.0.0.1, `*.invalid` (RFC 6761)
does not exist, any other name gets a stable address in 203.0.113.0/24
(TEST-NET-3, reserved for documentation).
"""

from __future__ import annotations

import math
import os
import random
import stat as st
import zlib
from dataclasses import dataclass
from functools import partial
from typing import Any

from tui.core.errors import NodeError, dns_error, from_oserror, uv_error

# Milliseconds. pbkdf2: sha512, 64-byte key, 0.66 µs per iteration (hashlib, measured on the dev VM).
DEFAULT_COSTS: dict[str, float] = {
    "main_op": 0.01,              # one API call in the main script
    "callback": 0.02,             # a user JS callback
    "internal": 0.005,            # a Node-internal step callback (readFile after open…)
    "fs.open": 0.04,
    "fs.fstat": 0.015,
    "fs.read": 0.02,              # per read request, plus fs.read_per_mib
    "fs.read_per_mib": 0.25,      # page-cache copy, ~4 GB/s
    "fs.close": 0.015,
    "fs.stat": 0.03,
    "dns.lookup": 25.0,           # getaddrinfo that asks a DNS server
    "dns.lookup_local": 0.3,      # answered from /etc/hosts
    "dns.resolve": 20.0,          # c-ares query round trip (on the loop, not the pool)
    "crypto.pbkdf2_per_iteration": 0.00066,
    "zlib.gzip": 0.4,             # per 16 KiB chunk of output
    "zlib.ratio": 0.35,           # modelled compressed/original size
    "net.connect": 0.12,          # loopback connect → writable
    "net.rtt": 0.15,              # echo round trip on loopback
    "fork.spawn": 3.0,            # uv_spawn: fork+exec, synchronous on the loop thread
    "fork.boot": 95.0,            # child: node start-up to its first IPC message
    "fork.exit": 4.0,             # child: from our message to its exit
    # worker_threads (bench/node_costs.py --only workers; README "worker_threads"): new Worker() is
    # synchronous on the parent's loop thread (0.55 ms; the first of a process 3 ms more, q1),
    # its script runs ('online') ~31 ms later (q1; medians 31-64 ms on a loaded machine), and
    # the parent hears of its end ~2 ms after it
    "worker.spawn": 0.55,
    "worker.first": 2.5,
    "worker.boot": 31.0,
    "worker.exit": 2.1,
    # Node's own JS in a script's main module (SEMANTICS §3.9; bench/node_costs.py, README "Node's own costs")
    "console.first": 3.0,         # the first console.log: process.stdout is made then (2.5-6 ms; bench q1 3.6)
    "console.log": 0.03,          # each later console.log (bench: 27-55 µs)
    "console.inspect.first": 0.7, # the first console.log of an object: node loads util.inspect (690-880 µs)
    "console.inspect": 0.04,      # each later one formats an object: 60-90 µs in all, a string's 25-30
    "timers.first": 0.19,         # the first setTimeout/setInterval: timer lists and the uv timer (190-210 µs)
    "fs.first": 0.35,             # the first fs call: its lazily loaded internals (350 µs; 0.3-2.5 ms)
    "require": 0.07,              # a builtin's first require: events, util, fs, path… (bench: 64-71 µs)
    "require.heavy": 2.0,         # crypto, zlib, child_process, net (bench q1 1.5-2.3 ms, a loaded machine's median 6-7)
    "jitter": 0.1,
}

# What each cost may be, for `--cost` (and SimWork): a duration is 0 ms up to an hour of model
# time (one job or one latency longer than that is no longer a timeline anyone can read); the
# jitter is a fraction: each duration is scaled by a draw in [1 - j, 1 + j], so j >= 1 would
# make durations zero or negative (completions before their start); zlib.ratio is the
# compressed/original size: above 0, and gzip's worst case on random bytes is just over 1.
MAX_COST_MS = 3_600_000.0
COST_RANGES: dict[str, tuple[float, float, bool]] = {  # name → (low, high, high included)
    "jitter": (0.0, 1.0, False),
    "zlib.ratio": (0.001, 2.0, True),
}


def check_cost(name: str, value: float) -> str | None:
    """None if `value` is a sensible `name`, else why not (one phrase)."""
    low, high, closed = COST_RANGES.get(name, (0.0, MAX_COST_MS, True))
    if value != value or not low <= value or not (value <= high if closed else value < high):
        if name == "jitter":
            return "a fraction from 0 to below 1 (0.1 = ±10 %)"
        if name == "zlib.ratio":
            return f"a compression ratio from {low} to {high}"
        return f"milliseconds from 0 to {MAX_COST_MS:,.0f} (an hour)"
    return None


UNKNOWN_SIZE_LIMIT = 64 * 1024 * 1024  # bytes ptview reads from a file whose size stat can't tell


@dataclass(slots=True)  # one per readFile, alive until its close: no dict for the GC to walk
class SimFile:
    """What `open` returned: the path and what stat said about it."""

    path: str
    mode: int
    size: int
    rdev_name: str
    fd: int = 0

    def __str__(self) -> str:
        return f"fd {self.fd}"

    @property
    def is_regular(self) -> bool:
        return st.S_ISREG(self.mode)

    def release(self) -> None:
        """Nothing to free: the sim keeps no bytes (live's LiveFile does)."""


class SimWork:
    def __init__(self, seed: int = 1, costs: dict[str, float] | None = None) -> None:
        self.costs = dict(DEFAULT_COSTS)
        if costs:
            unknown = set(costs) - set(DEFAULT_COSTS)
            if unknown:
                raise ValueError(f"unknown cost name(s): {', '.join(sorted(unknown))}")
            for name, v in costs.items():
                why = check_cost(name, v)
                if why is not None:
                    raise ValueError(f"cost {name}={v}: {why}")
            self.costs.update(costs)
        self.seed = seed
        self.rng = random.Random(seed)
        self._keys: dict[int, str] = {}
        self._hosts: dict[str, tuple[str, str]] = {}  # host → (cost name, address)
        self._ops: dict = {}  # op → its model method, looked up once
        self._fd = 17  # a fresh Node process's first fs.open tends to get a small fd like this

    def cost(self, name: str) -> float:
        return self.costs[name]

    def jittered(self, ms: float) -> float:
        j = self.costs["jitter"]
        if j <= 0 or ms == math.inf:
            return ms
        return ms * (1.0 + self.rng.uniform(-j, j))

    # -- pool jobs: (duration ms, result, error) -----------------------------------------

    def run(self, op: str, args: dict) -> tuple[float, Any, NodeError | None]:
        fn = self._ops.get(op)
        if fn is None:
            fn = self._ops[op] = getattr(self, "_" + op.replace(".", "_"))
        dur, result, err = fn(args)
        # jittered(), inlined (once per pool job): the same draw, the same arithmetic as uniform()
        j = self.costs["jitter"]
        if j <= 0 or dur == math.inf:
            return dur, result, err
        return dur * (1.0 + (-j + (j - -j) * self.rng.random())), result, err

    def _fs_open(self, a):
        path = a["path"]
        c = self.costs["fs.open"]
        try:
            s = os.stat(path)
        except OSError as e:
            return c, None, from_oserror(e, "open", path)
        if st.S_ISFIFO(s.st_mode):
            return math.inf, None, None  # open(O_RDONLY) waits for a writer that never comes
        if st.S_ISSOCK(s.st_mode):
            return c, None, uv_error("ENXIO", "open", path)
        if not os.access(path, os.R_OK):
            return c, None, uv_error("EACCES", "open", path)
        self._fd += 1
        return c, SimFile(path, s.st_mode, s.st_size, os.path.basename(path), self._fd), None

    def _fs_fstat(self, a):
        f: SimFile = a["file"]
        return self.costs["fs.fstat"], f.size if f.is_regular else 0, None

    def _fs_read(self, a):
        f: SimFile = a["file"]
        length = a["length"]
        pos = a["pos"]
        if st.S_ISDIR(f.mode):
            return self.costs["fs.read"], None, uv_error("EISDIR", "read")
        if f.is_regular:
            n = max(0, min(length, f.size - pos))
        elif st.S_ISCHR(f.mode) and f.rdev_name != "null":
            n = length  # /dev/zero, /dev/urandom: endless
        else:
            n = 0
        return self.costs["fs.read"] + self.costs["fs.read_per_mib"] * n / 1048576, n, None

    def _fs_close(self, a):
        return self.costs["fs.close"], None, None

    def _fs_stat(self, a):
        path = a["path"]
        try:
            s = os.stat(path)
        except OSError as e:
            return self.costs["fs.stat"], None, from_oserror(e, "stat", path)
        return self.costs["fs.stat"], s.st_size, None

    def _dns_lookup(self, a):
        host = a["host"]
        # A host's answer never changes in sim: kept for the next lookup of it (lookups come
        # by the thousand, from few hosts). Errors are not kept: each lookup gets its own.
        known = self._hosts.get(host)
        if known is not None:
            return self.costs[known[0]], known[1], None
        err, addr = sim_resolve(host, "getaddrinfo")
        local = host.lower() == "localhost" or host.lower().endswith(".localhost")
        cost_name = "dns.lookup_local" if local else "dns.lookup"
        if err is None:
            if len(self._hosts) >= 1024:
                self._hosts.clear()
            self._hosts[host] = (cost_name, addr)
        return self.costs[cost_name], addr, err

    def _crypto_pbkdf2(self, a):
        n = a["iterations"]
        key = self._keys.get(n)
        if key is None:
            key = self._keys[n] = f"key {_fake_hex(('pbkdf2', n))}… (modelled)"
        return self.costs["crypto.pbkdf2_per_iteration"] * n, key, None

    def _zlib_gzip(self, a):
        return self.costs["zlib.gzip"], a["out"], None

    # -- loop-side latencies -------------------------------------------------------------

    def latency(self, name: str) -> float:
        return self.jittered(self.costs[name])


def sim_resolve(host: str, syscall: str) -> tuple[NodeError | None, str | None]:
    h = host.lower().rstrip(".")
    if h == "localhost" or h.endswith(".localhost"):
        return None, "127.0.0.1"
    if h.endswith(".invalid") or h == "invalid":
        return dns_error("ENOTFOUND", syscall, host), None
    return None, f"203.0.113.{zlib.crc32(h.encode()) % 254 + 1}"


def _fake_hex(key) -> str:
    return f"{zlib.crc32(repr(key).encode()):08x}"


class SimExecutor:
    """Decides when a job is done: now + its modelled duration, on the virtual clock."""

    def __init__(self, rt) -> None:
        self.rt = rt

    def pool_created(self, pool) -> None:
        pass

    def start(self, job, worker) -> None:
        rt = self.rt
        dur, result, err = rt.work.run(job.op, job.args)
        if dur == math.inf:
            job.handle = "blocked"  # holds its worker forever, as a FIFO open() would
            return
        job.handle = rt.clock.now() + dur  # when it will be done: the UI draws progress from it
        rt.at(job.handle, partial(rt.pool.job_done, job, result, err))

    def shutdown(self) -> None:
        pass
