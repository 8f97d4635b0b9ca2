"""tui/core/threads.py: a Worker's loop is a Runtime of its own that shares its process's one pool."""

from __future__ import annotations

from tui.core.ops import NodeAPI
from tui.core.runtime import IDLE, Runtime
from tui.core.sim_work import SimWork
from tui.core.threads import SharedPool, end_thread, set_ref, start_thread


def _rt(size=2):
    rt = Runtime(size, work=SimWork(1, {"jitter": 0.0, "crypto.pbkdf2_per_iteration": 0.001}))
    log = []
    rt.events.subscribe(lambda e: log.append(e.to_dict()))
    return rt, log


def test_worker_jobs_wait_in_the_process_fifo_behind_the_main_threads():
    rt, log = _rt(2)
    api = NodeAPI(rt)
    order = []
    rt.start(lambda: [api.pbkdf2(10_000, lambda e, r, i=i: order.append(("main", i, rt.clock.now())))
                      for i in range(3)])
    w = start_thread(rt, 1, at=1.0)
    wapi = NodeAPI(w)
    w.start(lambda: wapi.pbkdf2(10_000, lambda e, r: order.append(("w1", w.loop.phase, w.clock.now()))))
    w.link.wake()
    assert rt.run() == IDLE
    # pool of 2: main's jobs 1, 2 start at 0, 3 at 10; the Worker's (submitted at 1) waits behind
    # main's third and starts at 10 on the other worker: done at 20, in the Worker's poll phase
    assert [round(o[2]) for o in order if o[0] == "main"] == [10, 10, 20]
    assert [o for o in order if o[0] == "w1"] == [("w1", "poll", 20.0)]
    starts = [(e["job"], e["thread"]) for e in log if e["ev"] == "start"]
    assert starts == [(1, 0), (2, 0), (3, 0), (4, 1)]   # one job-id sequence for the process


def test_every_event_names_its_thread_and_the_pool_names_the_jobs_loop():
    rt, log = _rt(4)
    w = start_thread(rt, 7)
    wapi = NodeAPI(w)
    rt.start(lambda: None)
    w.start(lambda: wapi.stat("/", lambda e, r: None))
    w.link.wake()
    rt.run()
    assert {e["thread"] for e in log} == {0, 7}
    job_events = [e for e in log if e["ev"] in ("start", "done") or (e["ev"] == "submit" and "job" in e)]
    assert job_events and all(e["thread"] == 7 for e in job_events)
    assert all(e["thread"] == 7 for e in log if e["ev"] == "callback" and e.get("op") == "fs.stat")


def test_the_worker_handle_keeps_the_main_loop_alive_until_the_thread_exits():
    rt, log = _rt()
    w = start_thread(rt, 1)
    wapi = NodeAPI(w)
    rt.start(lambda: None)
    w.start(lambda: wapi.pbkdf2(50_000, lambda e, r: None))
    w.link.wake()
    rt.run()
    exit_cb = [e for e in log if e["ev"] == "callback" and e.get("op") == "worker.exit"]
    assert exit_cb and exit_cb[0]["thread"] == 0 and exit_cb[0]["phase"] == "poll"
    assert exit_cb[0]["t"] >= 50.0 and exit_cb[0]["rule"] == "worker.thread"
    assert rt.loop.active_handles == 0 and not rt.threads


def test_an_unrefd_worker_does_not_keep_the_process_alive():
    rt, log = _rt()
    w = start_thread(rt, 1, ref=False)
    wapi = NodeAPI(w)
    rt.start(lambda: None)
    w.start(lambda: wapi.pbkdf2(50_000, lambda e, r: None))
    w.link.wake()
    assert rt.run() == IDLE
    assert rt.clock.now() < 1.0
    set_ref(w, True)   # too late: no effect on a finished loop's count beyond the thread's presence
    assert rt.loop.active_handles in (0, 1)


def test_ending_a_thread_cancels_its_queued_jobs_only():
    rt, log = _rt(1)
    api = NodeAPI(rt)
    rt.start(lambda: [api.pbkdf2(10_000) for _ in range(2)])
    w = start_thread(rt, 3, at=0.1)
    wapi = NodeAPI(w)
    w.start(lambda: [wapi.pbkdf2(10_000) for _ in range(2)])
    w.link.wake()
    rt.run(until=0.5)
    assert isinstance(w.pool, SharedPool) and w.pool.size == 1
    cancelled = end_thread(w)
    assert sorted(j.id for j in cancelled) == [3, 4] and all(j.thread == 3 for j in cancelled)
    assert [j.id for j in rt.pool.wq] == [2]
    rt.run()
    assert rt.pool.done == 2 and rt.pool.cancelled == 2


def test_a_post_link_crosses_through_the_inboxes_both_ways():
    # live: each loop on its own OS thread; here both are stepped by hand, the mechanics are the same
    from tui.core.threads import PostLink

    rt, log = _rt(1)
    woken = []
    w = start_thread(rt, 2, link=lambda t: PostLink(rt, t, wake_thread=lambda: woken.append("thread"),
                                                     wake_process=lambda: woken.append("process")))
    wapi = NodeAPI(w)
    done = []
    rt.start(lambda: None)
    w.start(lambda: wapi.pbkdf2(1000, lambda e, r: done.append(w.loop.phase)))
    assert w.step()                       # the Worker's main module: its submit goes to the process's inbox
    assert woken == ["process"] and not rt.pool.submitted
    rt.run(until=5.0)                      # the process takes it, runs it, posts the completion back
    assert rt.pool.done == 1 and woken == ["process", "thread"]
    while not w.done and w.step():
        pass
    assert done == ["poll"]
