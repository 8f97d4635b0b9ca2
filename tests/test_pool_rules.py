"""libuv threadpool rules (SEMANTICS.md §2), one test per rule."""

import pytest

from modelkit import make, max_concurrent, of, run
from tui.core.pool import slow_work_thread_threshold, threadpool_size_from_env


# §2.1 Size: atoi, 0/garbage → 1, capped at 1024, default 4 (checked against node v20 by hand).
@pytest.mark.parametrize("value,expected", [
    (None, 4), ("", 1), ("0", 1), ("abc", 1), ("3", 3), (" 7x", 7), ("+5", 5),
    ("2000", 1024), ("1024", 1024), ("-3", 1024), ("99999999999", 1024),
])
def test_rule_2_1_threadpool_size_parsed_like_libuv_init_threads(value, expected):
    assert threadpool_size_from_env(value) == expected


def test_rule_2_1_pool_created_lazily_all_at_once_on_first_request_of_any_kind():
    rt, api, ev = make(4)

    def main():
        api.set_timeout(5)          # timers never create the pool
        api.next_tick()
        assert rt.pool.workers == []
        api.stat("/")               # the first request of any kind: all four threads
        assert len(rt.pool.workers) == 4

    run(rt, main)
    assert [e.detail for e in of(ev, "pool")] == [4]


def test_rule_2_1_timers_alone_never_create_the_pool():
    rt, api, ev = make(4)
    run(rt, lambda: (api.set_timeout(1), api.set_immediate(), api.promise_then()))
    assert of(ev, "pool") == [] and rt.pool.workers == []


# §2.2 One FIFO; a job holds its worker until done.
def test_rule_2_2_one_fifo_start_order_is_submit_order_on_a_pool_of_one():
    rt, api, ev = make(1)
    run(rt, lambda: [api.pbkdf2(1000 * (5 - i)) for i in range(5)])
    starts = [e.task for e in of(ev, "start")]
    assert starts == [1, 2, 3, 4, 5]


def test_rule_2_2_five_pbkdf2_on_four_workers_the_fifth_waits_for_the_first_to_finish():
    rt, api, ev = make(4, jitter=0.1)
    run(rt, lambda: [api.pbkdf2(750_000) for _ in range(5)])
    starts = of(ev, "start")
    dones = of(ev, "done")
    assert [s.task for s in starts[:4]] == [1, 2, 3, 4]
    assert all(s.t < 1 for s in starts[:4])
    fifth = starts[4]
    assert fifth.task == 5
    first_done = dones[0]
    assert fifth.t == first_done.t and fifth.worker == first_done.worker
    assert max_concurrent(ev) == 4


def test_rule_2_2_a_job_holds_its_worker_until_done():
    rt, api, ev = make(2)
    run(rt, lambda: [api.pbkdf2(10_000) for _ in range(6)])
    busy = {}
    for e in ev:
        if e.ev == "start":
            assert e.worker not in busy, "a worker took a second job while busy"
            busy[e.worker] = e.job
        elif e.ev == "done":
            assert busy.pop(e.worker) == e.job


# §2.3 Slow I/O: at most (N+1)/2 workers run getaddrinfo.
@pytest.mark.parametrize("n,limit", [(1, 1), (2, 1), (3, 2), (4, 2), (8, 4), (128, 64)])
def test_rule_2_3_slow_io_threshold_formula(n, limit):
    assert slow_work_thread_threshold(n) == limit


@pytest.mark.parametrize("n,limit", [(1, 1), (2, 1), (3, 2), (4, 2), (8, 4)])
def test_rule_2_3_lookups_never_exceed_half_the_pool(n, limit):
    rt, api, ev = make(n)
    run(rt, lambda: [api.lookup("example.com") for _ in range(8)])
    assert max_concurrent(ev, "dns.lookup") == limit
    assert len(of(ev, "done", op="dns.lookup")) == 8


def test_rule_2_3_free_workers_stay_available_for_fast_work_while_dns_is_capped():
    rt, api, ev = make(4)

    def main():
        for _ in range(4):
            api.lookup("example.com")
        api.pbkdf2(1000)
        api.pbkdf2(1000)

    run(rt, main)
    assert max_concurrent(ev) == 4
    first4 = of(ev, "start")[:4]
    assert sorted(e.op for e in first4) == ["crypto.pbkdf2", "crypto.pbkdf2", "dns.lookup", "dns.lookup"]


def test_rule_2_3_lookups_run_fifo_among_themselves():
    rt, api, ev = make(4)
    run(rt, lambda: [api.lookup(f"h{i}.example.com") for i in range(6)])
    assert [e.task for e in of(ev, "start")] == [1, 2, 3, 4, 5, 6]


def test_rule_2_3_marker_requeued_at_tail_so_next_slow_job_waits_behind_later_fast_work():
    # Pool of 2 (threshold 1): a lookup runs, a second waits behind the marker; fast jobs
    # submitted after the second lookup still run before it, because the marker is re-queued
    # at the tail whenever a worker meets it at the limit.
    rt, api, ev = make(2, dns__lookup=10.0, fs__stat=1.0)

    def main():
        api.lookup("a.example")
        api.lookup("b.example")
        for _ in range(3):
            api.stat("/")

    run(rt, main)
    order = [(e.op, e.task) for e in of(ev, "start")]
    assert order[0] == ("dns.lookup", 1)
    assert order.index(("dns.lookup", 2)) == 4, order


def test_rule_2_3_queue_shows_one_marker_for_all_queued_slow_work():
    rt, api, _ = make(1, dns__lookup=10.0)

    def main():
        api.pbkdf2(100_000)
        for _ in range(3):
            api.lookup("x.example")
        snap = rt.snapshot()
        kinds = [i.kind for i in snap.queue]
        assert kinds.count("marker") == 1
        assert snap.slow_queue_len == 3

    run(rt, main)


# §2.4 Completions are delivered in the poll phase, in completion order.
def test_rule_2_4_pool_callbacks_run_in_poll_phase_in_completion_order():
    rt, api, ev = make(4)
    run(rt, lambda: [api.pbkdf2(it) for it in (40_000, 10_000, 30_000, 20_000)])
    user = of(ev, "callback", detail="user")
    assert {e.phase for e in user} == {"poll"}
    assert [e.task for e in user] == [2, 4, 3, 1]


def test_rule_2_4_completions_while_the_loop_is_busy_wait_for_one_poll_together():
    rt, api, ev = make(4)

    def main():
        for _ in range(3):
            api.pbkdf2(1000)
        api.block(50)  # the loop thread is busy while all three finish

    run(rt, main)
    user = of(ev, "callback", detail="user", op="crypto.pbkdf2")
    iters = set()
    for e in user:
        phase_events = [p for p in ev if p.ev == "phase" and p.seq < e.seq]
        iters.add(phase_events[-1].detail)
    assert len(iters) == 1, "all three completions are drained by one uv__work_done"
    assert min(e.t for e in user) >= 50


# §2.5 uv_cancel: queued → ECANCELED (callback in poll), running → EBUSY.
def test_rule_2_5_cancel_queued_job_ecanceled_running_job_ebusy():
    rt, api, ev = make(1)
    tasks = {}
    results = {}

    def main():
        tasks["a"] = api.pbkdf2(100_000)
        tasks["b"] = api.pbkdf2(100_000, cb=lambda e, r: results.setdefault("b", e.code if e else r))
        results["cancel_a"] = api.cancel(tasks["a"])
        results["cancel_b"] = api.cancel(tasks["b"])

    run(rt, main)
    assert results["cancel_a"] == "EBUSY"
    assert results["cancel_b"] == "ECANCELED"
    assert results["b"] == "ECANCELED"
    cb_b = of(ev, "callback", task=2, detail="user")[0]
    assert cb_b.phase == "poll" and cb_b.error == "ECANCELED"
    assert of(ev, "start", task=2) == []
    assert rt.pool.cancelled == 1 and tasks["b"].state == "cancelled"


def test_rule_2_5_cancelled_slow_job_leaves_marker_that_is_skipped():
    rt, api, ev = make(2, dns__lookup=5.0)
    t = {}

    def main():
        api.lookup("a.example")
        t["b"] = api.lookup("b.example")
        api.cancel(t["b"])
        api.stat("/")

    run(rt, main)
    assert [e.task for e in of(ev, "start")] == [1, 3]
    assert rt.pool.in_flight() == 0
