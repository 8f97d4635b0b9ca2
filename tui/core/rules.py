"""Why each event happened: the SEMANTICS.md rule behind it, with an id, one plain sentence and its source.

Every model event follows from one rule of Node or libuv. The rule is not
stored on the event: it follows from what the event already records (its
kind, operation, phase and queue), so the model's hot path stays one tuple
per event and a recorded timeline explains itself after the fact. `rule_for`
is that mapping; `RULES` is what a screen shows for an id ("why?").

Ids are stable (talk files and `--json` consumers name them): `area.what`.
"""

from __future__ import annotations

from typing import NamedTuple


class Rule(NamedTuple):
    id: str
    sentence: str
    source: str  # SEMANTICS.md section and the upstream file or doc it cites


_R = [
    Rule("main.first", "Your main module runs to the end before the event loop starts its first iteration.",
         "SEMANTICS §1.3, §3.9; node src/api/embed_helpers.cc SpinEventLoopInternal()"),
    Rule("loop.order", "Each loop iteration visits its phases in a fixed order: timers, pending, idle, prepare, "
         "poll, check, close.", "SEMANTICS §1.1; libuv src/unix/core.c uv_run()"),
    Rule("loop.exit", "The loop ends when no handle or request keeps it alive; then 'exit' is emitted.",
         "SEMANTICS §1.1, §1.3; libuv uv__loop_alive()"),
    Rule("timers.due", "A timer runs in the timers phase once now - start >= its delay; delays below 1 ms "
         "(0, negative, NaN) are coerced to 1 ms.", "SEMANTICS §3.4; node lib/internal/timers.js Timeout"),
    Rule("timers.interval", "setInterval re-arms itself with the time taken before its callback ran.",
         "SEMANTICS §3.4; node lib/internal/timers.js listOnTimeout()"),
    Rule("check.immediate", "setImmediate callbacks run in the check phase, right after poll; ones added during "
         "check wait for the next iteration.", "SEMANTICS §3.4; node lib/timers.js processImmediate()"),
    Rule("ticks.first", "After every callback Node drains the whole nextTick queue before any promise reaction.",
         "SEMANTICS §3.5; node lib/internal/process/task_queues.js processTicksAndRejections()"),
    Rule("microtasks.after-ticks", "Promise reactions, await continuations and queueMicrotask run after the "
         "nextTick queue is empty, in FIFO order.", "SEMANTICS §3.5; V8 microtask queue, PerformCheckpoint"),
    Rule("pool.lazy", "libuv creates all of its pool threads at the first request of any kind (4 unless "
         "UV_THREADPOOL_SIZE says otherwise).", "SEMANTICS §2.1; libuv src/threadpool.c init_threads()"),
    Rule("pool.fifo", "Pool jobs wait in one global FIFO queue; a free worker takes the head and runs it to "
         "the end.", "SEMANTICS §2.2; libuv src/threadpool.c worker()"),
    Rule("pool.slow-io-cap", "dns.lookup (getaddrinfo) is slow I/O: at most (N+1)/2 run at once, so DNS cannot "
         "take the whole pool.", "SEMANTICS §2.3; libuv src/threadpool.c slow_work_thread_threshold()"),
    Rule("pool.completion", "A finished pool job is handed back to the loop and its callback runs in the poll "
         "phase.", "SEMANTICS §2.4; libuv src/threadpool.c uv__work_done()"),
    Rule("pool.cancel", "A queued pool job can be cancelled (ECANCELED); a running one cannot (EBUSY).",
         "SEMANTICS §2.5; libuv src/threadpool.c uv__work_cancel()"),
    Rule("fs.readfile-jobs", "fs.readFile is several pool jobs in a row: open, fstat, reads of 512 KiB, close; "
         "each step queues at the tail.", "SEMANTICS §3.2, §3.3; node lib/fs.js readFile()"),
    Rule("fs.pool", "Asynchronous fs calls run on the pool (fast I/O).",
         "SEMANTICS §3.1; node src/node_file.cc, libuv src/unix/fs.c"),
    Rule("crypto.pool", "Asynchronous crypto (pbkdf2, scrypt, randomBytes) runs on the pool as CPU work.",
         "SEMANTICS §3.1; node src/crypto/crypto_util.h CryptoJob"),
    Rule("zlib.pool", "Asynchronous zlib runs on the pool, one job per chunk.",
         "SEMANTICS §3.1; node src/node_zlib.cc CompressionStream"),
    Rule("dns.literal", "dns.lookup of an IP address answers on nextTick without touching the pool.",
         "SEMANTICS §3.1; node lib/dns.js lookup()"),
    Rule("net.epoll", "Sockets never use the pool: the loop thread watches them with epoll and their callbacks "
         "run in poll (errors and sync writes in pending).", "SEMANTICS §1.1, §3.1; libuv docs design.rst"),
    Rule("dns.resolve-no-pool", "dns.resolve* asks a DNS server over a UDP socket (c-ares): no pool thread.",
         "SEMANTICS §3.1; node src/cares_wrap.cc ChannelWrap"),
    Rule("close.after-check", "Close callbacks run in the close phase, after check in the same iteration.",
         "SEMANTICS §3.6; libuv uv__run_closing_handles()"),
    Rule("fork.process", "child_process.fork starts a whole new process with its own loop and pool; messages "
         "arrive over IPC in poll.", "SEMANTICS §3.7; node lib/child_process.js fork()"),
    Rule("worker.thread", "A Worker is a thread with its own loop sharing the process's one pool; its messages "
         "and exit reach the other loop in poll.",
         "SEMANTICS §2.1, §3.8; node src/node_worker.cc, lib/internal/worker.js; libuv docs threadpool.rst"),
    Rule("loop.blocked", "Synchronous work blocks the loop thread: nothing else runs until it returns.",
         "SEMANTICS §3.5 (starvation), node docs 'Don't block the event loop'"),
]
RULES: dict[str, Rule] = {r.id: r for r in _R}

_POOL_RULE = {"fs": "fs.pool", "crypto": "crypto.pool", "zlib": "zlib.pool", "dns": "pool.slow-io-cap"}
_READFILE_STEPS = {"fs.open", "fs.fstat", "fs.read", "fs.close"}


def rule_for(ev: str, op: str | None = None, phase: str | None = None, detail=None) -> str:
    """The id of the rule that put an event with these fields in the timeline."""
    if ev == "phase":
        return "loop.exit" if phase == "exit" else "loop.order"
    if ev == "pool":
        return "pool.lazy"
    if ev == "cancel":
        return "pool.cancel"
    if ev == "start":
        return "pool.slow-io-cap" if op == "dns.lookup" else "pool.fifo"
    if ev == "done":
        return "pool.completion"
    if ev == "submit":
        if detail in ("fast-io", "cpu", "slow-io"):  # a pool job
            if op in _READFILE_STEPS:
                return "fs.readfile-jobs"
            return _POOL_RULE.get((op or "").split(".", 1)[0], "pool.fifo")
        return _task_rule(op)
    if ev in ("callback", "end"):
        if detail == "nextTick":
            return "dns.literal" if op == "dns.lookup" else "ticks.first"
        if detail == "microtask":
            return "microtasks.after-ticks"
        if phase == "main":
            return "loop.blocked" if op == "block" else "main.first"
        if phase == "timers":
            return "timers.interval" if op == "setInterval" else "timers.due"
        if phase == "check":
            return "check.immediate"
        if phase == "close":
            return "fork.process" if (op or "").startswith("child") else "close.after-check"
        if op and (op.startswith("net.") or op == "dns.resolve"):
            return "dns.resolve-no-pool" if op == "dns.resolve" else "net.epoll"
        if op and (op.startswith("child") or op == "child_process.fork"):
            return "fork.process"
        if op and op.startswith("worker."):
            return "worker.thread"
        if phase in ("poll", "pending"):
            return "fs.readfile-jobs" if op in _READFILE_STEPS else "pool.completion"
        return "loop.order"
    return "loop.order"


def _task_rule(op: str | None) -> str:
    op = op or ""
    if op == "setTimeout":
        return "timers.due"
    if op == "setInterval":
        return "timers.interval"
    if op == "setImmediate":
        return "check.immediate"
    if op == "process.nextTick":
        return "ticks.first"
    if op in ("Promise.then", "await", "queueMicrotask"):
        return "microtasks.after-ticks"
    if op == "fs.readFile":
        return "fs.readfile-jobs"
    if op == "dns.resolve":
        return "dns.resolve-no-pool"
    if op.startswith("net."):
        return "net.epoll"
    if op.startswith("child"):
        return "fork.process"
    if op.startswith("worker.") or op == "new Worker":
        return "worker.thread"
    if op == "block":
        return "loop.blocked"
    return _POOL_RULE.get(op.split(".", 1)[0], "main.first")
