"""`ptview --headless --node`: a real node with the async_hooks probe (issue 17, steps 1-3)."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time

import pytest

from tests.node_kit import CONFORMANCE, NODE, ROOT, needs_node, ptview, real_events, user_callbacks
from tui.core.probe.lines import Decoder
from tui.core.probe.runner import NodeRun, find_node, probe_command

pytestmark = needs_node


def test_readfile_is_its_open_fstat_read_close_chain_each_made_by_the_previous():
    events = real_events(CONFORMANCE / "io_immediate_before_timeout.js")
    fs = [e for e in events if e["ev"] == "callback" and e["op"] == "FSREQCALLBACK"]
    assert len(fs) == 4  # open, fstat, one read (a small file), close: SEMANTICS §3.3
    made = {e["task"]: e for e in events if e["ev"] == "submit"}
    first = made[fs[0]["task"]]
    assert first["api"] == "readFile" and first["detail"] == "user"
    assert first["site"].endswith("io_immediate_before_timeout.js:3:4")
    for prev, cur in zip(fs, fs[1:]):
        assert made[cur["task"]]["trigger"] == prev["task"]   # each step is submitted by the last one's callback
        assert made[cur["task"]]["detail"] == "internal"
    assert all(e["phase"] == "poll" and e["phase_inferred"] for e in fs)


def test_set_immediate_inside_an_io_callback_runs_before_set_timeout_0():
    events = user_callbacks(real_events(CONFORMANCE / "io_immediate_before_timeout.js"))
    ops = [e["op"] for e in events]
    assert ops.index("Immediate") < ops.index("Timeout")
    phases = {e["op"]: e["phase"] for e in events}
    assert phases["Immediate"] == "check" and phases["Timeout"] == "timers"


def test_ticks_run_before_promises_after_the_main_module():
    events = user_callbacks(real_events(CONFORMANCE / "ticks_before_promises.js"))
    order = [(e["op"], e["detail"]) for e in events]
    assert order == [("TickObject", "nextTick"), ("TickObject", "nextTick"),
                     ("PROMISE", "microtask"), ("PROMISE", "microtask"), ("Microtask", "microtask")]
    assert {e["phase"] for e in events} == {"main"}  # before the loop's first phase


def test_every_json_line_is_an_event_of_the_schema_and_the_process_comes_first():
    events = real_events(CONFORMANCE / "check_immediates_next_iteration.js")
    assert events[0]["ev"] == "process" and events[0]["detail"].startswith("node v")
    assert events[-1] == {**events[-1], "ev": "phase", "phase": "exit", "result": 0}
    kinds = {e["ev"] for e in events}
    assert kinds <= {"process", "submit", "callback", "after", "destroy", "resolve", "phase"}
    for e in events:
        assert isinstance(e["t"], float) and e["t"] >= 0
        if e["ev"] in ("submit", "callback"):
            assert e["async_id"] == e["task"] and "trigger" in e and "op" in e


def test_the_programs_stdout_goes_through_unchanged_and_the_timeline_to_stderr():
    script = CONFORMANCE / "ticks_before_promises.js"
    alone = subprocess.run([NODE, str(script)], capture_output=True, text=True, timeout=30)
    r = ptview("--headless", "--node", str(script))
    assert r.returncode == 0
    assert r.stdout == alone.stdout
    assert "── main module" in r.stderr and "callback" in r.stderr


def test_json_keeps_the_programs_stdout_out_of_the_events():
    r = ptview("--headless", "--node", "--json", str(CONFORMANCE / "ticks_before_promises.js"))
    assert "tick 1" in r.stderr
    for line in r.stdout.splitlines():
        json.loads(line)


def test_full_node_command_line_with_flags_and_arguments(tmp_path):
    script = tmp_path / "args.js"
    script.write_text("console.log(JSON.stringify(process.argv.slice(2)), process.execArgv.length)\n"
                      "setTimeout(() => process.exit(3), 1)\n")
    r = ptview("--headless", "--node", "--", "node", "--no-warnings", str(script), "a", "b c")
    assert r.returncode == 3  # node's own exit status
    # The probe took its --require out of execArgv: only the user's flag is left.
    assert r.stdout == '["a","b c"] 1\n'


def test_children_of_the_program_are_not_probed(tmp_path):
    script = tmp_path / "env.js"
    script.write_text("console.log(process.env.PTVIEW_PROBE_FD === undefined, "
                      "process.execArgv.some(a => a.endsWith('probe.js')))\n")
    r = ptview("--headless", "--node", str(script))
    # What a fork would inherit (env, execArgv) names no probe any more.
    assert r.stdout == "true false\n"


def test_node_absent_is_one_line_and_exit_2():
    r = ptview("--headless", "--node", "--node-bin", "/nonexistent/node", str(CONFORMANCE / "ticks_before_promises.js"))
    assert r.returncode == 2
    assert r.stderr.count("\n") == 1 and "node" in r.stderr and r.stdout == ""


def test_a_missing_script_is_one_line_and_exit_2():
    r = ptview("--headless", "--node", "no-such-script.js")
    assert r.returncode == 2 and "no such file" in r.stderr


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().split(") ")[1][0] != "Z"
    except FileNotFoundError:
        return False


def test_stop_kills_and_reaps_a_node_that_would_run_forever(tmp_path):
    script = tmp_path / "forever.js"
    script.write_text("setInterval(() => {}, 1000); console.log('up')\n")
    seen = []
    run = NodeRun(probe_command(find_node(), [], [str(script)]), on_event=seen.append,
                  stdout=subprocess.PIPE)
    with run:
        run.start()
        assert run.proc.stdout.readline() == b"up\n"   # it is running the program
        pid = run.pid
    assert not _alive(pid) and run.returncode == 128 + signal.SIGTERM
    assert seen[0]["ev"] == "process" and seen[0]["pid"] == pid


def test_an_exception_in_ptview_still_kills_node(tmp_path):
    script = tmp_path / "forever.js"
    script.write_text("setInterval(() => {}, 1000); console.log('up')\n")
    run = NodeRun(probe_command(find_node(), [], [str(script)]), stdout=subprocess.PIPE)
    with pytest.raises(RuntimeError):
        with run:
            run.start()
            run.proc.stdout.readline()
            raise RuntimeError("ptview fails")
    assert not _alive(run.pid)


def test_sigterm_to_ptview_ends_node_too(tmp_path):
    script = tmp_path / "forever.js"
    script.write_text("setInterval(() => {}, 1000)\n")
    p = subprocess.Popen([sys.executable, "-m", "tui", "--headless", "--node", "--json", str(script)],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
    first = json.loads(p.stdout.readline())   # the probe is up: node runs
    node_pid = first["pid"]
    p.send_signal(signal.SIGTERM)
    assert p.wait(timeout=10) == 128 + signal.SIGTERM
    assert not _alive(node_pid)


def test_the_ring_buffer_keeps_the_last_events_and_counts_them_all(tmp_path):
    script = tmp_path / "many.js"
    script.write_text("for (let i = 0; i < 300; i++) setImmediate(() => {})\n")
    run = NodeRun(probe_command(find_node(), [], [str(script)]), keep=50)
    with run:
        run.start()
        assert run.wait() == 0
    events = run.snapshot()
    assert len(events) == 50 and run.count > 600
    assert events[-1]["ev"] == "phase" and events[-1]["phase"] == "exit"


def test_decoder_forgets_the_oldest_resources_beyond_its_bound():
    d = Decoder(max_resources=3)
    d.feed("h\t1\tv20.0.0\t0\t1")
    for i in range(2, 8):
        d.feed(f"i\t{i}\t{i}\tPROMISE\t1\t1\t-1\t-\t-")
    assert list(d.resources) == [5, 6, 7] and d.forgotten == 3


def test_node_flags_with_a_value_are_not_taken_for_the_script(tmp_path):
    helper = tmp_path / "pre.js"
    helper.write_text("globalThis.fromPreload = 7\n")
    script = tmp_path / "main.js"
    script.write_text("console.log(globalThis.fromPreload, process.argv.slice(2).join(','))\n")
    r = ptview("--headless", "--node", "--", "node", "-r", str(helper), str(script), "x")
    assert r.returncode == 0 and r.stdout == "7 x\n"


def test_eval_on_the_node_command_line_is_refused_in_one_line():
    r = ptview("--headless", "--node", "--", "node", "-e", "1")
    assert r.returncode == 2 and "script file" in r.stderr and r.stderr.count("\n") == 1


def test_a_line_the_probe_does_not_write_is_named_not_guessed():
    from tui.core.probe.lines import ProbeFormatError

    with pytest.raises(ProbeFormatError, match="probe format 9, expected 1"):
        Decoder().feed("h\t1\tv20.0.0\t0\t9")
    with pytest.raises(ProbeFormatError, match="unknown probe line"):
        Decoder().feed("z\t1\t2")
    with pytest.raises(ProbeFormatError, match="bad probe line"):
        Decoder().feed("b\tnot-a-time\t2")


def test_node_dies_with_ptview_even_when_ptview_is_killed_outright(tmp_path):
    import select

    script = tmp_path / "forever.js"
    script.write_text("setInterval(() => {}, 1000)\n")
    p = subprocess.Popen([sys.executable, "-m", "tui", "--headless", "--node", "--json", str(script)],
                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, cwd=ROOT)
    node_pid = json.loads(p.stdout.readline())["pid"]
    pidfd = os.pidfd_open(node_pid)
    try:
        p.kill()          # SIGKILL: no handler, no finally; PR_SET_PDEATHSIG is what ends node
        p.wait(timeout=10)
        ready, _, _ = select.select([pidfd], [], [], 10)  # readable when node has exited
        assert ready == [pidfd]
    finally:
        os.close(pidfd)


def test_every_conformance_script_runs_under_the_probe_to_its_exit():
    from tui.commands.node import run_headless
    import io

    # (Each script's own exit status is node's: 0, or 1 for those that end in an uncaught error.)
    for script in sorted(CONFORMANCE.glob("*.js")):
        out = io.StringIO()
        code = run_headless(probe_command(find_node(), [], [str(script)]), json_out=True, out=out,
                            err=io.StringIO(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        events = [json.loads(line) for line in out.getvalue().splitlines()]
        source = script.read_text()
        marked = re.search(r"ptview-exit: (\d+)", source)
        if "ptview-expected: rules" not in source:  # those need what real node here lacks (a DNS server…)
            assert code == (int(marked.group(1)) if marked else 0), script.name
        assert events[0]["ev"] == "process", script.name
        # The exit is seen; 'exit' listeners may still make resources after it (a setTimeout that
        # never runs, as doc/api/process.md shows), so it need not be the last event.
        exits = [e for e in events if e["ev"] == "phase" and e["phase"] == "exit"]
        assert len(exits) == 1 and exits[0]["result"] == code, script.name
