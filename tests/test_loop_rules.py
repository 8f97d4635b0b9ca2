"""Event-loop rules (SEMANTICS.md §1, §3.4-3.6, §5), one test per rule."""

import math

import pytest

from modelkit import make, of, run
from tui.core.loop import PHASES
from tui.core.timers import coerce_delay


def _order(fn, **kw):
    rt, api, ev = make(**kw)
    log: list = []
    run(rt, lambda: fn(api, log))
    return log, rt, ev


# §1.1 Iteration order.
def test_rule_1_1_phases_run_in_libuv_order_with_pre_loop_timers_and_pending_again():
    rt, api, ev = make()
    run(rt, lambda: api.set_timeout(5))
    phases = [e.phase for e in of(ev, "phase")]
    assert phases[0] == "timers"  # UV_RUN_DEFAULT runs due timers once before iterating
    body = phases[1:8]
    assert body == ["pending", "idle", "prepare", "poll", "check", "close", "timers"]
    assert phases[-1] == "exit"
    assert tuple(PHASES) == ("timers", "pending", "idle", "prepare", "poll", "check", "close")


def test_rule_1_1_pending_runs_again_after_poll_for_work_fed_during_poll():
    rt, api, ev = make()
    from tui.core.callbacks import Callback

    def main():
        def on_io():
            rt.loop.add_pending(Callback(lambda: None, "write cb", op="pending.test"))

        rt.loop.active_handles += 1

        def ready():
            rt.loop.active_handles -= 1
            rt.loop.io_ready_now(Callback(on_io, "socket readable", op="io.test"))

        rt.at(1.0, ready)

    run(rt, main)
    io = of(ev, "callback", op="io.test")[0]
    pend = of(ev, "callback", op="pending.test")[0]
    assert io.phase == "poll" and pend.phase == "pending"
    # The pending callback runs in the same iteration, right after poll (≤ 8 extra rounds).
    phases_between = [e.phase for e in ev if e.ev == "phase" and io.seq < e.seq < pend.seq]
    assert phases_between == ["pending"]


def test_rule_1_1_loop_exits_when_nothing_keeps_it_alive():
    rt, api, ev = make()
    run(rt, lambda: None)
    assert rt.loop.finished and rt.loop.iteration == 0


def test_rule_1_1_unrefd_or_cleared_timer_does_not_keep_the_loop_alive():
    rt, api, ev = make()

    def main():
        t = api.set_timeout(1000)
        rt.loop.timers.clear(t.arg)

    run(rt, main)
    assert rt.clock.now() < 1000 and of(ev, "callback", op="setTimeout") == []


# §1.2 Poll timeout: block until the next timer, 0 with immediates pending, -1 with nothing.
def test_rule_1_2_poll_blocks_until_the_earliest_timer():
    rt, api, ev = make(main_op=0.0, callback=0.0)
    run(rt, lambda: api.set_timeout(30))
    cb = of(ev, "callback", op="setTimeout")[0]
    assert 30 <= cb.t < 31
    assert rt.loop.iteration == 1


def test_rule_1_2_poll_does_not_block_while_immediates_are_pending():
    rt, api, ev = make()
    seen = []
    run(rt, lambda: (api.set_timeout(50), api.set_immediate(lambda e, r: seen.append(rt.clock.now()))))
    assert seen and seen[0] < 1


def test_rule_1_2_backend_timeout_values():
    rt, api, _ = make()
    loop = rt.loop
    assert loop.backend_timeout() == 0  # nothing active
    loop.active_handles = 1
    assert loop.backend_timeout() == -1  # active handle, no timer: block forever
    loop.uv_timer_due = loop.time + 25
    loop.timers.ref_count = 1
    assert loop.backend_timeout() == 25
    loop.immediate_ref = 1
    assert loop.backend_timeout() == 0


# §3.4 Timers.
@pytest.mark.parametrize("given,expected", [
    (0, 1), (-5, 1), (math.nan, 1), (None, 1), (0.5, 1), ("15", 15), ("abc", 1), (1.9, 1), (10.7, 10),
    (2**31 - 1, 2**31 - 1), (2**31, 1), (1e12, 1), (math.inf, 1),
])
def test_rule_3_4_timeout_delay_coercion(given, expected):
    assert coerce_delay(given) == expected


def test_rule_3_4_timers_fifo_within_one_duration_list():
    log, *_ = _order(lambda api, log: [api.set_timeout(10, lambda e, r, i=i: log.append(i)) for i in range(5)])
    assert log == [0, 1, 2, 3, 4]


def test_rule_3_4_lists_run_by_expiry_not_by_creation():
    def f(api, log):
        api.set_timeout(20, lambda e, r: log.append("20"))
        api.set_timeout(5, lambda e, r: log.append("5"))
        api.set_timeout(10, lambda e, r: log.append("10"))

    log, *_ = _order(f)
    assert log == ["5", "10", "20"]


def test_rule_3_4_setTimeout_0_equals_1ms_and_shares_the_1ms_list():
    def f(api, log):
        api.set_timeout(1, lambda e, r: log.append("one"))
        api.set_timeout(0, lambda e, r: log.append("zero"))

    log, rt, ev = _order(f)
    assert log == ["one", "zero"]
    assert list(rt.loop.timers.lists) == []


def test_rule_3_4_next_ticks_and_microtasks_drain_between_two_timers():
    def f(api, log):
        def first(e, r):
            log.append("t1")
            api.next_tick(lambda e, r: log.append("tick"))
            api.promise_then(lambda e, r: log.append("promise"))

        api.set_timeout(5, first)
        api.set_timeout(5, lambda e, r: log.append("t2"))

    log, *_ = _order(f)
    assert log == ["t1", "tick", "promise", "t2"]


def test_rule_3_4_timer_set_inside_a_timer_waits_for_a_later_pass():
    def f(api, log):
        def outer(e, r):
            log.append("outer")
            api.set_timeout(0, lambda e, r: log.append("inner"))

        api.set_timeout(1, outer)
        api.set_timeout(1, lambda e, r: log.append("sibling"))

    log, *_ = _order(f)
    assert log == ["outer", "sibling", "inner"]


def test_rule_3_4_interval_reinserted_from_start_time():
    rt, api, ev = make(main_op=0.0, callback=0.0)
    run(rt, lambda: api.set_interval(10, times=3))
    ts = [e.t for e in of(ev, "callback", op="setInterval")]
    assert len(ts) == 3
    assert [math.floor(t / 10) for t in ts] == [1, 2, 3]


def test_rule_3_4_immediate_before_timeout_inside_an_io_callback():
    def f(api, log):
        def io(e, r):
            api.set_timeout(0, lambda e, r: log.append("timeout"))
            api.set_immediate(lambda e, r: log.append("immediate"))

        api.stat("/", io)

    for _ in range(3):
        log, *_ = _order(f)
        assert log == ["immediate", "timeout"]


def test_rule_3_4_timeout_first_in_main_after_a_5ms_busy_wait():
    def f(api, log):
        api.set_timeout(0, lambda e, r: log.append("timeout"))
        api.set_immediate(lambda e, r: log.append("immediate"))
        api.block(5)

    log, *_ = _order(f)
    assert log == ["timeout", "immediate"]


def test_rule_3_4_immediates_queued_during_check_run_next_iteration():
    rt, api, ev = make()
    log = []

    def f():
        def a(e, r):
            log.append(("a", rt.loop.iteration))
            api.set_immediate(lambda e, r: log.append(("c", rt.loop.iteration)))

        api.set_immediate(a)
        api.set_immediate(lambda e, r: log.append(("b", rt.loop.iteration)))

    run(rt, f)
    assert [x[0] for x in log] == ["a", "b", "c"]
    assert log[0][1] == log[1][1] and log[2][1] == log[0][1] + 1


def test_rule_3_4_ticks_drain_between_immediates():
    def f(api, log):
        api.set_immediate(lambda e, r: (log.append("i1"), api.next_tick(lambda e, r: log.append("tick"))))
        api.set_immediate(lambda e, r: log.append("i2"))

    log, *_ = _order(f)
    assert log == ["i1", "tick", "i2"]


# §3.5 nextTick queue, then microtasks, repeated until both are empty.
def test_rule_3_5_all_ticks_before_microtasks_after_main():
    def f(api, log):
        api.promise_then(lambda e, r: log.append("p1"))
        api.next_tick(lambda e, r: log.append("t1"))
        api.promise_then(lambda e, r: log.append("p2"))
        api.next_tick(lambda e, r: log.append("t2"))

    log, *_ = _order(f)
    assert log == ["t1", "t2", "p1", "p2"]


def test_rule_3_5_tick_queued_from_a_microtask_runs_after_the_microtask_queue_empties():
    def f(api, log):
        def p1(e, r):
            log.append("p1")
            api.next_tick(lambda e, r: log.append("tick-from-p1"))
            api.promise_then(lambda e, r: log.append("p3"))

        api.promise_then(p1)
        api.promise_then(lambda e, r: log.append("p2"))

    log, *_ = _order(f)
    assert log == ["p1", "p2", "p3", "tick-from-p1"]


def test_rule_3_5_ticks_queued_by_ticks_run_before_any_microtask():
    def f(api, log):
        api.promise_then(lambda e, r: log.append("p"))
        api.next_tick(lambda e, r: (log.append("t1"), api.next_tick(lambda e, r: log.append("t2"))))

    log, *_ = _order(f)
    assert log == ["t1", "t2", "p"]


def test_rule_3_5_ticks_drain_after_every_pool_callback():
    def f(api, log):
        def done(e, r):
            log.append("cb")
            api.next_tick(lambda e, r: log.append("tick"))

        api.pbkdf2(1000, done)
        api.pbkdf2(1000, done)

    log, *_ = _order(f, pool_size=2)
    assert log == ["cb", "tick", "cb", "tick"]


# §3.6 Close callbacks run in the close phase, after check, before the next timers.
def test_rule_3_6_socket_close_runs_in_close_phase_after_check():
    rt, api, ev = make()
    run(rt, lambda: api.net_request(lambda e, r: api.set_immediate()))
    data = of(ev, "callback", op="net.request")[0]
    imm = of(ev, "callback", op="setImmediate")[0]
    close = of(ev, "callback", op="net.close")[0]
    assert data.phase == "poll" and imm.phase == "check" and close.phase == "close"
    assert data.seq < imm.seq < close.seq


# §5 checklist 7: network, timers, child processes never use the pool.
def test_rule_5_7_net_resolve_timers_and_fork_never_touch_the_pool():
    rt, api, ev = make()
    run(rt, lambda: (api.net_request(), api.resolve("example.com"), api.set_timeout(3), api.fork()))
    assert of(ev, "submit", op="dns.resolve") and of(ev, "start") == [] and rt.pool.workers == []
    assert {e.phase for e in of(ev, "callback", detail="user")} == {"poll"}
    assert of(ev, "callback", op="setTimeout")[0].phase == "timers"
