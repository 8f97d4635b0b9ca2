"""Issue 14 for scripts: a long timer that ends is not "a timer that never stops", and quitting
the script app during a long synchronous step takes at most 2 s (a real pseudo-terminal)."""

from __future__ import annotations

from reliability_kit import Tty, cli


def test_a_single_long_timer_runs_and_exits_0(tmp_path):
    js = tmp_path / "long.js"
    js.write_text("const t0 = Date.now();\n"
                  "setTimeout(() => console.log('after', (Date.now() - t0) / 3600000, 'h'), 7200000);\n"
                  "setTimeout(() => console.log('two days'), 48 * 3600000);\n")
    code, out, err = cli("--headless", str(js))
    assert (code, out, err) == (0, "after 2 h\ntwo days\n", "")  # what node prints


def test_a_timer_that_never_stops_is_still_stopped(tmp_path):
    js = tmp_path / "iv.js"
    js.write_text("setInterval(() => {}, 3600000 * 5);\n")  # five model hours apart: past a day soon
    code, out, err = cli("--headless", str(js))
    assert code == 2 and "a timer that never stops" in err and err.count("\n") == 1, err


# Seconds of JavaScript in an engine without a JIT (~3 s here; the CPU limit is 10 s a step).
BUSY = "let s = 0;\nfor (let i = 0; i < 100000000; i++) { s += i; }\nconsole.log(s);\n"


def test_q_during_a_long_step_exits_within_2_s(tmp_path):
    js = tmp_path / "busy.js"
    js.write_text(BUSY)
    tty = Tty(str(js))
    try:
        assert tty.read_until(b"PAUSED"), tty.out[-300:]
        tty.out = b""
        tty.send(b".")                          # step: the main module, the long loop
        assert tty.read_until(b"running a long step"), tty.out[-300:]  # the status says so
        tty.send(b"q")
        took = tty.wait_exit(10)
        assert tty.proc.returncode == 0, tty.out[-300:]
        assert took < 2.0, took
    finally:
        tty.close()


def test_a_step_that_outlasts_the_wait_goes_on_off_the_ui_thread():
    import threading

    from tui.core.script.offthread import OffThreadScriptDriver
    from tui.core.script.session import ScriptSession

    s = ScriptSession("t.js", "console.log('a');\nsetTimeout(() => console.log('b'), 5);\n")
    done = threading.Event()
    d = OffThreadScriptDriver(s, on_done=done.set)
    gate = threading.Event()
    real = s.step

    def held_step():  # a step that lasts until the test lets it go
        gate.wait()
        return real()

    s.step = held_step
    d.wait_s = 0.01
    assert d.step() is True and d.busy      # the UI thread is back; the step goes on
    assert d.step() is True and d.busy      # a second press does not start another
    d.advance(1000.0)                        # frames leave the model alone meanwhile
    gate.set()
    assert done.wait(10) and not d.busy
    assert s.output == "a\n" and s.position == 1
    s.step = real
    d.wait_s = None
    assert d.step() and s.output == "a\nb\n"  # a short step: done before step() returns
    d.shutdown()
