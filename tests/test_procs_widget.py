"""The process pane in a minimal app, fed fake snapshots (and once, the real scanner)."""

from __future__ import annotations

import os
import time

import pytest

from textual.app import App, ComposeResult

from procs_helpers import proc, result, snapshot, thread
from widgets.proc_tree import ProcLines, ProcTree

SELF = 30


def base_procs(extra=()):
    return [proc(1, 0, "init"), proc(10, 1, "sh"),
            proc(20, 10, "node", threads=3, node=True, cmdline=("node", "server.js")),
            proc(SELF, 10, "ptview", threads=2), proc(40, 1, "other"), *extra]


def base_threads():
    return {SELF: [thread(SELF, SELF, "ptview"), thread(31, SELF, "ptview-pool-0", "ptview pool")],
            20: [thread(20, 20, "node", "main"), thread(21, 20, "node", "delayed tasks", True),
                 thread(22, 20, "node", "V8 platform", True)]}


class PaneApp(App):
    def compose(self) -> ComposeResult:
        yield ProcTree(autostart=False, self_pid=SELF)


def ids(tree: ProcTree):
    return [r.id for r in tree.query_one(ProcLines).rows]


async def start(pilot):
    tree = pilot.app.query_one(ProcTree)
    first = snapshot(base_procs(), base_threads())
    tree.feed(result(None, first))
    tree.query_one(ProcLines).focus()
    await pilot.pause()
    return tree, first


async def test_starts_on_its_own_process_expanded_and_keys_move_and_fold():
    app = PaneApp()
    async with app.run_test(size=(80, 24)) as pilot:
        tree, _ = await start(pilot)
        assert tree.selected == (SELF, None)
        assert ("t", 31) in ids(tree)
        assert tree._wanted == frozenset({SELF})
        await pilot.press("down")
        assert tree.selected == (SELF, SELF)
        await pilot.press("left")  # from a thread: up to its process
        assert tree.selected == (SELF, None)
        await pilot.press("left")  # hide the threads
        assert ("t", 31) not in ids(tree) and tree._wanted == frozenset()
        await pilot.press("right")
        assert ("t", 31) in ids(tree)
        await pilot.press("up", "up")  # past node (20, collapsed) to sh
        assert tree.selected == (10, None)
        await pilot.press("left")  # fold sh's children
        assert ("p", 20) not in ids(tree) and ("p", SELF) not in ids(tree)
        await pilot.press("right")
        assert ("p", SELF) in ids(tree)
        await pilot.press("T")
        assert tree._wanted is None  # every process's threads
        await pilot.press("C")
        assert not any(kind == "t" for kind, _ in ids(tree))


async def test_selection_follows_the_pid_across_refreshes_and_exits():
    app = PaneApp()
    async with app.run_test(size=(80, 24)) as pilot:
        tree, first = await start(pilot)
        lines = tree.query_one(ProcLines)
        before = lines.cursor
        # A new process sorts in above the selection: the cursor moves with the row.
        second = snapshot(base_procs([proc(5, 1, "newcomer")]), base_threads(), t=1.0)
        tree.feed(result(first, second))
        await pilot.pause()
        assert tree.selected == (SELF, None)
        assert lines.cursor == before + 1
        assert tree.select(20)
        assert tree.selected == (20, None)
        # node exits: its row goes, the selection falls back to its parent.
        third = snapshot([p for p in base_procs([proc(5, 1, "newcomer")]) if p.pid != 20],
                         {SELF: base_threads()[SELF]}, t=2.0)
        tree.feed(result(second, third))
        await pilot.pause()
        assert ("p", 20) not in ids(tree)
        assert tree.selected == (10, None)


async def test_without_follow_the_cursor_keeps_its_place():
    app = PaneApp()
    async with app.run_test(size=(80, 24)) as pilot:
        tree, first = await start(pilot)
        await pilot.press("F")
        assert not tree.follow
        cursor = tree.query_one(ProcLines).cursor
        second = snapshot(base_procs([proc(5, 1, "newcomer")]), base_threads(), t=1.0)
        tree.feed(result(first, second))
        await pilot.pause()
        assert tree.query_one(ProcLines).cursor == cursor
        assert tree.selected != (SELF, None)


async def test_filter_shows_matches_with_their_ancestors():
    app = PaneApp()
    async with app.run_test(size=(80, 24)) as pilot:
        tree, _ = await start(pilot)
        await pilot.press("slash", *"server", "enter")
        assert ids(tree) == [("p", 1), ("p", 10), ("p", 20)]
        assert tree.selected[0] in (1, 10, 20)
        await pilot.press("slash", "escape")
        assert ("p", 40) in ids(tree) and ("t", 31) in ids(tree)


async def test_filter_by_thread_role_after_showing_all_threads():
    app = PaneApp()
    async with app.run_test(size=(80, 24)) as pilot:
        tree, _ = await start(pilot)
        await pilot.press("T", "slash", *"V8", "enter")
        assert ids(tree) == [("p", 1), ("p", 10), ("p", 20), ("t", 22)]


async def test_pause_ignores_new_scans_and_highlight_marks_threads():
    app = PaneApp()
    async with app.run_test(size=(80, 24)) as pilot:
        tree, first = await start(pilot)
        await pilot.press("P")
        assert tree.paused
        tree.post_message(ProcTree.Scanned(result(first, snapshot(base_procs([proc(5, 1, "x")]), t=1.0))))
        await pilot.pause()
        assert ("p", 5) not in ids(tree)
        await pilot.press("P")
        assert not tree.paused
        tree.highlight_tids([31])
        lines = tree.query_one(ProcLines)
        row = ids(tree).index(("t", 31))
        plain = lines.render_line(row - lines.scroll_offset.y)
        other = lines.render_line(ids(tree).index(("p", 40)) - lines.scroll_offset.y)
        assert "ptview-pool-0" in plain.text and "ptview pool" in plain.text
        assert plain._segments[-1].style.bgcolor != other._segments[-1].style.bgcolor


class RealApp(App):
    def compose(self) -> ComposeResult:
        yield ProcTree(refresh_interval=0.05)


@pytest.mark.skipif(not os.path.isdir("/proc/self/task"), reason="thread names need Linux /proc")
async def test_real_scans_arrive_and_the_thread_is_joined_on_exit():
    app = RealApp()
    async with app.run_test(size=(80, 24)) as pilot:
        tree = app.query_one(ProcTree)
        deadline = time.monotonic() + 10
        while ("p", os.getpid()) not in ids(tree) and time.monotonic() < deadline:
            await pilot.pause(0.05)
        assert tree.selected == (os.getpid(), None)
        scan_thread = tree._thread
        assert scan_thread is not None and scan_thread.is_alive()
        # The scanning thread names itself, so it shows up in its own pane.
        while not any(r.thread and r.thread.name == "ptview-scan" for r in tree.query_one(ProcLines).rows):
            assert time.monotonic() < deadline
            await pilot.pause(0.05)
    assert not scan_thread.is_alive()


async def test_keys_typed_fast_after_slash_reach_the_filter():
    from textual import events

    app = PaneApp()
    async with app.run_test(size=(80, 24)) as pilot:
        tree, _ = await start(pilot)
        # As a paste or tmux send-keys delivers them: all queued before "/" is handled.
        for key, char in [("slash", "/"), ("o", "o"), ("t", "t"), ("h", "h")]:
            app.post_message(events.Key(key, char))
        await pilot.pause()
        await pilot.press("enter")
        assert tree._view.filter == "oth"
        assert ids(tree) == [("p", 1), ("p", 40)]
        assert not tree._view.all_threads  # the "t" was text, not the all-threads key
        await pilot.press("slash", *"zzz", "enter")
        assert ids(tree) == []
        assert "nothing matches" in tree.query_one(ProcLines).render_line(0).text


async def test_select_a_thread_that_the_next_scan_brings():
    app = PaneApp()
    async with app.run_test(size=(80, 24)) as pilot:
        tree, _ = await start(pilot)
        # As the scanner would: node (20) is not expanded, so its threads were not read.
        first = snapshot(base_procs(), {SELF: base_threads()[SELF]}, t=0.5)
        tree.feed(result(None, first))
        await pilot.pause()
        assert not tree.select(20, 21)
        assert 20 in tree.threads_wanted
        assert tree.selected == (20, None)
        second = snapshot(base_procs(), base_threads(), t=1.0)
        tree.feed(result(first, second))
        await pilot.pause()
        assert tree.selected == (20, 21)


async def test_a_changed_cpu_figure_repaints_its_cells_only():
    """Idle cost at 200x50: a CPU % that changes must not resend its line, nor the line up to
    it (tui/span_update.py sends a region from its first cell)."""
    app = PaneApp()
    async with app.run_test(size=(80, 24)) as pilot:
        tree, first = await start(pilot)
        lines = tree.query_one(ProcLines)
        regions = []
        real_refresh = lines.refresh
        lines.refresh = lambda *r, **kw: (regions.extend(r), real_refresh(*r, **kw))[1]
        busy = [proc(40, 1, "other", cpu=12.5) if p.pid == 40 else p for p in base_procs()]
        tree.feed(result(first, snapshot(busy, base_threads())))
        row = next(i for i, r in enumerate(lines.rows) if r.id == ("p", 40))
        # "     40 S   0.0" -> "     40 S  12.5": cells 11-14, "12.5" (the "." stays, but
        # between two that change)
        assert [(r.y, r.x, r.width) for r in regions] == [(row - lines.scroll_offset.y, 11, 4)]
        regions.clear()
        renamed = [proc(40, 1, "other2", cpu=12.5) if p.pid == 40 else p for p in base_procs()]
        tree.feed(result(first, snapshot(renamed, base_threads())))
        text = "".join(t for t, _ in lines._parts(lines.rows[row]))
        # the name changed at its end: that cell only
        assert [(r.x, r.width) for r in regions] == [(text.index("other2") + 5, 1)]


@pytest.mark.parametrize("width", [52, 60, 80])  # 52: the tree pane of a 142x44 browser
async def test_a_deep_branch_keeps_16_columns_of_name_by_squeezing_its_guides(width):
    from widgets.proc_tree import NAME_ROOM

    depth = 24
    chain = [proc(1, 0, "init")] + [proc(100 + i, 100 + i - 1 if i else 1, f"level-{i:02d}-process-name")
                                    for i in range(depth)]
    deepest = 100 + depth - 1
    chain[-1] = proc(deepest, deepest - 1, f"level-{depth - 1:02d}-process-name", threads=2)
    threads = {deepest: [thread(deepest, deepest, "deep-main-thread"), thread(9999, deepest, "deep-worker-one")]}
    class DeepApp(App):
        def compose(self) -> ComposeResult:
            yield ProcTree(autostart=False, self_pid=deepest)  # expanded: its threads are rows

    app = DeepApp()
    async with app.run_test(size=(width, 40)) as pilot:
        tree = app.query_one(ProcTree)
        tree.feed(result(None, snapshot(chain, threads, self_pid=deepest)))
        await pilot.pause()
        lines = tree.query_one(ProcLines)
        texts = [lines.render_line(y).text for y in range(lines.size.height)]
        for row_text, name in [(t, n) for t in texts for n in
                               [f"level-{i:02d}-process-name" for i in range(depth)] + ["{deep-main-thread}"]
                               if n[:9] in t]:
            assert name[:NAME_ROOM] in row_text, (width, row_text)
        assert any("level-23" in t for t in texts) and any("{deep-worker-one" in t for t in texts)
