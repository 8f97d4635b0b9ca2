"""A single step (`.`, sim) runs one callback on whichever loop of the process is next in model
time — the main thread's or a Worker's — or stops at a pool worker's event (tui/core/driver.py);
what only moves a loop between phases or hands a message over shows nothing and is no step. A
script's step is one JS callback on any loop of the run (tui/core/script/session.py)."""

from __future__ import annotations

import os

from tui.core.callbacks import Callback
from tui.core.driver import SimDriver
from tui.core.ops import NodeAPI
from tui.core.runtime import Runtime
from tui.core.sim_work import SimWork


def sim():
    rt = Runtime(4, work=SimWork(1))
    api = NodeAPI(rt)
    rt.loop.active_handles += 1  # the app's TTY handle
    rt.start(None)
    return rt, api, SimDriver(rt, paused=True)


def key(rt, fn) -> None:
    """What the app does with a key: a callback in the main loop's poll phase."""
    rt.loop.io_ready_now(Callback(fn, "key", op="tty.keypress", cost=rt.work.cost("callback")))


def steps(rt, driver, n: int) -> list[list[tuple]]:
    """What each of `n` steps ran: (thread, op, detail) of its callbacks and pool events."""
    out = []
    seen = rt.events.count
    for _ in range(n):
        assert driver.step()
        out.append([(e.thread or 0, e.op, e.detail) for e in rt.events.since(seen)
                    if e.ev in ("callback", "start", "done")])
        seen = rt.events.count
    return out


def online(rt, api, driver, n: int = 1) -> None:
    key(rt, lambda: [api.workers.new() for _ in range(n)])
    driver.paused = False
    driver.advance(100)
    driver.paused = True
    assert [w.state for w in api.workers.alive()] == ["online"] * n


def test_a_step_runs_the_next_callback_of_any_loop_a_message_there_and_back_in_three():
    rt, api, d = sim()
    online(rt, api, d)
    key(rt, lambda: api.workers.post(api.workers.last, ("echo", None)))   # the app's p
    assert steps(rt, d, 3) == [
        [(0, "tty.keypress", None)],                                      # main: the key, postMessage
        [(1, "worker.message", None)],                                    # Worker 1: parentPort 'message'
        [(0, "worker.message", "internal"), (0, "worker.postMessage", "user")],   # main: the answer
    ]


def test_messages_to_six_workers_and_back_one_callback_a_step_in_model_time():
    rt, api, d = sim()
    online(rt, api, d, 6)
    key(rt, lambda: [api.workers.post(w, ("echo", None)) for w in api.workers.alive()])
    ran = steps(rt, d, 13)
    assert ran[0] == [(0, "tty.keypress", None)]
    assert ran[1:7] == [[(n, "worker.message", None)] for n in range(1, 7)]
    assert ran[7:] == [[(0, "worker.message", "internal"), (0, "worker.postMessage", "user")]] * 6


def test_a_workers_pool_job_a_step_at_each_event_on_its_way():
    rt, api, d = sim()
    online(rt, api, d)
    key(rt, lambda: api.workers.post(api.workers.last, ("pbkdf2", 1000)))  # the app's j
    assert steps(rt, d, 5) == [
        [(0, "tty.keypress", None)],
        [(1, "worker.message", None), (1, "crypto.pbkdf2", None)],      # its job taken at once
        [(1, "crypto.pbkdf2", None)],                                     # done on its pool worker
        [(1, "crypto.pbkdf2", "internal"), (1, "crypto.pbkdf2", "user")],  # back in Worker 1's poll
        [(0, "worker.message", "internal"), (0, "worker.postMessage", "user")],
    ]


PHASES = os.path.join(os.path.dirname(__file__), "conformance", "worker_own_event_loop_phases.js")


def test_a_scripts_step_is_one_js_callback_on_any_loop_with_a_workers_lines_lit():
    from tui.core.script.session import ScriptSession

    session = ScriptSession.from_file(PHASES)   # new Worker(__filename): the Worker runs this file too
    ran = []
    while session.step():
        w = session.where
        ran.append((w.thread, w.label.replace(PHASES, "FILE"), w.phase, w.queue, w.line))
    assert session.exit_code == 0 and session.position == len(ran) == 16
    assert ran == [
        (0, "main module", "main", None, None),
        (0, "process.nextTick", "main", "nextTick", None),      # node's own, after the main module
        (1, "worker internal port", "poll", None, None),        # LOAD_SCRIPT: the Worker's script runs
        (0, "Worker 1 internal port", "poll", None, None),      # its first console.log reaches main
        (1, "process.nextTick", "poll", "nextTick", 15),        # the Worker's own queues, in node's order
        (1, "promise job", "poll", "microtask", 16),
        (1, "promise job", "poll", "microtask", None),
        (1, "setImmediate", "check", None, 18),
        (1, "fs.readFile FILE", "poll", None, 19),
        (1, "process.nextTick", "poll", "nextTick", 23),
        (1, "setImmediate", "check", None, 22),
        (1, "setTimeout 1 ms", "timers", None, 21),
        (0, "thread 1 exited", "poll", None, None),             # 'exit' on the main thread
        (0, "process.nextTick", "poll", "nextTick", None),
        (0, "process.nextTick", "poll", "nextTick", None),
        (0, "Worker 1 port 'close'", "close", None, None),
    ]


async def test_the_script_app_steps_into_a_workers_callback_and_lights_its_line():
    from tui.app import PtviewApp
    from tui.core.script.session import ScriptSession
    from widgets.code_view import CodeView

    app = PtviewApp(session=ScriptSession.from_file(PHASES), autoplay=False)
    async with app.run_test(size=(160, 44)) as pilot:
        for _ in range(5):
            await pilot.press("full_stop")
        await pilot.pause()
        assert "│ Worker 1: process.nextTick (poll)" in str(app.query_one("#status").render())
        assert app.query_one(CodeView).span == (15, 15)   # process.nextTick(() => console.log('3 nextTick'))
        await pilot.press("comma")                        # back: a replay, one step fewer
        await pilot.pause()
        assert app.session.position == 4 and app.session.where.thread == 0
