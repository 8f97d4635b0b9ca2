"""Workers from the keyboard and --fire (tui/core/worker_ops.py): sim and live."""

import os
import time

import pytest

from tui.core.callbacks import Callback
from tui.core.ops import NodeAPI
from tui.core.runtime import IDLE, Runtime
from tui.core.sim_work import MODELLED_RSS, SimWork
from tui.core.tasks import TaskRef, every_task, find_task
from tui.core.worker_ops import MAX_SIM_WORKERS


def sim(pool=2):
    rt = Runtime(pool, work=SimWork(1, {"jitter": 0.0, "crypto.pbkdf2_per_iteration": 0.001}))
    api = NodeAPI(rt)
    log = []
    rt.events.subscribe(lambda e: log.append(e.to_dict()))
    rt.loop.active_handles += 1  # the app's TTY handle
    rt.start(None)
    rt.run(until=1)
    return rt, api, log


def key(rt, fn):
    """What the app does with a key: a callback in the main loop's poll phase."""
    box = {}
    rt.loop.io_ready_now(Callback(lambda: box.setdefault("r", fn()), "key", op="tty.keypress"))
    return box


def test_sim_worker_comes_online_after_its_modelled_boot():
    rt, api, log = sim()
    box = key(rt, api.workers.new)
    rt.run(until=100)
    task = box["r"]
    # new Worker() 0.55 ms (+2.5 ms, the process's first) on the main thread, then worker.boot 31 ms
    assert task.finished and task.result == "Worker 1 online after 34.0 ms, +10.1 MiB RSS (modelled)"
    w = api.workers.last
    assert w.state == "online" and w.rss_added == MODELLED_RSS["worker"]
    online = [e for e in log if e.get("op") == "worker.online"]
    assert online and online[0]["phase"] == "poll" and online[0]["thread"] == 0  # on the parent's loop
    assert [e for e in log if e["ev"] == "callback" and e.get("op") == "main" and e["thread"] == 1]


def test_sim_messages_pool_work_and_a_blocked_worker_loop():
    rt, api, log = sim()
    key(rt, api.workers.new)
    rt.run(until=100)
    w = api.workers.last
    tasks = key(rt, lambda: [api.workers.post(w, ("pbkdf2", 10_000)), api.workers.post(w, ("block", 300)),
                             api.workers.post(w, ("echo", None)), api.set_timeout(50)])
    rt.run(until=1000)
    pb, block, echo, timer = tasks["r"]
    # the main loop's timer ran on time while Worker 1's loop was blocked
    assert timer.t_end - timer.t_submit == pytest.approx(50, abs=2)
    assert block.result.startswith("Worker 1 answered after 300.0 ms")
    assert echo.result.startswith("Worker 1 answered after 300.") and echo.t_end > block.t_end
    # the Worker's pool job went through the process's one FIFO, marked with its thread
    starts = [e for e in log if e["ev"] == "start"]
    assert [e["thread"] for e in starts] == [1]
    # its completion waited for the Worker's own poll phase, after the block
    cb = [e for e in log if e["ev"] == "callback" and e.get("op") == "crypto.pbkdf2" and e["thread"] == 1]
    assert cb and cb[0]["t"] >= block.t_end - 1 and pb.finished


def test_sim_terminate_exits_with_code_1_and_ends_what_waited():
    rt, api, log = sim(pool=1)
    key(rt, api.workers.new)
    rt.run(until=100)
    w = api.workers.last
    box = key(rt, lambda: (api.workers.post(w, ("block", 500)), api.workers.terminate(w)))
    rt.run(until=200)
    blocked, term = box["r"]
    assert term.result == "'exit' with code 1"
    assert blocked.error is not None and blocked.error.code == "ERR_WORKER_EXITED"
    assert not rt.threads and not api.workers.alive()
    assert rt.loop.active_handles == 1  # only the TTY's: the Worker's handle went with it


def test_every_loops_tasks_in_submission_order_each_named_by_its_loop():
    rt, api, log = sim(pool=1)
    key(rt, api.workers.new)
    rt.run(until=100)
    w = api.workers.last
    key(rt, lambda: [api.pbkdf2(1000), api.workers.post(w, ("pbkdf2", 1000)), api.set_timeout(50)])
    rt.run(until=101)
    refs = every_task(rt)
    # the Worker's pbkdf2 is its loop's task #1, submitted after the main thread's #4
    assert refs == [TaskRef(0, 1), TaskRef(0, 2), TaskRef(0, 3), TaskRef(0, 4), TaskRef(1, 1)]
    assert [r.label for r in refs] == ["#1", "#2", "#3", "#4", "W1 #1"]
    assert find_task(rt, TaskRef(1, 1)) is w.rt.task(1) and w.rt.task(1).op == "crypto.pbkdf2"
    assert find_task(rt, TaskRef(0, 1)).op == "new Worker" and find_task(rt, TaskRef(2, 1)) is None
    key(rt, lambda: api.workers.terminate(w))
    rt.run(until=200)
    assert find_task(rt, TaskRef(1, 1)) is None and TaskRef(1, 1) not in every_task(rt)  # its loop is gone


def test_sim_workers_are_bounded():
    rt, api, log = sim()
    box = key(rt, lambda: [api.workers.new() for _ in range(MAX_SIM_WORKERS + 1)])
    rt.run(until=200)
    tasks = box["r"]
    assert all(t.result and "online" in t.result for t in tasks[:-1])
    assert tasks[-1].error.code == "ERR_WORKER_INIT_FAILED" and f"at most {MAX_SIM_WORKERS}" in str(tasks[-1].error)


def test_a_fired_worker_does_its_job_and_exits_so_the_process_can_end():
    rt = Runtime(2, work=SimWork(1, {"jitter": 0.0, "crypto.pbkdf2_per_iteration": 0.001}))
    api = NodeAPI(rt)
    log = []
    rt.events.subscribe(lambda e: log.append(e.to_dict()))
    box = {}
    rt.start(lambda: box.setdefault("t", api.workers.new(("pbkdf2", 10_000))))
    assert rt.run() == IDLE
    task = box["t"]
    assert task.result.startswith("Worker 1 answered after 44.0 ms (online after 34.0 ms): pbkdf2 10,000")
    ops = [e.get("op") for e in log if e["ev"] == "callback" and e["thread"] == 0]
    assert ops.index("worker.online") < ops.index("worker.message") < ops.index("worker.exit")


# -- live: real threads ----------------------------------------------------------------------------------


def comms():
    out = {}
    for tid in os.listdir("/proc/self/task"):
        try:
            out[int(tid)] = open(f"/proc/self/task/{tid}/comm").read().strip()
        except OSError:
            pass
    return out


def pump_until(driver, cond, timeout=10.0):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        driver.pump()
        if cond():
            return True
        driver.wait(0.01)
    return False


def test_live_worker_is_a_real_thread_with_its_own_loop_and_the_shared_pool(live):
    rt, api, driver, events = live(2)
    rt.loop.active_handles += 1
    rt.start(None)
    box = key(rt, api.workers.new)
    assert pump_until(driver, lambda: "r" in box and box["r"].finished)
    w = api.workers.last
    assert comms()[w.tid] == "ptview-worker-1"
    assert box["r"].result.startswith("Worker 1 online after") and "modelled" not in box["r"].result
    assert 0 < w.online_ms < 5000 and w.rss_added is not None
    tasks = key(rt, lambda: [api.workers.post(w, ("pbkdf2", 20_000)), api.workers.post(w, ("block", 200)),
                             api.set_timeout(20)])
    assert pump_until(driver, lambda: "r" in tasks and all(t.finished for t in tasks["r"]))
    pb, block, timer = tasks["r"]
    assert timer.t_end < block.t_end  # the main loop went on while the Worker's was blocked
    assert "blocked 200 ms" in block.result
    job_threads = {e.thread for e in events if e.ev == "start"}
    assert job_threads == {1}
    # the Worker's loop events are its own, on the one time axis
    assert any(e.thread == 1 and e.ev == "callback" and e.op == "crypto.pbkdf2" for e in events)
    snaps = api.workers.loops(rt.snapshot())
    assert [(lt.thread, lt.name, lt.state, lt.tid) for lt in snaps] == [(0, "main", "online", None),
                                                                        (1, "Worker 1", "online", w.tid)]
    term = key(rt, lambda: api.workers.terminate(w))
    assert pump_until(driver, lambda: "r" in term and term["r"].finished)
    assert term["r"].result == "'exit' with code 1"
    assert w.tid not in comms()


def test_live_workers_are_bounded_and_joined_on_shutdown(live):
    from tui.core.live.worker_threads import MAX_LIVE_WORKERS

    rt, api, driver, events = live(2)
    rt.loop.active_handles += 1
    rt.start(None)
    box = key(rt, lambda: [api.workers.new() for _ in range(MAX_LIVE_WORKERS + 1)])
    assert pump_until(driver, lambda: "r" in box and all(t.finished for t in box["r"]))
    tasks = box["r"]
    assert tasks[-1].error.code == "ERR_WORKER_INIT_FAILED" and "live Workers" in str(tasks[-1].error)
    tids = [w.tid for w in api.workers.alive()]
    assert len(tids) == MAX_LIVE_WORKERS and all(comms().get(t, "").startswith("ptview-worker-") for t in tids)
    rt.shutdown()
    assert not [t for t in tids if t in comms()]


# -- the lab: --fire worker[:JOB] --------------------------------------------------------------------------


def lab(capsys, *args):
    from tui.cli import main

    code = main(["--headless", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_lab_workers_share_the_pool_and_name_their_loops(capsys):
    code, out, err = lab(capsys, "--sim", "--pool-size", "2", "--fire", "pbkdf2x2:90000", "--fire",
                         "worker:pbkdf2=90000", "--fire", "worker:block=100")
    assert code == 0, err
    assert "── Worker 2 · main module" in out and "── Worker 1 · iteration 1 · poll phase" in out
    assert "pool w0   start    job 3 crypto.pbkdf2 (W1 #1)" in out  # behind the main thread's two, on the one pool
    assert "Worker 2's loop was blocked 100 ms" in out
    assert out.count("callback worker.exit (Node internal)") == 2
    assert "ended    the loop had nothing left to do" in out


def test_lab_worker_events_carry_their_thread(capsys):
    import json

    code, out, err = lab(capsys, "--sim", "--json", "--fire", "worker:pbkdf2=1000")
    assert code == 0, err
    evs = [json.loads(line) for line in out.splitlines()]
    assert {e["thread"] for e in evs} == {0, 1}
    assert [e["thread"] for e in evs if e["ev"] == "start"] == [1]
    assert {e["rule"] for e in evs if e.get("op", "").startswith("worker.") or e.get("op") == "new Worker"} == {
        "worker.thread"}


@pytest.mark.parametrize("spec, message", [
    ("workerx17", "--fire workerx17: 17 Workers, but ptview models at most 16 at once"),
    ("worker:nope", "worker: unknown job 'nope' (worker:echo, worker:pbkdf2[=ITERATIONS] or worker:block=MS)"),
    ("worker:block", "worker:block needs a number of milliseconds: worker:block=MS"),
    ("worker:pbkdf2=0", "worker:pbkdf2: iterations must be from 1 to 100,000,000, got 0"),
])
def test_lab_refuses_bad_worker_specs_in_one_line(capsys, spec, message):
    code, out, err = lab(capsys, "--sim", "--fire", spec)
    assert code == 2 and err == f"ptview: error: {message}\n"


def test_live_lab_refuses_more_workers_than_it_runs_at_once(capsys):
    code, out, err = lab(capsys, "--live", "--fire", "workerx9")
    assert code == 2 and "9 Workers, but live mode runs at most 8 at once (each is a real thread)" in err


def test_live_lab_worker_is_a_real_thread_that_ends_with_its_job(capsys):
    code, out, err = lab(capsys, "--live", "--pool-size", "1", "--fire", "worker:pbkdf2=20000", "--fire", "pbkdf2:20000")
    assert code == 0, err
    assert "Worker 1 answered after" in out and "callback worker.exit (Node internal)" in out
    assert "ended    the loop had nothing left to do" in out
    assert not [n for n in comms().values() if n.startswith("ptview-worker-")]


def test_bench_fork_vs_thread_measures_live_workers_beside_fork():
    import json
    import subprocess
    import sys

    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    r = subprocess.run([sys.executable, "bench/bench_fork_vs_thread.py", "--runs", "1", "--threads", "4", "--json"],
                       cwd=root, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    # a live Worker is a thread running a model loop: far cheaper than ptview's fork child, a process
    assert 0 < out["worker_online_ms"] <= out["worker_first_message_ms"] < out["fork_reply_ms"]
    assert 0 <= out["worker_rss"] < out["fork_rss"]
