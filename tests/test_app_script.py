"""`ptview SCRIPT.js`: the script in a code pane, stepped callback by callback, and back."""

import pathlib

from textual.widgets import RichLog

from tui.app import PtviewApp
from tui.cli import main
from tui.core.script.session import ScriptSession
from widgets.code_view import CodeView

SCRIPT = """\
console.log('main');
setTimeout(() => {
  console.log('timeout');
}, 5);
setImmediate(() => {
  console.log('immediate');
});
process.nextTick(() => console.log('tick'));
"""


def _output(app) -> list[str]:
    return [str(line.text) for line in app.query_one("#output", RichLog).lines]


async def test_step_forward_and_back_through_a_script(tmp_path):
    path = tmp_path / "demo.js"
    path.write_text(SCRIPT)
    app = PtviewApp(session=ScriptSession.from_file(str(path)), autoplay=False)
    async with app.run_test(size=(160, 44)) as pilot:
        assert app.driver.paused
        await pilot.press("full_stop")          # the main module
        assert _output(app) == ["main"]
        await pilot.press("full_stop")          # nextTick
        assert _output(app) == ["main", "tick"]
        assert app.query_one(CodeView).line == 8
        await pilot.press("full_stop")          # setImmediate in check
        assert _output(app)[-1] == "immediate"
        assert app.session.where.phase == "check"
        assert app.query_one(CodeView).span == (5, 7)
        old_rt = app.rt
        await pilot.press("comma")              # back: a replay up to the previous step
        assert app.rt is not old_rt and app.session.position == 2
        assert _output(app) == ["main", "tick"]
        await pilot.press("full_stop", "full_stop", "full_stop")
        assert _output(app) == ["main", "tick", "immediate", "timeout"]
        assert app.session.done and "exit 0" in str(app.query_one("#status").render())
        await pilot.press("c")                  # fire keys are the script's business here
        assert app.rt.pool.submitted == 0


async def test_script_plays_in_model_time(tmp_path):
    path = tmp_path / "demo.js"
    path.write_text(SCRIPT)
    app = PtviewApp(session=ScriptSession.from_file(str(path)), autoplay=False)
    async with app.run_test(size=(160, 44)) as pilot:
        await pilot.press("space")
        app.driver.advance(4)  # the first console.log costs 3 model ms (SEMANTICS §3.9)
        app.render_model()
        assert _output(app) == ["main", "tick", "immediate"]
        app.driver.advance(10)
        app.render_model()
        assert _output(app)[-1] == "timeout"


def test_script_outside_the_subset_is_one_line_before_the_app_starts(tmp_path, capsys):
    path = tmp_path / "bad.js"
    path.write_text("require('http');\n")
    assert main(["--headless", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "bad.js:1:1" in err and "http" in err
    assert main([str(tmp_path / "missing.js")]) == 2
    assert "missing.js: no such file" in capsys.readouterr().err


async def test_a_long_step_shows_its_cpu_time_and_that_there_is_no_jit(tmp_path, monkeypatch):
    import tui.app

    path = tmp_path / "slow.js"
    path.write_text("let s = 0;\nfor (let i = 0; i < 3e6; i++) s += i;\nconsole.log(s);\n")
    session = ScriptSession.from_file(str(path))
    app = PtviewApp(session=session, autoplay=False)
    async with app.run_test(size=(160, 44)) as pilot:
        await pilot.press("full_stop")
        await pilot.pause()
        assert session.position == 1 and session.last_cpu_ms > 0
        monkeypatch.setattr(tui.app, "SLOW_STEP_MS", session.last_cpu_ms)
        assert "ms CPU (ptview's engine has no JIT)" in app._status(app.rt.snapshot())
        monkeypatch.setattr(tui.app, "SLOW_STEP_MS", session.last_cpu_ms + 1)
        assert "no JIT" not in app._status(app.rt.snapshot())


def test_an_error_message_in_the_status_line_is_text_not_markup(tmp_path):
    path = tmp_path / "m.js"
    path.write_text("throw new Error('[b]bold[/b] \\x1b[31mred');\n")
    session = ScriptSession.from_file(str(path))
    session.run_to_end()
    app = PtviewApp(session=session, autoplay=False)
    status = app._status(app.rt.snapshot())
    # A Text, not markup: the brackets stay literal, the escape is made visible.
    assert "[b]bold" in status.plain and "\x1b" not in status.plain and "^[[31m" in status.plain
