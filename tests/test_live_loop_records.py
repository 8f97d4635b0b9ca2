"""The live log's bound (tui/core/live/loop_records.py): how far every Worker's thread has
surely gone, so the log writes in time order what no loop can still precede."""

from __future__ import annotations

from tui.core.live.loop_records import STALL_MS, LiveLoops


class Clock:
    def __init__(self, t: float = 0.0) -> None:
        self.t = t

    def now(self) -> float:
        return self.t


def make(t0: float = 100.0):
    clock = Clock(t0)
    loops = LiveLoops(clock)
    held: list[tuple] = []
    loops.hold = held.append
    return clock, loops, held


def test_a_busy_worker_holds_the_log_at_its_latest_record():
    clock, loops, held = make()
    w = loops.add()               # made at 100
    w.add((150.0, "start"))
    clock.t = 400.0
    assert loops(None) == 150.0    # it may still stamp anything from 150 on
    assert held == [(150.0, "start")]  # its records are taken into the order, in its order
    w.reached(300.0)               # a busy wait's progress: nothing to come before 300
    assert loops(None) == 300.0
    assert loops(250.0) == 250.0   # the process's own record being written bounds it too


def test_a_worker_waiting_in_epoll_holds_nothing_back():
    clock, loops, _ = make()
    w = loops.add()
    w.add((120.0, "callback"))
    w.idle = True
    clock.t = 500.0
    assert loops(None) == 500.0    # what it makes next is stamped after it wakes


def test_a_worker_silent_and_busy_for_longer_than_the_stall_limit_stops_holding_the_log():
    clock, loops, _ = make()
    w = loops.add()
    w.add((200.0, "callback"))
    clock.t = 200.0 + STALL_MS / 2
    assert loops(None) == 200.0
    clock.t = 200.0 + STALL_MS + 700.0
    assert loops(None) == 900.0    # now - STALL_MS: its later records may come out of order


def test_an_ended_worker_is_dropped_after_its_last_records_are_taken():
    clock, loops, held = make()
    w = loops.add()
    w.add((130.0, "exit"))
    w.ended = True
    clock.t = 300.0
    assert loops(None) == 300.0 and held == [(130.0, "exit")]
    assert loops.sources == []


def test_the_slowest_worker_bounds_the_log():
    clock, loops, _ = make()
    a, b = loops.add(), loops.add()
    a.add((180.0, "a"))
    b.add((140.0, "b"))
    clock.t = 600.0
    assert loops(None) == 140.0
    b.idle = True
    assert loops(None) == 180.0
