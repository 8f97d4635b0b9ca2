"""tui.core.probe.state: the real loop's queues and pool requests, rebuilt from probe events."""

from __future__ import annotations

from tests.node_kit import CONFORMANCE, needs_node
from tui.core.probe.lines import Decoder
from tui.core.probe.runner import NodeRun, find_node, probe_command
from tui.core.probe.state import RealState, replay


def _events(*lines: str) -> list[dict]:
    d = Decoder()
    out = []
    for line in ("h\t42\tv20.20.2\t0\t1", *lines):
        out.extend(d.feed(line))
    return out


MAIN = [
    "i\t10\t2\tTimeout\t1\t1\t3\tsetTimeout\t/a.js:1:1",
    "i\t11\t3\tImmediate\t1\t1\t3\tsetImmediate\t/a.js:2:1",
    "i\t12\t4\tTickObject\t1\t1\t1\tnextTick\t/a.js:3:9",
    "i\t13\t5\tFSREQCALLBACK\t1\t1\t1\treadFile\t/a.js:4:4",
    "i\t14\t6\tPROMISE\t1\t1\t1\tresolve\t/a.js:5:9",
    "r\t15\t6",
    "i\t16\t7\tPROMISE\t6\t1\t0\tthen\t/a.js:5:19",
]


def test_what_the_main_module_leaves_waiting_in_each_queue():
    s = replay(_events(*MAIN)).snapshot()
    assert (s.pid, s.version, s.phase) == (42, "v20.20.2", "main")
    assert s.timers[0] == s.immediates[0] == s.ticks[0] == s.pool[0] == 1
    assert s.pool_by_type == (("FSREQCALLBACK", 1),)
    # .then() on a promise that settled before the reaction was made: the reaction waits for
    # the parent's resolve, which came first, so it is not counted (the hooks cannot say more).
    assert s.immediates[1][0].site == "/a.js:2:1"


def test_a_reaction_is_queued_when_its_parent_settles_and_leaves_when_it_runs():
    events = _events("i\t1\t2\tPROMISE\t1\t1\t1\tPromise\t/a.js:1:1",
                     "i\t2\t3\tPROMISE\t2\t1\t0\tthen\t/a.js:1:30")
    st = replay(events)
    assert st.snapshot().microtasks[0] == 0
    for e in Decoder().feed("r\t3\t2"):
        st.apply(e)
    assert st.snapshot().microtasks[0] == 1
    for e in _events("b\t4\t3"):
        st.apply(e)
    snap = st.snapshot()
    assert snap.microtasks[0] == 0 and snap.running.id == 3


def test_callbacks_empty_their_queues_and_set_the_inferred_phase():
    st = replay(_events(*MAIN, "b\t20\t4", "a\t21\t4", "b\t30\t5", "a\t31\t5", "b\t40\t3"))
    s = st.snapshot()
    assert s.ticks[0] == 0 and s.pool[0] == 0 and s.immediates[0] == 0
    assert s.phase == "check" and s.running.op == "Immediate" and s.callbacks == 3
    assert dict(s.callbacks_by_kind) == {"nextTick": 1, "pool": 1, "immediate": 1}


def test_replay_up_to_an_event_is_the_state_then():
    events = _events(*MAIN, "b\t20\t4", "a\t21\t4")
    assert replay(events, upto=len(events) - 2).snapshot().ticks[0] == 1
    assert replay(events).snapshot().ticks[0] == 0


@needs_node
def test_a_real_run_ends_with_empty_queues_and_its_exit_code():
    st = RealState()
    run = NodeRun(probe_command(find_node(), [], [str(CONFORMANCE / "readfile_sequence.js")]),
                  on_event=st.apply, stdout=open("/dev/null", "w"))
    with run:
        run.start()
        run.wait()
    s = st.snapshot()
    assert s.exit_code == 0 and s.pool[0] == 0 and s.ticks[0] == 0 and s.immediates[0] == 0
    assert dict(s.callbacks_by_kind)["pool"] >= 4
