"""Processes vs threads, measured on this machine: start-up time and memory.

    python bench/bench_fork_vs_thread.py [--runs N] [--threads K]

- thread start: Thread.start() until the new thread runs (it sets an Event);
- fork: spawn ptview's forked child (python -m tui.core.live.child, what the
  live `fork` op starts) until its first IPC reply (pong on the socketpair),
  and a bare `python -c` child that only answers, to show the interpreter's
  share;
- memory: the child's RSS and USS when it answers vs the RSS a thread adds
  (K idle threads, default 8 MiB stacks mostly untouched, delta / K);
- a live Worker (`W` in the app, `--fire worker` in the live lab): a thread
  `ptview-worker-<n>` running a model loop of its own, from `new Worker` to
  its 'online' (its loop running its main module) and to the parent taking its
  answer to a first message, one after the other; and the RSS 8 of them add
  at once (delta / 8), all measured the way the app measures them
  (tui/core/live/worker_threads.py).
"""

from __future__ import annotations

import argparse
import json
import os
import pathlib
import socket
import statistics
import subprocess
import sys
import threading
import time

import psutil

ROOT = pathlib.Path(__file__).resolve().parent.parent
BARE_CHILD = (
    "import os, socket, json; s = socket.socket(fileno=int(os.environ['PTVIEW_CHANNEL_FD'])); "
    "s.recv(100); s.sendall(json.dumps({'pong': os.getpid()}).encode() + b'\\n'); s.recv(100)"
)


def thread_start_ms(runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        ran = threading.Event()
        t0 = time.perf_counter()
        t = threading.Thread(target=ran.set)
        t.start()
        ran.wait()
        out.append((time.perf_counter() - t0) * 1000)
        t.join()
    return out


def spawn_to_reply(argv: list[str]) -> tuple[float, int, int]:
    """ms from spawn to the first IPC reply, and the child's RSS and USS then."""
    parent, child = socket.socketpair()
    env = dict(os.environ, PTVIEW_CHANNEL_FD=str(child.fileno()),
               PYTHONPATH=os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH")) if p))
    t0 = time.perf_counter()
    proc = subprocess.Popen(argv, pass_fds=[child.fileno()], env=env, stdin=subprocess.DEVNULL)
    child.close()
    parent.sendall(b'{"cmd": "ping"}\n')
    buf = b""
    while b"\n" not in buf:
        data = parent.recv(4096)
        if not data:
            raise RuntimeError("child closed the channel without answering")
        buf += data
    ms = (time.perf_counter() - t0) * 1000
    mem = psutil.Process(proc.pid).memory_full_info()
    parent.sendall(b'{"cmd": "exit"}\n')
    parent.close()
    proc.wait(5)
    return ms, mem.rss, mem.uss


def thread_rss(k: int) -> float:
    """RSS added per idle thread (bytes), K threads at once."""
    me = psutil.Process()
    stop = threading.Event()
    ready = threading.Barrier(k + 1)

    def idle():
        ready.wait()
        stop.wait()

    before = me.memory_info().rss
    threads = [threading.Thread(target=idle, daemon=True) for _ in range(k)]
    for t in threads:
        t.start()
    ready.wait()
    after = me.memory_info().rss
    stop.set()
    for t in threads:
        t.join()
    return (after - before) / k


def live_workers(runs: int) -> dict:
    """ptview's live Workers: online and first-answer times, and the RSS each adds (8 at once)."""
    sys.path.insert(0, str(ROOT))
    from tui.core.callbacks import Callback
    from tui.core.live.driver import LiveDriver
    from tui.core.live.runtime import LiveRuntime
    from tui.core.live.worker_threads import MAX_LIVE_WORKERS, rss_bytes
    from tui.core.ops import NodeAPI

    rt = LiveRuntime(2)
    api = NodeAPI(rt)
    driver = LiveDriver(rt)
    rt.loop.active_handles += 1  # as the app's TTY
    rt.start(None)

    def on_loop(fn):
        box = {}
        rt.loop.io_ready_now(Callback(lambda: box.setdefault("r", fn()), "bench", op="tty.keypress"))
        return box

    def until(cond, timeout=10.0):
        end = time.monotonic() + timeout
        while time.monotonic() < end and not cond():
            driver.pump()
            driver.wait(0.005)
        if not cond():
            raise RuntimeError("a live Worker did not answer in time")

    online, first = [], []
    try:
        for _ in range(runs):
            box = on_loop(api.workers.new)
            until(lambda: "r" in box and box["r"].finished)
            w = api.workers.last
            posted = on_loop(lambda: api.workers.post(w, ("echo", None)))
            until(lambda: "r" in posted and posted["r"].finished)
            online.append(w.online_ms)
            first.append(w.thread.first_message_ms)
            gone = on_loop(lambda: api.workers.terminate(w))
            until(lambda: "r" in gone and gone["r"].finished)
        before = rss_bytes()
        boxes = [on_loop(api.workers.new) for _ in range(MAX_LIVE_WORKERS)]
        until(lambda: all("r" in b and b["r"].finished for b in boxes))
        after = rss_bytes()
    finally:
        rt.shutdown()
    return {"worker_online_ms": statistics.median(online), "worker_first_message_ms": statistics.median(first),
            "worker_rss": (after - before) / MAX_LIVE_WORKERS}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=10, help="process spawns per kind (threads: 20x this)")
    ap.add_argument("--threads", type=int, default=50, help="threads started at once for the memory figure")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()

    th = statistics.median(thread_start_ms(a.runs * 20))
    fork = [spawn_to_reply([sys.executable, "-m", "tui.core.live.child"]) for _ in range(a.runs)]
    bare = [spawn_to_reply([sys.executable, "-c", BARE_CHILD]) for _ in range(a.runs)]
    per_thread = thread_rss(a.threads)
    lw = live_workers(a.runs)
    r = {
        **lw,
        "cpus": os.cpu_count(),
        "python": sys.version.split()[0],
        "thread_start_ms": th,
        "fork_reply_ms": statistics.median(x[0] for x in fork),
        "bare_reply_ms": statistics.median(x[0] for x in bare),
        "fork_rss": statistics.median(x[1] for x in fork),
        "fork_uss": statistics.median(x[2] for x in fork),
        "bare_rss": statistics.median(x[1] for x in bare),
        "thread_rss": per_thread,
    }
    if a.json:
        print(json.dumps(r))
        return 0
    mib = 1048576
    tr = max(r["thread_rss"], 4096)  # at least a page: ratios stay finite
    print(f"processes vs threads · {r['cpus']} CPUs · Python {r['python']} · medians "
          f"({a.runs} spawns, {a.runs * 20} thread starts, {a.threads} threads for memory)\n")
    print(f"{'':34}{'thread':>12}{'process':>12}{'ratio':>10}")
    print(f"{'start → running / first IPC reply':34}{th:>10.3f}ms{r['fork_reply_ms']:>10.1f}ms"
          f"{r['fork_reply_ms'] / th:>9.0f}x   (ptview's fork child)")
    print(f"{'':34}{'':>12}{r['bare_reply_ms']:>10.1f}ms{r['bare_reply_ms'] / th:>9.0f}x   (bare python -c child)")
    print(f"{'memory: RSS added / child RSS':34}{r['thread_rss'] / 1024:>9.0f}KiB{r['fork_rss'] / mib:>9.1f}MiB"
          f"{r['fork_rss'] / tr:>9.0f}x")
    print(f"{'memory: child USS (private)':34}{'':>12}{r['fork_uss'] / mib:>9.1f}MiB{r['fork_uss'] / tr:>9.0f}x")
    print(f"{'':34}{'':>12}{r['bare_rss'] / mib:>9.1f}MiB{'':>10}   (bare child RSS)")
    print(f"\nptview's live Worker (a thread running its own model loop), beside its fork child above")
    print(f"{'new Worker → online':34}{r['worker_online_ms']:>10.2f}ms{r['fork_reply_ms']:>10.1f}ms"
          f"{r['fork_reply_ms'] / r['worker_online_ms']:>9.0f}x")
    print(f"{'new Worker → first message':34}{r['worker_first_message_ms']:>10.2f}ms")
    print(f"{'memory: RSS a live Worker adds':34}{r['worker_rss'] / 1024:>9.0f}KiB{r['fork_rss'] / mib:>9.1f}MiB"
          f"{r['fork_rss'] / max(r['worker_rss'], 4096):>9.0f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
