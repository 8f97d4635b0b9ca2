"""Step through a script callback by callback; step back replays deterministically."""

from __future__ import annotations

from tui.core.script.session import ScriptSession

SRC = """\
const fs = require('fs');
console.log('main');
setTimeout(() => {
  console.log('timeout');
}, 0);
setImmediate(() => console.log('immediate'));
fs.readFile(__filename, (err, data) => {
  console.log('read', data.length);
});
process.nextTick(() => console.log('tick'));
Promise.resolve().then(() => console.log('promise'));
console.log('random', Math.random() < 1);
"""


def _session(tmp_path):
    p = tmp_path / "demo.js"
    p.write_text(SRC)
    return ScriptSession.from_file(str(p))


def _state(s: ScriptSession):
    return (s.position, s.output, s.where, s.rt.clock.now(), [e.to_dict() for e in s.rt.events.recent])


def test_each_step_runs_one_callback_and_says_which_function(tmp_path):
    s = _session(tmp_path)
    seen = []
    while s.step():
        seen.append((s.where.label, s.where.phase, s.where.line, s.output.splitlines()[-1]))
    assert seen[0] == ("main module", "main", None, "random true")
    assert seen[1] == ("process.nextTick", "main", 10, "tick")
    assert seen[2][1:] == ("main", 11, "promise")
    by_text = {text: (phase, line) for _, phase, line, text in seen}
    assert by_text["timeout"] == ("timers", 3)
    assert by_text["immediate"] == ("check", 6)
    assert by_text[f"read {len(SRC)}"] == ("poll", 7)
    assert s.done and s.exit_code == 0 and s.step() is False


def test_where_spans_the_whole_callback_function(tmp_path):
    s = _session(tmp_path)
    while s.step():
        if s.where.label.startswith("setTimeout"):
            break
    assert (s.where.line, s.where.end_line) == (3, 5)
    assert s.where.last_line == 3  # the line that scheduled it: setTimeout( on line 3


def test_step_back_replays_to_exactly_the_same_state(tmp_path):
    s = _session(tmp_path)
    states = [_state(s)]
    while s.step():
        states.append(_state(s))
    for n in range(len(states) - 1, 0, -1):
        assert s.step_back()
        assert _state(s) == states[n - 1]
    assert s.step_back() is False
    s.goto(4)
    assert _state(s) == states[4]


def test_a_module_ptview_does_not_model_is_refused_with_its_line_and_column(tmp_path):
    p = tmp_path / "bad.js"
    p.write_text("console.log('ran');\nconst w = require('cluster');\n")
    s = ScriptSession.from_file(str(p))
    s.run_to_end()
    assert s.exit_code == 2 and s.output == "ran\n"
    assert s.end_message.startswith("bad.js:2:11: cluster is not supported")


def test_a_native_callback_is_not_attributed_to_the_previous_function(tmp_path):
    p = tmp_path / "n.js"
    p.write_text("setTimeout(() => {\n  console.log('a');\n}, 1);\nnew Promise((r) => setTimeout(r, 5)).then(() => {\n  console.log('b');\n});\n")
    s = ScriptSession.from_file(str(p))
    wheres = []
    while s.step():
        wheres.append((s.where.label.split(" ")[0], s.where.line))
    # the resolve function is the engine's (no script lines); the reaction's lines come from its .then
    assert wheres == [("main", None), ("setTimeout", 1), ("setTimeout", None), ("promise", 4)]


def test_an_uncaught_exception_ends_the_session_with_a_message(tmp_path):
    p = tmp_path / "t.js"
    p.write_text("setTimeout(() => {\n  throw new Error('boom');\n}, 1);\nsetTimeout(() => console.log('never'), 2);\n")
    s = ScriptSession.from_file(str(p))
    s.run_to_end()
    assert s.done and s.exit_code == 1 and s.output == ""
    assert s.end_message == "t.js:2: Uncaught Error: boom"


def test_the_cpu_limit_ends_the_session_with_one_line(tmp_path, monkeypatch):
    from tui.core.script import engine

    monkeypatch.setattr(engine, "CPU_LIMIT_S", 0.3)
    p = tmp_path / "b.js"
    p.write_text("setTimeout(() => {\n  for (;;) {}\n}, 1);\n")
    s = ScriptSession.from_file(str(p))
    s.run_to_end()
    assert s.exit_code == 2 and s.end_message.startswith("b.js: stopped after 0.3 s of CPU")
