"""What the process pane costs while processes come and go (issue 15: bytes under churn, idle CPU).

The pane repaints only the lines whose text changed: a process that starts or ends
above the cursor keeps the cursor's row on its screen line, a count that changes
neither repaints every line nor lays the pane out, and the scanner reads the
rows in view each pass and the others every few passes.
"""

from __future__ import annotations

import dataclasses
import os
import time

from textual.app import App, ComposeResult

import tui.core.procs.scanner as scanner_mod
from procs_helpers import proc, result, snapshot, thread
from tui.core.procs.scanner import Scanner
from widgets.proc_tree import FULL_SCAN_EVERY, ProcLines, ProcTree

SELF = 150


def many_procs(extra=(), drop=()):
    """init with sixty children (100..159), ptview (150) among them with two threads."""
    procs = [proc(1, 0, "init")]
    for pid in range(100, 160):
        if pid in drop:
            continue
        procs.append(proc(pid, 1, "ptview", threads=2) if pid == SELF else proc(pid, 1, f"worker{pid}"))
    return sorted(procs + list(extra), key=lambda p: p.pid)


THREADS = {SELF: [thread(SELF, SELF, "ptview"), thread(SELF + 1000, SELF, "ptview-pool-0", "ptview pool")]}


class TreeApp(App):
    def compose(self) -> ComposeResult:
        yield ProcTree(autostart=False, self_pid=SELF)


def record_refreshes(widget):
    """Every refresh of `widget`: its regions ([] for the whole widget) and keywords."""
    calls = []
    real = widget.refresh
    widget.refresh = lambda *r, **kw: (calls.append((list(r), kw)), real(*r, **kw))[1]
    return calls


async def shown(pilot, procs):
    tree = pilot.app.query_one(ProcTree)
    first = snapshot(procs, THREADS)
    tree.feed(result(None, first))
    await pilot.pause()
    return tree, tree.query_one(ProcLines), first


def screen_line_of_cursor(lines: ProcLines) -> int:
    return lines.cursor - lines.scroll_offset.y


async def test_a_process_starting_above_the_view_repaints_no_line_and_keeps_the_cursor_in_place():
    app = TreeApp()
    async with app.run_test(size=(80, 24)) as pilot:
        tree, lines, first = await shown(pilot, many_procs(drop=(101,)))
        assert tree.selected == (SELF, None) and lines.scroll_offset.y > 0  # scrolled down to ptview
        line, top = screen_line_of_cursor(lines), lines.scroll_offset.y
        calls = record_refreshes(lines)
        tree.feed(result(first, snapshot(many_procs(), THREADS)))  # pid 101 starts, far above
        await pilot.pause()
        assert tree.selected == (SELF, None)
        assert screen_line_of_cursor(lines) == line and lines.scroll_offset.y == top + 1
        assert calls == []  # every line on screen shows what it showed


async def test_a_process_ending_in_view_repaints_the_lines_from_it_to_the_cursor_only():
    app = TreeApp()
    async with app.run_test(size=(80, 24)) as pilot:
        tree, lines, first = await shown(pilot, many_procs())
        line = screen_line_of_cursor(lines)
        gone = SELF - 3  # on screen, three rows above ptview
        calls = record_refreshes(lines)
        tree.feed(result(first, snapshot(many_procs(drop=(gone,)), THREADS)))
        await pilot.pause()
        assert screen_line_of_cursor(lines) == line
        repainted = sorted(r.y for regions, _ in calls for r in regions)
        # The rows above the gap move up one line; ptview's row and all below stay.
        assert repainted and max(repainted) < line
        assert all(regions for regions, _ in calls)  # lines, never the whole pane
        assert not any(kw.get("layout") for _, kw in calls)


async def test_a_changed_count_keeps_the_header_width():
    app = TreeApp()
    async with app.run_test(size=(80, 24)) as pilot:
        tree, lines, first = await shown(pilot, many_procs(extra=[proc(200 + i, 1, "x") for i in range(40)]))
        before = tree._status_text
        assert before.endswith("101 procs")
        tree.feed(result(first, snapshot(many_procs(extra=[proc(200 + i, 1, "x") for i in range(39)]), THREADS)))
        await pilot.pause()
        # 101 -> 100 -> 99 procs: the same width each time, so no new layout of the pane.
        assert tree._status_text.endswith("· 100 procs") and len(tree._status_text) == len(before)
        second = snapshot(many_procs(extra=[proc(200 + i, 1, "x") for i in range(38)]), THREADS)
        tree.feed(result(first, second))
        await pilot.pause()
        assert tree._status_text == " " + before.replace("101", "99")  # padded on the left


async def test_the_scanner_is_asked_for_the_rows_in_view_and_for_everything_every_few_passes():
    asked: list = []

    class Recording(Scanner):
        def scan(self, threads_of=(), fresh=None):
            asked.append(fresh)
            return result(None, snapshot(many_procs(), THREADS))

    class ScanningApp(App):
        def compose(self) -> ComposeResult:
            yield ProcTree(self_pid=SELF, scanner=Recording(), refresh_interval=0.02)

    app = ScanningApp()
    async with app.run_test(size=(80, 24)) as pilot:
        deadline = time.monotonic() + 10
        while len(asked) < 2 * FULL_SCAN_EVERY + 1 and time.monotonic() < deadline:
            await pilot.pause(0.02)
        lines = app.query_one(ProcLines)
        top, height = lines.scroll_offset.y, lines.size.height
    full = [i for i, f in enumerate(asked) if f is None]
    assert full[:3] == [0, FULL_SCAN_EVERY, 2 * FULL_SCAN_EVERY]
    partial = asked[FULL_SCAN_EVERY + 1]
    assert SELF in partial and 1 not in partial  # init is far above the view
    assert len(partial) <= height + 6 + 1
    assert all(100 <= pid < 160 for pid in partial)
    assert top > 0


def _fake(root, pid, ppid=1, comm="p", utime=5, start=100, threads=1):
    d = root / str(pid)
    d.mkdir(exist_ok=True)
    fields = ["S", str(ppid)] + ["0"] * 9 + [str(utime), "7"] + ["0"] * 4 + [str(threads), "0", str(start), "0", "25"]
    (d / "stat").write_bytes(f"{pid} ({comm}) {' '.join(fields)}\n".encode())
    (d / "cmdline").write_bytes(comm.encode() + b"\0")
    (d / "task").mkdir(exist_ok=True)


def test_a_scan_reads_what_is_fresh_and_keeps_the_rest(tmp_path, monkeypatch):
    (tmp_path / "self" / "task").mkdir(parents=True)
    (tmp_path / "stat").write_bytes(b"cpu 0 0\nbtime 1700000000\n")
    for pid in (10, 20, 30):
        _fake(tmp_path, pid, comm=f"p{pid}")
    scan = Scanner(proc_root=str(tmp_path))
    first = scan.scan(threads_of={30}).snapshot
    reads = []
    real = scanner_mod._read_small
    monkeypatch.setattr(scanner_mod, "_read_small", lambda path: (reads.append(path), real(path))[1])
    for pid in (10, 20, 30):
        _fake(tmp_path, pid, comm=f"p{pid}", utime=500)  # every one of them used CPU meanwhile
    _fake(tmp_path, 40, comm="new")
    snap = scan.scan(threads_of={30}, fresh={10}).snapshot
    read = sorted(int(p.split("/")[-2]) for p in reads)
    assert read == [10, 30, 40]  # in view, threads wanted, new: read; 20 is not
    assert snap.procs[20] is first.procs[20]  # kept as it was
    assert snap.procs[10].cpu_percent > 0 and snap.procs[40].name == "new"
    # Read at the next full pass: its CPU % over the whole time since it was last read.
    for p in (tmp_path / "20").iterdir():
        if p.name == "stat":
            p.unlink()
    _fake(tmp_path, 20, comm="p20", utime=500)
    again = scan.scan(threads_of={30}).snapshot
    assert again.procs[20].cpu_percent > 0
    # A process that ended is gone at once, read or not.
    for p in sorted((tmp_path / "10").rglob("*"), reverse=True):
        p.rmdir() if p.is_dir() else p.unlink()
    (tmp_path / "10").rmdir()
    assert 10 not in scan.scan(threads_of={30}, fresh={20}).snapshot.procs
    assert os.path.isdir(tmp_path / "20")


async def test_a_process_with_thousands_of_threads_is_read_each_pass_only_when_selected():
    from widgets.proc_tree import MANY_THREADS

    app = TreeApp()
    async with app.run_test(size=(80, 24)) as pilot:
        big = proc(149, 1, "java", threads=MANY_THREADS * 20)  # right above ptview, in view
        tree, lines, first = await shown(pilot, [p for p in many_procs() if p.pid != 149] + [big])
        assert 148 in tree._fresh and 149 not in tree._fresh and SELF in tree._fresh
        await pilot.press("up")
        assert tree.selected == (149, None) and 149 in tree._fresh


async def test_a_row_that_changes_only_its_kind_of_style_is_repainted_where_the_style_changed():
    app = TreeApp()
    async with app.run_test(size=(80, 24)) as pilot:
        tree, lines, _first = await shown(pilot, many_procs())
        row = next(r for r in lines.rows[lines.scroll_offset.y:] if r.proc is not None and r.id != lines.rows[lines.cursor].id)
        parts = lines._parts(row)
        name_at = sum(len(t) for t, _ in parts[:5])
        dimmed = dataclasses.replace(row, dim=not row.dim)
        span = lines._changed_span(row, dimmed)
        assert span == (name_at, name_at + len(parts[5][0]))  # the name, in its other style
        assert lines._changed_span(row, row) == (0, 0)
