"""--json and --trace for scripts: the model's timeline instead of the script's output."""

from __future__ import annotations

import json

from tui.cli import main

SRC = """const crypto = require('crypto');
for (let i = 0; i < 3; i++) crypto.pbkdf2('p', 's', 1000, 16, 'sha512', () => console.log('done', i));
setTimeout(() => console.log('timer'), 1);
"""


def test_json_prints_the_event_timeline_and_not_the_output(tmp_path, capsys):
    p = tmp_path / "s.js"
    p.write_text(SRC)
    assert main(["--headless", str(p), "--json", "--pool-size", "2"]) == 0
    lines = capsys.readouterr().out.splitlines()
    events = [json.loads(x) for x in lines]
    assert events[0] == {"t": 0.0, "ev": "callback", "op": "main", "phase": "main", "thread": 0, "rule": "main.first"}
    assert {"ev": "pool", "detail": 2}.items() <= next(e for e in events if e["ev"] == "pool").items()
    starts = [e for e in events if e["ev"] == "start"]
    assert len(starts) == 3 and {e["worker"] for e in starts} == {0, 1}
    assert not any("done" in x and "ev" not in x for x in lines)


def test_trace_has_a_loop_track_and_one_track_per_worker(tmp_path, capsys):
    p = tmp_path / "s.js"
    p.write_text(SRC)
    trace = tmp_path / "t.json"
    assert main(["--headless", str(p), "--trace", str(trace), "--pool-size", "2"]) == 0
    assert sorted(capsys.readouterr().out.splitlines()) == ["done 0", "done 1", "done 2", "timer"]
    data = json.loads(trace.read_text())
    evs = data["traceEvents"]
    names = {(e["tid"], e["args"]["name"]) for e in evs if e["ph"] == "M" and e["name"] == "thread_name"}
    assert names == {(1, "loop thread (main)"), (2, "libuv worker 0"), (3, "libuv worker 1")}
    jobs = [e for e in evs if e.get("cat") == "pool"]
    assert len(jobs) == 3 and all(e["ph"] == "X" and e["dur"] > 0 for e in jobs)
    phases = {e["name"] for e in evs if e.get("cat") == "phase"}
    assert {"timers", "poll", "check", "close"} <= phases
    cbs = [e for e in evs if e.get("cat") == "callback"]
    assert any(e["name"] == "main module" for e in cbs) and any(e["args"].get("phase") == "poll" for e in cbs)
    assert all(e["ts"] >= 0 and e["dur"] >= 0 for e in evs if e["ph"] == "X")


def test_trace_without_a_script_is_a_usage_error(capsys):
    assert main(["--headless", "--fire", "pbkdf2", "--trace", "x.json"]) == 2
    assert "--trace needs a script" in capsys.readouterr().err


def test_trace_nests_a_user_callback_inside_the_pool_completion_that_ran_it(tmp_path, capsys):
    p = tmp_path / "s.js"
    p.write_text("require('fs').stat(__filename, () => { let i = 0; while (i < 2e6) i++; });\n")
    trace = tmp_path / "t.json"
    assert main(["--headless", str(p), "--trace", str(trace)]) == 0
    cbs = [e for e in json.loads(trace.read_text())["traceEvents"] if e.get("cat") == "callback"]
    internal = next(e for e in cbs if e["args"].get("queue") == "internal")
    user = next(e for e in cbs if e["args"].get("queue") == "user")
    assert internal["ts"] <= user["ts"] and user["ts"] + user["dur"] <= internal["ts"] + internal["dur"]
    # synchronous JS is charged per engine interrupt (host.TICK_MS): 2e6 iterations ≈ 400 of them,
    # about the 1.2 ms node's JIT takes for this loop
    assert 900 <= user["dur"] <= 2000
