"""Workers in the app: keys, every loop in the loop pane, the pool's jobs marked by loop, the
Worker threads in the process pane; snapshots with two Workers; nothing left after quitting."""

import os
import time

import pytest

from procs_helpers import proc, result, snapshot, thread
from test_pane_labels import SIZES, broken, screen_lines
from tui.app import PtviewApp
from widgets.loop_view import LoopView
from widgets.pool_view import PoolView
from widgets.proc_tree import ProcTree

ME = 300


def fixed_tree() -> ProcTree:
    return ProcTree(autostart=False, self_pid=ME, id="proctree")


def feed_tree(app) -> None:
    """ptview itself as the pane would see it live with two Workers: its pool and Worker threads."""
    names = ["python", "ptview-pool-0", "ptview-pool-1", "ptview-pool-2", "ptview-pool-3", "ptview-worker-1",
             "ptview-worker-2", "ptview-scan"]
    roles = [None, *["ptview pool"] * 4, "Worker", "Worker", None]
    procs = [proc(1, 0, "init"), proc(200, 1, "bash"),
             proc(ME, 200, "python", threads=len(names), cmdline=("python", "-m", "tui"))]
    threads = {ME: [thread(ME + i, ME, n, r) for i, (n, r) in enumerate(zip(names, roles))]}
    app.query_one(ProcTree).feed(result(None, snapshot(procs, threads, self_pid=ME)))


def make_app(**kw) -> PtviewApp:
    kw.setdefault("autoplay", False)
    kw.setdefault("seed", 1)
    return PtviewApp(**kw)


async def two_workers(pilot):
    """Two Workers; Worker 1 hashes on the shared pool beside the main thread's hashes; Worker 2
    blocks its own loop; the main loop goes on."""
    app = pilot.app
    if app.query(ProcTree):
        feed_tree(app)
    app.fire_worker("new")
    app.fire_worker("new")
    app.driver.advance(50)
    app.selected_loop = 1
    app.fire_worker("pbkdf2")
    app.fire("pbkdf2", 750_000, count=3)
    app.selected_loop = 2
    app.fire_worker("block")
    app.driver.advance(300)
    app.render_model()
    await pilot.pause()


@pytest.mark.parametrize("size", [(80, 24), (200, 50)])
def test_two_workers(snap_compare, size):
    app = make_app(proc_pane=fixed_tree())
    assert snap_compare(app, terminal_size=size, run_before=two_workers)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_no_line_of_the_loop_and_pool_panes_breaks_a_label_with_two_workers(size):
    app = make_app(proc_pane=fixed_tree())
    async with app.run_test(size=size) as pilot:
        await two_workers(pilot)
        loop = screen_lines(app.query_one(LoopView))
        pool = screen_lines(app.query_one(PoolView))
        for name, lines in (("loop", loop), ("pool", pool)):
            assert broken(lines) == [], f"{name} pane at {size}: {lines}"
        # every loop on a line of its own, Worker 2's shown in full: it is blocked, the main loop is not
        assert [line[:9].strip(" ▸") for line in loop[:3]] == ["main", "Worker 1", "Worker 2"]
        assert loop[2].startswith("▸Worker 2") and "▶ running  'message': block 2000 ms" in "\n".join(loop)
        # the pool's rows and queue say which loop each job came from
        text = "\n".join(pool)
        assert "W1 #1 pbkdf2" in text and text.count("W1 #") == 1
        assert app.query_one("#loop").border_title == "Event loops · 3 threads (L: next)"


async def test_keys_start_workers_post_to_them_cycle_loops_and_terminate():
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("p")  # no Worker yet: a notice, nothing fired
        await pilot.pause()
        assert app.rt.tasks == {} and not app.api.workers.alive()
        await pilot.press("W")
        app.driver.advance(100)
        w1 = app.api.workers.last
        assert w1.state == "online" and app.selected_loop == 1
        assert app.task_of(app.selected).result.startswith("Worker 1 online after")
        await pilot.press("p")
        app.driver.advance(10)
        assert app.task_of(app.selected).result.startswith("Worker 1 answered after")
        await pilot.press("W")
        app.driver.advance(100)
        assert app.selected_loop == 2
        await pilot.press("L")
        assert app.selected_loop == 0
        await pilot.press("L")
        assert app.selected_loop == 1
        await pilot.press("u")  # Worker 1 blocks its loop; a timer on the main loop still runs on time
        app.fire("timeout", 20)
        app.driver.advance(100)
        timer = app.task_of(app.selected)
        assert timer.finished and timer.t_end - timer.t_submit < 25
        block = next(t for t in app.rt.tasks.values() if "block its loop" in t.label)
        assert not block.finished
        await pilot.press("K")  # terminate Worker 1: its pending answer never comes
        app.driver.advance(10)
        app.render_model()
        await pilot.pause()
        assert block.finished and block.error.code == "ERR_WORKER_EXITED"
        assert [w.n for w in app.api.workers.alive()] == [2] and app.selected_loop == 0
        assert 1 not in app.rt.threads


async def test_step_walks_a_message_to_a_worker_and_back_one_callback_a_press():
    # `.` runs the next callback of any loop: the key on the main loop, the Worker's 'message',
    # the main thread's 'message' with the answer; then the main loop goes back to epoll
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("W")
        app.driver.advance(100)
        await pilot.press("space", "p")
        shown = []
        for _ in range(3):
            added = app.log_lines.added
            await pilot.press("full_stop")
            lines = list(app.log_lines.lines)
            shown.append([line[1:3] for line in lines[len(lines) - (app.log_lines.added - added):]])
        assert shown == [
            [("loop", "callback [poll] tty.keypress"), ("loop", "fire     #2 postMessage → Worker 1")],
            [("Worker 1", "callback [poll] worker.message")],
            [("loop", "callback [poll] worker.message (Node internal)"),
             ("loop", "callback [poll] #2 worker.postMessage → Worker 1 answered after 0.0 ms: echo")],
        ]


def _chip_reversed(text, label: str) -> bool:
    """Whether the chip that says `label` in a pane's line is drawn reversed (selected)."""
    plain = text.plain
    spans = [s for s in text.spans if label in plain[s.start:s.end]]
    styles = [str(s.style) for s in spans] or ([str(text.style)] if label in plain else [])
    assert styles, f"{label!r} not in {plain!r}"
    return any("reverse" in st for st in styles)


async def test_a_workers_job_is_selected_lit_detailed_explained_and_cancelled_as_W1_1():
    # Task ids are per loop: Worker 1's pbkdf2 is W1 #1 beside the main thread's #1; [ and ] walk
    # every loop's tasks, in the order they were submitted.
    from tui.core.tasks import TaskRef
    from tui.screens.task_details import TaskDetails
    from tui.screens.why import WhyScreen

    app = make_app(pool_size=1)
    async with app.run_test(size=(120, 40)) as pilot:
        app.fire("pbkdf2", 750_000)       # main #1 holds the pool's one thread
        await pilot.press("W")            # main #2
        app.driver.advance(100)
        await pilot.press("j")            # main #3 posts the job; Worker 1's pbkdf2 (W1 #1) queues
        app.driver.advance(5)
        assert app.selected == TaskRef(0, 3)
        await pilot.press("right_square_bracket")
        assert app.selected == TaskRef(1, 1) and app.task_of(app.selected).state == "queued"
        await pilot.pause()
        pool = app.query_one(PoolView)
        snap = pool.snap
        queue = pool._queue_line(" queue", snap.queue, snap.queue_len)
        assert _chip_reversed(queue, "W1 #1 pbkdf2")                         # lit in the pool's FIFO
        assert not _chip_reversed(pool._worker_row(pool.snap.workers[0], snap.t)[1], "#1 pbkdf2")  # main's #1 not
        status = str(app.query_one("#status").render())
        assert "│ W1 #1 crypto.pbkdf2 750,000 iterations (queued)" in status
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, TaskDetails)
        title = str(app.screen.query_one("#title").render())
        assert title == "W1 #1 crypto.pbkdf2 750,000 iterations — queued — Worker 1's loop"
        assert "submitted: crypto.pbkdf2 750,000 iterations" in str(app.screen.query_one("#life").render())
        await pilot.press("x")            # uv_cancel from Worker 1's loop: still queued
        await pilot.pause()
        await pilot.press("escape")
        app.driver.advance(5)
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, WhyScreen)
        assert app.screen.title_text == "W1 #1 crypto.pbkdf2 750,000 iterations"
        assert [r for r, _ in app.screen.rules][:1] == ["crypto.pool"]
        assert any(first.startswith("cancel crypto.pbkdf2") for _, first in app.screen.rules)
        await pilot.press("escape")
        task = app.task_of(TaskRef(1, 1))
        assert task.state == "cancelled" and task.error.code == "ECANCELED" and task.phase == "poll"
        answer = app.task_of(TaskRef(0, 3))
        assert answer.finished and answer.result.endswith("pbkdf2 failed: ECANCELED")
        await pilot.press("left_square_bracket")   # the main thread's tasks keep their labels
        assert app.selected == TaskRef(0, 3)
        assert "│ #3 Worker 1: crypto.pbkdf2 750,000 iterations (done)" in str(app.query_one("#status").render())


async def test_burst_after_j_sends_four_more_jobs_from_the_worker():
    app = make_app(pool_size=2)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("W")
        app.driver.advance(100)
        await pilot.press("j")
        await pilot.press("b")
        app.driver.advance(5)
        pool = app.rt.pool
        assert pool.submitted == 5 and {w.job.thread for w in pool.workers if w.job} == {1}
        assert len(pool.wq) == 3 and all(j.thread == 1 for j in pool.wq)


async def test_workers_are_bounded_with_a_one_line_notice():
    from tui.core.worker_ops import MAX_SIM_WORKERS

    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        app.fire_worker("new", count=MAX_SIM_WORKERS)
        app.driver.advance(100)
        notices = []
        app.notify = lambda msg, **kw: notices.append(msg)
        await pilot.press("W")
        assert notices == [f"ptview models at most {MAX_SIM_WORKERS} Workers at once: K terminates the selected one"]
        assert len(app.api.workers.alive()) == MAX_SIM_WORKERS


def _worker_threads() -> list[int]:
    out = []
    for tid in os.listdir("/proc/self/task"):
        try:
            with open(f"/proc/self/task/{tid}/comm") as f:
                if f.read().startswith("ptview-worker-"):
                    out.append(int(tid))
        except OSError:
            pass
    return out


async def test_live_workers_are_real_threads_lit_in_the_tree_and_joined_when_the_app_quits():
    app = PtviewApp(live=True, autoplay=False, pool_size=2)
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.press("W")
        await pilot.press("W")
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and len([w for w in app.api.workers.alive() if w.state == "online"]) < 2:
            app.driver.advance(10)
            await pilot.pause(0.01)
        tids = [w.tid for w in app.api.workers.alive()]
        assert sorted(_worker_threads()) == sorted(tids)
        await pilot.press("u")  # Worker 2's thread really busy (CPU) when q comes
        app.driver.advance(10)
        app.render_model()
        assert app.query_one(ProcTree)._lines.highlight == frozenset({tids[1]})  # the selected loop's thread
        await pilot.press("q")
    assert _worker_threads() == []


async def test_a_scripts_workers_show_in_the_loop_pane(tmp_path):
    """`ptview SCRIPT.js`: the Workers a script starts are loops of the process too (L selects one)."""
    from tui.core.script.session import ScriptSession

    script = tmp_path / "w.js"
    script.write_text("const { Worker } = require('worker_threads');\n"
                      "const w = new Worker(\"setTimeout(() => {}, 50); require('fs').stat('/', () => {});\", "
                      "{ eval: true });\nw.on('exit', () => console.log('exit'));\n")
    app = PtviewApp(session=ScriptSession.from_file(str(script)), autoplay=False)
    async with app.run_test(size=(100, 30)) as pilot:
        for _ in range(40):
            app.driver.step()
            app.render_model()
            await pilot.pause()
            lines = screen_lines(app.query_one(LoopView))
            if lines[1].startswith(" Worker 1  ") and "starting" not in lines[1]:
                break
        assert lines[0].startswith("▸main") and lines[1].startswith(" Worker 1  "), lines
        await pilot.press("L")
        app.render_model()
        await pilot.pause()
        assert screen_lines(app.query_one(LoopView))[1].startswith("▸Worker 1")
