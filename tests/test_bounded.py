"""Memory stays bounded however long the model runs (DESIGN.md budgets)."""

from modelkit import make


def test_long_run_keeps_bounded_history_and_counts_everything():
    rt, api, _ = make(4)
    fired = {"n": 0}

    def again(e=None, r=None):
        if fired["n"] >= 3000:
            return
        fired["n"] += 1
        api.stat("/", again)
        api.set_immediate()

    rt.start(lambda: again())
    rt.run()
    assert fired["n"] == 3000
    assert rt.task_counts["submitted"] == 6000 and rt.task_counts["done"] == 6000
    assert len(rt.tasks) <= 500
    assert len(rt.events.recent) <= 2000 and rt.events.count > 20_000
    assert rt.pool.in_flight() == 0 and not rt.loop.done_jobs
