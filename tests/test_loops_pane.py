"""Several loops in one process: the loop pane lists them all and shows the selected one in full;
the pool pane, the log and the timeline say which loop a job came from."""

import pytest
from textual.app import App

from test_pane_labels import broken, screen_lines
from tui.core import events as E
from tui.core.describe import describe, who
from tui.core.ops import NodeAPI
from tui.core.runtime import Runtime
from tui.core.snapshot import Item, LoopThread, thread_name
from widgets.loop_view import LoopView
from widgets.style import chip
from widgets.timeline import Timeline, TimelineRecorder


def three_loops(states=("online", "online", "online")) -> tuple[LoopThread, ...]:
    """Three independent model loops standing in for main, Worker 1 and Worker 2."""
    out = []
    for th, state in enumerate(states):
        rt = Runtime(4)
        api = NodeAPI(rt)

        def main(api=api, th=th):
            api.set_timeout(10)
            if th == 1:
                api.block(800)
            api.pbkdf2(1000)

        rt.start(main)
        rt.run(max_steps=3 + th)
        out.append(LoopThread(th, thread_name(th), rt.snapshot(), state=state, tid=1000 + th))
    return tuple(out)


class One(App):
    def __init__(self, widget):
        super().__init__()
        self.widget = widget

    def compose(self):
        yield self.widget


async def lines_of(loops, selected_loop, size=(80, 24)):
    view = LoopView()
    async with One(view).run_test(size=size) as pilot:
        view.show(loops[0].snap, None, loops, selected_loop)
        await pilot.pause()
        return screen_lines(view)


@pytest.mark.parametrize("size", [(80, 24), (120, 40), (200, 50)], ids=lambda s: f"{s[0]}x{s[1]}")
async def test_every_loop_on_a_line_and_the_selected_one_in_full(size):
    loops = three_loops()
    lines = await lines_of(loops, 1, size)
    assert [line[:10] for line in lines[:3]] == [" main     ", "▸Worker 1 ", " Worker 2 "]
    assert "uv_now 800 ms" in "\n".join(lines)  # Worker 1's loop in full: it blocked 800 ms
    assert any(line.startswith(" empty:") for line in lines)  # its empty queues folded into one line
    assert len([line for line in lines if line.strip()]) <= 10  # fits the loop pane at 80x24
    assert broken(lines) == []


async def test_one_loop_draws_as_before():
    loops = three_loops()
    view = LoopView()
    async with One(view).run_test(size=(80, 24)) as pilot:
        view.show(loops[0].snap, None, loops[:1], 0)
        await pilot.pause()
        lines = screen_lines(view)
    assert lines[0].lstrip().startswith("timers ›")
    assert [line.split()[0] for line in lines[3:10]] == ["timers", "pending", "poll", "check", "close", "nextTick",
                                                         "microtasks"]


async def test_a_worker_not_online_yet_says_so():
    loops = three_loops(("online", "online", "starting"))
    lines = await lines_of(loops, 2)
    assert lines[2].startswith(" Worker 2  starting") or lines[2].startswith("▸Worker 2  starting")
    assert "Worker 2 is starting" in "\n".join(lines)


def test_a_job_chip_names_the_worker_that_submitted_it():
    assert chip("pbkdf2 1,000 iterations", 7, False, 40, thread=2).plain.strip().startswith("W2 #7 pbkdf2")
    assert chip("pbkdf2 1,000 iterations", 7, False, 40).plain.strip().startswith("#7 pbkdf2")
    assert Item("x").thread == 0


def ev(*args, thread=None):
    """An event of the loop `thread` (None: the main thread's)."""
    return E.Event(*args, thread=thread)


def test_log_lines_name_the_thread():
    loop_cb = ev(1, 5.0, E.CALLBACK, 3, None, "setTimeout", None, "timers", thread=2)
    assert who(loop_cb) == "Worker 2"
    start = ev(2, 5.0, E.START, 3, 9, "crypto.pbkdf2", 1, thread=2)
    assert who(start) == "pool w1" and describe(start) == "start    job 9 crypto.pbkdf2 (W2 #3)"
    main = E.Event(3, 5.0, E.START, 3, 9, "crypto.pbkdf2", 1)
    assert who(E.Event(4, 1.0, E.CALLBACK, 1, None, "x", None, "poll")) == "loop"
    assert describe(main) == "start    job 9 crypto.pbkdf2 (#3)"


async def test_timeline_labels_a_workers_job_with_its_loop():
    rec = TimelineRecorder()
    rec.started(0, 7, 1, "crypto.pbkdf2", 0.0, 2)
    rec.started(1, 8, 2, "crypto.pbkdf2", 0.0)
    view = Timeline()
    async with One(view).run_test(size=(80, 10)) as pilot:
        view.show(rec, 100.0, 100.0, 2, None)
        await pilot.pause()
        lines = screen_lines(view)
    assert "W2#7" in lines[1] and "#8" in lines[2] and "W" not in lines[2].replace("w1", "")
