"""What an async_hooks resource type says about where its callback runs.

async_hooks reports resources, not loop phases: the phase a callback ran in is
inferred from the type of the resource it belongs to (README, "Real node"):
Timeout → timers, Immediate → check, a request or a handle → poll (libuv
delivers pool completions and epoll I/O there, SEMANTICS §1.4, §2.4),
TickObject → the nextTick queue, PROMISE and Microtask → the microtask queue.
Every phase derived this way is marked inferred: a handle's close callback
(close phase) and a write that completed at once (pending phase) look the same
to the hooks as poll callbacks.
"""

from __future__ import annotations

TIMER = "timer"
IMMEDIATE = "immediate"
TICK = "nextTick"
MICROTASK = "microtask"
POOL = "pool"      # a request that runs on libuv's threadpool, its callback in poll
IO = "io"          # a handle or request served by epoll on the loop thread
OTHER = "other"

# Requests that take a threadpool thread (SEMANTICS §3.1), by their async_hooks type.
POOL_TYPES = frozenset({
    "FSREQCALLBACK", "FSREQPROMISE", "FILEHANDLECLOSEREQ", "STATWATCHER",
    "GETADDRINFOREQWRAP", "GETNAMEINFOREQWRAP",
    "PBKDF2REQUEST", "SCRYPTREQUEST", "HKDFREQUEST", "RANDOMBYTESREQUEST", "RANDOMPRIMEREQUEST",
    "CHECKPRIMEREQUEST", "KEYGENREQUEST", "KEYPAIRGENREQUEST", "SECRETKEYGENREQUEST",
    "DERIVEBITSREQUEST", "HASHREQUEST", "SIGNREQUEST", "VERIFYREQUEST", "CIPHERREQUEST",
    "KEYEXPORTREQUEST", "ZLIB",
})

# Handles and requests that epoll serves on the loop thread (sockets, pipes, c-ares, signals…).
IO_TYPES = frozenset({
    "TCPWRAP", "TCPSERVERWRAP", "TCPCONNECTWRAP", "PIPEWRAP", "PIPESERVERWRAP", "PIPECONNECTWRAP",
    "TTYWRAP", "UDPWRAP", "UDPSENDWRAP", "WRITEWRAP", "SHUTDOWNWRAP", "SIGNALWRAP", "PROCESSWRAP",
    "DNSCHANNEL", "QUERYWRAP", "TLSWRAP", "HTTPINCOMINGMESSAGE", "HTTPCLIENTREQUEST", "FSEVENTWRAP",
    "JSSTREAM", "JSUDPWRAP", "MESSAGEPORT", "WORKER", "HTTP2SESSION", "HTTP2STREAM", "HTTP2PING",
    "HTTP2SETTINGS", "QUIC", "STREAMPIPE", "ELDHISTOGRAM", "SIGINTWATCHDOG", "INSPECTORJSBINDING",
})

PHASE_OF = {TIMER: "timers", IMMEDIATE: "check", POOL: "poll", IO: "poll"}
QUEUE_OF = {TICK: "nextTick", MICROTASK: "microtask"}

# How many node frames may lie between the hook and the program's own frame for a
# resource to count as the program's (setTimeout: Timeout, initAsyncResource,
# setTimeout = 3). A tick that console.log schedules inside a stream lies 8 deep:
# node's, not the program's, though the program's line is on the stack. A
# promise is the program's only when made right in its code (`.then`, `await`,
# V8 builtins do not count): fs.promises makes dozens one frame down.
USER_DEPTH = 3
USER_DEPTH_PROMISE = 0


V8_JOB = -1  # made with no frame on the stack: V8's own job (a promise adopting a thenable)


def is_users(rtype: str, depth: int) -> bool:
    if rtype == "PROMISE":
        # V8 adopts a promise the program resolved with a promise in a job of its own;
        # that job's reaction is part of the program's microtask order (SEMANTICS §3.5).
        return depth == USER_DEPTH_PROMISE or depth == V8_JOB
    return 0 <= depth <= USER_DEPTH


def kind_of(rtype: str) -> str:
    if rtype == "Timeout":
        return TIMER
    if rtype == "Immediate":
        return IMMEDIATE
    if rtype == "TickObject":
        return TICK
    if rtype in ("PROMISE", "Microtask"):
        return MICROTASK
    if rtype in POOL_TYPES:
        return POOL
    if rtype in IO_TYPES:
        return IO
    return OTHER


def is_queue(kind: str) -> bool:
    return kind in QUEUE_OF
