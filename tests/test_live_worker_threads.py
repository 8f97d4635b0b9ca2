"""Live Workers are real OS threads named ptview-worker-<n>, measured, bounded and joined."""

import os
import threading

from tui.core.live.worker_threads import MAX_LIVE_WORKERS, LiveWorkers, rss_bytes, worker_thread_name


def comms() -> dict[int, str]:
    out = {}
    for tid in os.listdir("/proc/self/task"):
        try:
            with open(f"/proc/self/task/{tid}/comm") as f:
                out[int(tid)] = f.read().strip()
        except OSError:
            pass  # ended meanwhile
    return out


def parked(w):
    """A body that is a loop with nothing to do: online, then wait to be stopped."""
    wake = threading.Event()
    w.on_stop = wake.set
    w.online()
    wake.wait(10)


def test_the_bound_is_the_documented_one():
    assert MAX_LIVE_WORKERS == 8  # documented in the README (Workers from the keyboard, Reliability): change both


def test_names_fit_the_kernels_15_bytes_without_colliding():
    names = [worker_thread_name(n) for n in range(1, 2000)]
    assert names[0] == "ptview-worker-1" and names[8] == "ptview-worker-9" and names[9] == "ptview-wrk-10"
    assert all(len(n) <= 15 for n in names)
    assert len(set(names)) == len(names)


def test_a_worker_is_a_named_thread_of_this_process_and_is_joined():
    workers = LiveWorkers()
    try:
        w = workers.start(parked)
        assert w.wait_online(5)
        assert comms().get(w.tid) == "ptview-worker-1"
        assert w.online_ms is not None and 0 < w.online_ms < 5000
        assert w.rss_added is not None and w.rss_added >= 0
        w.first_message()
        assert w.first_message_ms >= w.online_ms
    finally:
        assert workers.shutdown() == []
    assert not w.alive
    assert "ptview-worker-1" not in comms().values()


def test_at_most_max_live_workers_at_once_and_ids_are_never_reused():
    workers = LiveWorkers()
    try:
        started = [workers.start(parked) for _ in range(MAX_LIVE_WORKERS)]
        assert all(started) and workers.room() == 0
        assert workers.start(parked) is None  # the caller says why, in one line
        started[0].stop()
        assert started[0].join(5)
        assert workers.room() == 1
        assert [w.n for w in workers.reap()] == [1]
        again = workers.start(parked)
        assert again.n == MAX_LIVE_WORKERS + 1 and again.name == "ptview-worker-9"
        named = [n for n in comms().values() if n.startswith("ptview-worker-")]
        assert len(named) == MAX_LIVE_WORKERS
    finally:
        assert workers.shutdown() == []
    assert not [n for n in comms().values() if n.startswith("ptview-worker-")]
    assert workers.start(parked) is None  # after shutdown, nothing new


def test_a_body_that_fails_ends_its_thread_not_ptview():
    workers = LiveWorkers()

    def broken(w):
        raise ValueError("boom")

    w = workers.start(broken)
    assert w.join(5) and isinstance(w.error, ValueError)
    assert w.wait_online(0)  # nobody waits for ever on a Worker that died before 'online'
    assert workers.shutdown() == []


def test_rss_is_read_from_proc():
    assert rss_bytes() > 1024 * 1024
