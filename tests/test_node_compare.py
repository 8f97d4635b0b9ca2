"""`ptview --compare SCRIPT.js`: the model against real node (issue 17, step 4)."""

from __future__ import annotations

import pytest

import tui.commands.compare as compare_cmd
from tests.node_kit import CONFORMANCE, needs_node, ptview
from tui.cli import main
from tui.core.probe import compare as C

# Scripts whose callback order node keeps run after run and the model reproduces: queues,
# phases, the readFile chain, promise adoption.
SAME_ORDER = ["ticks_before_promises", "io_immediate_before_timeout", "readfile_sequence",
              "async_return_promise_ticks", "microtask_fifo_shared"]
# Timers of different delays and pool jobs racing: on a loaded machine node itself may
# order them differently from run to run; the model's order must then be one of node's.
SAME_OR_TIMING = ["timers_ticks_between_timers", "promise_combinators", "pool_saturation_pbkdf2",
                  "all_queues_walkthrough"]


@needs_node
@pytest.mark.parametrize("name", SAME_ORDER)
def test_model_and_node_call_back_in_the_same_order(name):
    r = ptview("--compare", str(CONFORMANCE / f"{name}.js"))
    assert r.returncode == 0, r.stdout + r.stderr
    assert r.stdout.startswith("same order: ") and f"{name}.js" in r.stdout
    assert int(r.stdout.split()[2]) > 0


@needs_node
@pytest.mark.parametrize("name", SAME_OR_TIMING)
def test_the_models_order_is_nodes_or_one_of_nodes_when_node_varies(name):
    r = ptview("--compare", str(CONFORMANCE / f"{name}.js"))
    assert r.returncode == 0, r.stdout + r.stderr
    assert r.stdout.startswith("same order: ") or "the model's order" in r.stdout and "is one of them" in r.stdout


def _callback(kind, op, t, site="", internal=False, detail=None, task=None):
    e = {"t": t, "ev": "callback", "kind": kind, "op": op, "site": site, "task": task if task is not None else int(t * 10)}
    if internal:
        e["internal"] = True
    if detail:
        e["detail"] = detail
    return e


def test_model_steps_fold_a_pool_tasks_user_callback_into_its_last_step():
    events = [
        {"t": 0.0, "ev": "callback", "op": "main"},
        {"t": 1.0, "ev": "callback", "task": 1, "op": "fs.open", "detail": "internal"},
        {"t": 2.0, "ev": "callback", "task": 1, "op": "fs.close", "detail": "internal"},
        {"t": 2.0, "ev": "callback", "task": 1, "op": "fs.readFile", "detail": "user"},
        {"t": 2.1, "ev": "callback", "task": 2, "op": "process.nextTick", "detail": "nextTick"},
        {"t": 2.2, "ev": "callback", "task": 3, "op": "net.connect", "detail": "internal"},
        {"t": 2.3, "ev": "callback", "task": 3, "op": "net.error", "detail": "nextTick"},   # node's own tick
        {"t": 2.4, "ev": "callback", "task": 4, "op": "dns.lookup", "detail": "nextTick"},  # lookup()'s tick
    ]
    assert [s.kind for s in C.model_steps(events)] == ["pool", "pool", "nextTick", "nextTick"]


def test_real_steps_keep_nodes_pool_steps_but_not_its_own_ticks():
    events = [
        _callback("pool", "FSREQCALLBACK", 1.0),
        _callback("pool", "FSREQCALLBACK", 2.0, internal=True),       # readFile's next step: compared
        _callback("nextTick", "TickObject", 3.0, internal=True),      # console.log's stream tick: not
        _callback("timer", "Timeout", 4.0, site="/x/a.js:3:1"),
        _callback("io", "PIPEWRAP", 5.0),
    ]
    steps = C.real_steps(events)
    assert [s.kind for s in steps] == ["pool", "pool", "timer"] and steps[2].site == "/x/a.js:3:1"


def test_timers_are_told_apart_by_creation_order_on_both_sides():
    # The model made timer tasks 4 then 7 and ran 7 first; node made async ids 12 then 15 and ran 12 first.
    model = C.model_steps([
        {"t": 1.0, "ev": "callback", "task": 7, "op": "setTimeout"},
        {"t": 2.0, "ev": "callback", "task": 4, "op": "setTimeout"},
    ])
    real = C.real_steps([
        {"t": 1.0, "ev": "callback", "task": 12, "kind": "timer", "op": "Timeout", "site": "/a.js:1:1"},
        {"t": 2.0, "ev": "callback", "task": 15, "kind": "timer", "op": "Timeout", "site": "/a.js:2:1"},
    ])
    assert [s.rank for s in model] == [1, 0] and [s.rank for s in real] == [0, 1]
    v = C.judge(model, [real])
    assert not v.same and v.at == 0   # same kinds, but not the same timer first


def test_judge_finds_the_first_divergence_and_a_side_that_stops_early():
    s = lambda *ks: [C.Step(k, k, "", 0.0) for k in ks]  # noqa: E731
    v = C.judge(s("nextTick", "microtask", "timer"), [s("nextTick", "timer", "microtask")])
    assert not v.same and v.at == 1 and not v.timing_dependent
    v = C.judge(s("nextTick", "microtask", "timer"), [s("nextTick", "microtask")])
    assert v.at == 2
    v = C.judge(s("immediate", "pool"), [s("pool", "immediate"), s("immediate", "pool")])
    assert v.same and v.timing_dependent and v.orders == 2


@needs_node
def test_a_divergence_prints_both_sides_and_exits_1(monkeypatch, capsys):
    real = [_callback("nextTick", "TickObject", 1.0, site="/t/ticks_before_promises.js:3:9")] + \
        [_callback("microtask", "PROMISE", 2.0 + i, site="/t/ticks_before_promises.js:2:26") for i in range(4)]
    monkeypatch.setattr(compare_cmd, "_run_node", lambda argv: real)
    code = main(["--compare", str(CONFORMANCE / "ticks_before_promises.js")])
    out = capsys.readouterr().out
    assert code == 1
    assert "first divergence at callback 2 (model 5 callbacks, node 5)" in out
    model_part, node_part = out.split("  node:")
    assert ">     2  nextTick  process.nextTick #2" in model_part
    assert ">     2  microtask PROMISE  ticks_before_promises.js:2:26" in node_part


@needs_node
def test_node_varying_between_runs_is_reported_as_timing_not_as_a_model_bug(monkeypatch, capsys):
    orders = iter([
        [_callback("timer", "Timeout", 1.0), _callback("immediate", "Immediate", 2.0)],
        [_callback("immediate", "Immediate", 1.0), _callback("timer", "Timeout", 2.0)],
    ] * 2)
    monkeypatch.setattr(compare_cmd, "_run_node", lambda argv: next(orders))
    code = main(["--compare", str(CONFORMANCE / "timers_lists_by_expiry.js")])
    out = capsys.readouterr().out
    assert code == 3 and out.startswith("timing-dependent: node ran timers_lists_by_expiry.js's callbacks in 2 ")


def test_compare_without_node_is_one_line_and_exit_2():
    r = ptview("--compare", "--node-bin", "/nonexistent/node", str(CONFORMANCE / "ticks_before_promises.js"))
    assert r.returncode == 2 and r.stderr.count("\n") == 1 and "node" in r.stderr


@needs_node
def test_a_script_the_model_refuses_is_exit_2_with_its_reason(tmp_path):
    script = tmp_path / "cls.js"
    script.write_text("class A {}\nsetTimeout(() => {}, 1)\n")
    r = ptview("--compare", str(script))
    if r.returncode == 0:
        pytest.skip("this model runs classes (the QuickJS engine): nothing refused to test here")
    assert r.returncode == 2 and "cls.js" in r.stderr and "nothing to compare" in r.stderr


@needs_node
def test_compare_takes_a_full_node_command_line():
    r = ptview("--compare", "--", "node", "--no-warnings", str(CONFORMANCE / "ticks_before_promises.js"))
    assert r.returncode == 0 and r.stdout.startswith("same order: 5 callbacks")
