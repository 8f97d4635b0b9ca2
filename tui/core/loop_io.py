"""Loop-side I/O: what the loop thread waits for in epoll, never on the pool.

ops.py asks a backend for the I/O behind dns.resolve, a net request and a
forked child, and hands it `deliver` functions; the backend calls them on the
model's thread when the fd would be readable, and ops.py turns that into a
ready callback for the poll phase. Sim schedules them after modelled
latencies on the virtual clock; live (tui/core/live/loop_io.py) uses real
sockets and processes. The methods, for both:

    resolve(host, deliver)          deliver(err, addresses_text)
    net_connect(deliver) -> conn    deliver(err)
    net_send(conn, data, deliver)   deliver(err, nbytes_echoed)
    net_close(conn)
    new_child() -> dict             the child process exists (pid known)
    start_child(child, deliver)     deliver(message_text): its first IPC reply
    stop_child(child, deliver, after_ms)  deliver(): told to exit after_ms later, it exited
    close()                         leave nothing behind
"""

from __future__ import annotations

from tui.core.sim_work import sim_resolve


class SimLoopIO:
    def __init__(self, rt) -> None:
        self.rt = rt
        self._next_child_pid = 4000

    def _after(self, latency: str, fn) -> None:
        rt = self.rt
        rt.at(rt.clock.now() + rt.work.latency(latency), fn)

    def resolve(self, host: str, deliver) -> None:
        self._after("dns.resolve", lambda: deliver(*_bracketed(sim_resolve(host, "queryA"))))

    def net_connect(self, deliver):
        self._after("net.connect", lambda: deliver(None))
        return None

    def net_send(self, conn, data: bytes, deliver) -> None:
        self._after("net.rtt", lambda: deliver(None, len(data)))

    def net_close(self, conn) -> None:
        pass

    def new_child(self) -> dict:
        self._next_child_pid += 1
        from tui.core.sim_work import MODELLED_RSS

        return {"pid": self._next_child_pid, "state": "starting", "threads": 7,
                "t_spawn": self.rt.clock.now(), "modelled": True, "rss": MODELLED_RSS["fork"]}

    def start_child(self, child: dict, deliver) -> None:
        rt = self.rt
        rt.consume(rt.work.cost("fork.spawn"))  # uv_spawn forks and execs on the loop thread
        self._after("fork.boot", lambda: deliver(None))

    def stop_child(self, child: dict, deliver, after_ms: float = 0) -> None:
        rt = self.rt
        rt.at(rt.clock.now() + after_ms + rt.work.latency("fork.exit"), deliver)

    def close(self) -> None:
        pass


def _bracketed(answer):
    err, addr = answer
    return err, (f"[{addr}]" if err is None else None)
