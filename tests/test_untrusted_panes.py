"""Hostile paths and script text in every model pane, frame by frame (Textual's Pilot).

The pty tests (test_untrusted_app_surfaces.py) prove the bytes on a real
terminal for the process, attach, code and output panes; here each frame's
composited lines are read while a hostile path moves through the loop and
pool panes, the event log, the status line and the task details, and a
hostile host name is refused by the fire dialog.
"""

from __future__ import annotations

from textual.widgets import Input, Static

from hostile import CLIPBOARD_SHOWN, TITLE_SHOWN, assert_clean
from tui.app import PtviewApp
from tui.core.script.session import ScriptSession
from tui.core.tasks import TaskRef

SIZE = (200, 50)  # wide and tall: every pane, and long labels uncut
HOSTILE = "\x1b]0;pwned\x07\x1b]52;c;aGk=\x07\u009b2J\u202e"
HOSTILE_SHOWN = TITLE_SHOWN + CLIPBOARD_SHOWN + "<U+009B>2J<U+202E>"


def screen_text(app) -> str:
    """The top screen as the compositor would send it, line by line (text only)."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


async def test_a_hostile_path_is_visible_and_inert_in_every_pane_the_status_line_and_the_details():
    path = "/tmp/in" + HOSTILE  # short, to fit the panes; missing: ENOENT quotes it in the error too
    visible = path.replace(HOSTILE, HOSTILE_SHOWN)
    app = PtviewApp(autoplay=False, paused=True, proc_pane=Static(""))
    async with app.run_test(size=SIZE) as pilot:
        app.fire("readFile", path)
        frames = []
        for _ in range(8):  # the keypress, the fire, the open job's start and failure, the callbacks
            app.driver.step()
            app.render_model()
            await pilot.pause()
            frames.append(screen_text(app))
        app.selected = TaskRef(0, 1)
        await pilot.press("enter")  # the task's details
        await pilot.pause()
        details = screen_text(app)
    for f in frames + [details]:
        assert_clean(f)
    seen = "\n".join(frames)
    assert f"fire     #1 fs.readFile {visible}"[:68] in seen  # the event log (cut by the pane)
    assert f"#1 fs.open in{TITLE_SHOWN}" in seen  # the worker's row: a job's label names the file
    assert f"│ #1 fs.readFile {visible}" in frames[-1].splitlines()[0]  # the status line
    assert f"submitted: fs.readFile {visible}" in details  # the details: its life
    assert f"open '{visible}" in "".join(details.split("│"))  # the error message quoting the path


async def test_the_fire_dialog_echoes_a_refused_host_visibly(tmp_path):
    app = PtviewApp(autoplay=False, paused=True, proc_pane=Static(""))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("l")  # dns.lookup: asks for a host
        await pilot.pause()
        app.screen.query_one(Input).value = "bad" + HOSTILE + "[b]host"
        await pilot.press("enter")
        await pilot.pause()
        text = screen_text(app)
    assert_clean(text)
    assert "pwned" in text  # the refusal echoes what was given, made visible


async def test_a_scripts_function_name_and_uncaught_error_are_inert_in_the_status_line(tmp_path):
    script = tmp_path / "evil.js"
    script.write_text("setTimeout(function tick() {\n  throw new Error('\\x1b]0;pwned\\x07 [b]not markup[/b]');\n}, 1);\n")
    app = PtviewApp(session=ScriptSession.from_file(str(script)), autoplay=False)
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(4):
            await pilot.press("full_stop")
        text = screen_text(app)
    assert_clean(text)
    status = text.splitlines()[0]
    assert TITLE_SHOWN + " [b]not markup[/b]" in status  # shown, and not parsed as Rich markup
