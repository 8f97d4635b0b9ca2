"""run() to the end lets the loop wait in place (Runtime.inline_waits) instead of yielding
to the driver for every wait: it must record exactly what step() after step() records,
and leave the model in the same state."""

from __future__ import annotations

import pytest

from tui.core.ops import NodeAPI
from tui.core.runtime import Runtime
from tui.core.sim_work import SimWork


def _mix(api: NodeAPI, chain: list) -> None:
    def again(err=None, result=None):
        if chain:
            chain.pop()(again)

    for _ in range(6):
        api.pbkdf2(1000, again)
    for _ in range(5):
        api.lookup("example.com", again)
    api.lookup("localhost")
    api.lookup("127.0.0.1")
    api.lookup("nowhere.invalid")
    for _ in range(4):
        api.read_file("/etc/hostname", lambda e, r: api.next_tick())
    api.read_file("/nonexistent")
    api.stat("/")
    api.set_timeout(1, lambda e, r: api.set_immediate())
    api.set_timeout(0)
    api.set_timeout(5)
    api.set_interval(2)
    api.set_immediate(lambda e, r: api.promise_then())
    api.next_tick()
    api.promise_then()
    api.net_request()
    api.resolve("example.com")
    api.fork(None, 3)
    api.block(2)
    api.cancel(api.pbkdf2(10))
    # user callbacks that fire more work, as a server under load does
    chain.extend([lambda cb: api.pbkdf2(1, cb), lambda cb: api.lookup("example.org", cb),
                  lambda cb: api.read_file("/etc/hostname", cb)] * 30)


def _record(pool_size: int, seed: int, costs: dict, drive) -> tuple:
    rt = Runtime(pool_size, work=SimWork(seed, costs))
    api = NodeAPI(rt)
    events = []
    rt.events.subscribe(lambda e: events.append(e.to_dict()))
    chain: list = []
    rt.start(lambda: _mix(api, chain))
    ended = drive(rt)
    return ended, events, repr(rt.snapshot()), rt.loop.blocked_ms, rt.loop.delay_max


def _stepping(rt: Runtime) -> str:
    while rt.step():
        pass
    return "idle" if rt.done else "blocked"


@pytest.mark.parametrize("pool_size", [1, 2, 4, 7])
@pytest.mark.parametrize("costs", [None, {"callback": 0, "internal": 0}, {"callback": 0.4, "jitter": 0}])
def test_run_to_the_end_records_what_stepping_records(pool_size, costs):
    inline = _record(pool_size, 3, costs, lambda rt: rt.run())
    stepped = _record(pool_size, 3, costs, _stepping)
    assert inline[1] and inline == stepped


def test_a_blocked_loop_is_reported_the_same_way(tmp_path):
    import os

    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)

    def drive(rt, how):
        api = NodeAPI(rt)
        events = []
        rt.events.subscribe(lambda e: events.append(e.to_dict()))
        rt.start(lambda: (api.read_file(str(fifo)), api.pbkdf2(100)))
        return how(rt), events

    assert drive(Runtime(2), lambda rt: rt.run()) == drive(Runtime(2), _stepping)
    assert drive(Runtime(2), lambda rt: rt.run())[0] == "blocked"
