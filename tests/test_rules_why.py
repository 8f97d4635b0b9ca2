"""Why: every event the model records names the SEMANTICS rule that put it there (issue 16)."""

import json
import pathlib

import pytest

from tui.cli import main
from tui.core.rules import RULES, rule_for

CONFORMANCE = sorted((pathlib.Path(__file__).parent / "conformance").glob("*.js"))
FIRES = ["readFile:/etc/hostname", "stat:/", "lookup:localhost", "lookup:127.0.0.1", "resolve:localhost",
         "pbkdf2x5:1000", "gzip:/etc/hostname", "net", "timeout:0", "interval:5", "immediate", "nextTick",
         "promise", "fork", "block:3", "readFile:/nonexistent"]


def events(argv, capsys) -> list[dict]:
    main(argv)
    return [json.loads(line) for line in capsys.readouterr().out.splitlines() if line.startswith("{")]


def test_every_event_kind_of_the_lab_and_of_the_scripts_carries_a_known_rule(capsys, monkeypatch):
    monkeypatch.delenv("UV_THREADPOOL_SIZE", raising=False)
    evs = events(["--headless", "--json", *[a for f in FIRES for a in ("--fire", f)]], capsys)
    for script in CONFORMANCE[:20]:
        evs += events(["--headless", "--json", str(script)], capsys)
    kinds = {e["ev"] for e in evs}
    assert {"submit", "start", "done", "callback", "phase", "pool"} <= kinds
    assert all(e.get("rule") in RULES for e in evs), [e for e in evs if e.get("rule") not in RULES][:3]


def test_rule_slow_io_cap_a_lookup_job_and_its_start():
    assert rule_for("submit", "dns.lookup", None, "slow-io") == "pool.slow-io-cap"
    assert rule_for("start", "dns.lookup") == "pool.slow-io-cap"
    assert rule_for("start", "crypto.pbkdf2") == "pool.fifo"


def test_rule_readfile_is_a_chain_of_jobs_each_step_named():
    for op in ("fs.open", "fs.fstat", "fs.read", "fs.close"):
        assert rule_for("submit", op, None, "fast-io") == "fs.readfile-jobs"
    assert rule_for("submit", "fs.stat", None, "fast-io") == "fs.pool"


def test_rule_queues_and_phases_each_callback_by_where_it_ran():
    assert rule_for("callback", "process.nextTick", "timers", "nextTick") == "ticks.first"
    assert rule_for("callback", "Promise.then", "poll", "microtask") == "microtasks.after-ticks"
    assert rule_for("callback", "setImmediate", "check") == "check.immediate"
    assert rule_for("callback", "setTimeout", "timers") == "timers.due"
    assert rule_for("callback", "crypto.pbkdf2", "poll", "user") == "pool.completion"
    assert rule_for("callback", "net.close", "close", "internal") == "close.after-check"
    assert rule_for("callback", "net.data", "poll", "internal") == "net.epoll"
    assert rule_for("callback", "dns.lookup", "main", "nextTick") == "dns.literal"
    assert rule_for("callback", "main", "main") == "main.first"
    assert rule_for("phase", None, "exit") == "loop.exit"


@pytest.mark.parametrize("rule", RULES.values(), ids=lambda r: r.id)
def test_each_rule_is_one_plain_sentence_with_its_source(rule):
    assert "\n" not in rule.sentence and rule.sentence.endswith(".") and len(rule.sentence) < 160
    assert rule.source.startswith("SEMANTICS §")


async def test_e_explains_the_selected_task_with_its_rules():
    from tui.app import PtviewApp
    from tui.screens.why import WhyScreen

    app = PtviewApp(autoplay=False, seed=1)
    async with app.run_test(size=(120, 40)) as pilot:
        app.fire("readFile", "/etc/hostname")
        app.driver.advance(50)
        app.render_model()
        await pilot.press("right_square_bracket")
        await pilot.press("e")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, WhyScreen)
        ids = [r for r, _ in screen.rules]
        assert "fs.readfile-jobs" in ids and "pool.completion" in ids
        assert ids.index("fs.readfile-jobs") < ids.index("pool.completion")
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, WhyScreen)
