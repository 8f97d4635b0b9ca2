"""A forked child, as `child_process.fork` makes one: its own loop, its own pool, IPC.

Run by live mode as `python -m tui.core.live.child` with PTVIEW_CHANNEL_FD
naming its end of a socketpair (Node passes NODE_CHANNEL_FD the same way).
Messages are JSON lines. On {"cmd": "ping"} it runs one fs.stat on its own
pool (so its worker threads exist, lazily, as in Node) and answers with a
pong; on {"cmd": "exit"} or when the channel closes it lets its loop end.
It dies with its parent (PR_SET_PDEATHSIG), so it never outlives ptview.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import sys

from tui.core.callbacks import Callback
from tui.core.live.driver import LiveDriver
from tui.core.live.poller import READ
from tui.core.live.runtime import LiveRuntime
from tui.core.live.threads import die_with_parent, set_os_thread_name
from tui.core.live.worker_threads import rss_bytes
from tui.core.ops import NodeAPI
from tui.core.pool import threadpool_size_from_env


def main() -> int:
    die_with_parent(signal.SIGKILL)
    if os.getppid() == 1:  # the parent died before we could ask the kernel to tell us
        return 1
    set_os_thread_name("ptview-child")
    chan = socket.socket(fileno=int(os.environ.pop("PTVIEW_CHANNEL_FD")))
    chan.setblocking(False)
    rt = LiveRuntime(threadpool_size_from_env(os.environ.get("UV_THREADPOOL_SIZE")))
    api = NodeAPI(rt)
    loop = rt.loop
    buf = bytearray()
    state = {"open": True}

    def send(msg: dict) -> None:
        if state["open"]:
            try:
                chan.sendall(json.dumps(msg).encode() + b"\n")
            except OSError:
                pass

    def close_channel() -> None:
        if state["open"]:
            state["open"] = False
            rt.poller.unwatch(chan)
            chan.close()
            loop.active_handles -= 1

    def on_message(msg: dict) -> None:
        if msg.get("cmd") == "ping":
            api.stat(sys.executable, lambda e, r: send(
                {"pong": os.getpid(), "pool": rt.pool.size, "threads": len(os.listdir("/proc/self/task")),
                 "rss": rss_bytes()}))
        elif msg.get("cmd") == "exit":
            close_channel()

    def on_ipc() -> None:
        try:
            data = chan.recv(65536)
        except BlockingIOError:
            return
        except OSError:
            data = b""
        if not data:
            return close_channel()
        buf.extend(data)
        while b"\n" in buf:
            i = buf.index(b"\n")
            line = bytes(buf[:i])
            del buf[:i + 1]
            try:
                on_message(json.loads(line))
            except ValueError:
                pass

    def main_module() -> None:
        loop.active_handles += 1  # the IPC channel keeps the child's loop alive, as in Node
        rt.poller.watch(chan, READ, lambda _m: loop.io_ready_now(Callback(on_ipc, "IPC message", op="child.ipc")))

    driver = LiveDriver(rt)
    rt.start(main_module)
    try:
        driver.run_until_idle()
    finally:
        rt.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
