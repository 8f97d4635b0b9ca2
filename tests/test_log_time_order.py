"""The event log across loops: with Workers, every loop's records are written in time order
(ties: in the order the model made them), none lost or repeated — in the log the app's panes
read, in --json (sim and live) and for every listener (tui/core/events.py TimeOrder)."""

from __future__ import annotations

import json
import math
import os

from tui.cli import main
from tui.core import events as E
from tui.core.script.runner import ScriptRun

HERE = os.path.dirname(__file__)
# A Worker whose callbacks charge their JavaScript on its own clock: it makes records ahead of
# the process's present, before the main loop makes the ones in between.
PHASES = os.path.join(HERE, "conformance", "worker_own_event_loop_phases.js")


def times(events) -> list[float]:
    return [e["t"] if isinstance(e, dict) else e.t for e in events]


def in_time_order(ts) -> bool:
    return all(a <= b for a, b in zip(ts, ts[1:]))


def test_time_order_writes_by_time_then_as_made_and_holds_what_a_loop_may_still_precede():
    log = E.EventLog()
    seen = []
    log.subscribe(lambda e: seen.append((e.seq, e.t, e.detail)))
    present = [0.0]   # how far every loop has surely gone
    log.order_by_time(lambda t: present[0])
    log.emit(5.0, E.CALLBACK, None, None, "w", None, "poll", None, None, "ahead")     # a Worker ahead
    log.emit(0.0, E.CALLBACK, None, None, "m", None, "poll", None, None, "main0")
    assert seen == [(1, 0.0, "main0")] and log.order.held == 1
    present[0] = 3.0
    log.emit(3.0, E.PHASE, None, None, None, None, "check", None, None, 1)
    present[0] = 5.0
    log.emit(5.0, E.CALLBACK, None, None, "m", None, "poll", None, None, "main5")     # a tie, made later
    assert seen == [(1, 0.0, "main0"), (2, 3.0, 1), (3, 5.0, "ahead"), (4, 5.0, "main5")]
    log.emit(9.0, E.DONE, None, None, None, None, None, None, None, "later")
    assert log.order.held == 1 and log.count == 4 and [e.detail for e in log.since(3)] == ["main5"]
    log.flush()
    assert seen[-1] == (5, 9.0, "later") and log.order.held == 0 and log.count == 5


def _script_records(monkeypatch, ordered: bool) -> list[tuple]:
    """Every record of the Worker script, as the log writes them (or, not ordered, as made)."""
    if not ordered:
        monkeypatch.setattr(E.EventLog, "order_by_time", lambda self, bound: None)
    out = []
    run = ScriptRun(PHASES, open(PHASES).read(), write=lambda s: None, write_err=lambda s: None)
    run.rt.events.subscribe(lambda e: out.append(tuple(e.to_dict().items())))
    assert run.run() == 0
    monkeypatch.undo()
    return out


def test_a_script_workers_records_are_written_in_time_order_as_a_stable_sort_of_what_was_made(monkeypatch):
    made = _script_records(monkeypatch, ordered=False)
    written = _script_records(monkeypatch, ordered=True)
    assert not in_time_order([dict(r)["t"] for r in made])   # the Worker made records ahead of main's
    assert {dict(r)["thread"] for r in made} == {0, 1}
    # ties keep the order the model made them in: exactly a stable sort of what was made, so
    # nothing lost, nothing repeated
    assert written == sorted(made, key=lambda r: dict(r)["t"])


def test_a_script_workers_json_is_in_time_order(capsys):
    assert main(["--headless", "--json", PHASES]) == 0
    events = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert in_time_order(times(events)) and {e["thread"] for e in events} == {0, 1}
    assert events[-1]["phase"] == "exit" and events[-1]["thread"] == 0


async def test_the_apps_event_log_reads_a_script_workers_records_in_time_order():
    from tui.app import PtviewApp
    from tui.core.script.session import ScriptSession

    app = PtviewApp(session=ScriptSession.from_file(PHASES), autoplay=False)
    async with app.run_test(size=(160, 44)) as pilot:
        for _ in range(60):
            if app.session.done:
                break
            await pilot.press("full_stop")
        assert app.session.done
        lines = [line for line in app.log_lines.lines if line[0] is not None]
        assert any(who == "Worker 1" for _, who, _, _ in lines)
        assert in_time_order([t for t, _, _, _ in lines])


def test_live_workers_and_main_reach_json_in_time_order_every_record_there(capsys):
    # Real threads: the Workers' records reach the process's thread late (it runs the main
    # module meanwhile); the log still writes them in time order, and all of them.
    assert main(["--headless", "--live", "--json", "--fire", "worker:pbkdf2=100000", "--fire", "worker:block=50",
                 "--fire", "worker", "--fire", "pbkdf2x3:100000", "--fire", "timeout:40",
                 "--fire", "interval:5"]) == 0
    events = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert in_time_order(times(events))
    by_thread = {n: [e for e in events if e["thread"] == n] for n in (0, 1, 2, 3)}
    for n in (1, 2, 3):   # each Worker: its main module once, its loop's exit last of its records
        mine = by_thread[n]
        assert [e["ev"] for e in mine if e.get("op") == "main"] == ["callback"]
        assert mine[-1]["ev"] == "phase" and mine[-1]["phase"] == "exit"
    assert len([e for e in events if e.get("op") == "worker.exit"]) == 3
    jobs = [e for e in events if e["ev"] in ("start", "done")]
    assert sorted(e["job"] for e in jobs if e["ev"] == "start") == sorted(e["job"] for e in jobs if e["ev"] == "done")
    assert len(jobs) == 8 and not math.isnan(sum(times(events)))
