"""The processes & threads pane: a live tree drawn line by line from scanner snapshots.

Scans run on a thread of their own (one `stat` read per process still adds
up) and arrive as `ProcTree.Scanned` messages; an app that scans elsewhere
passes `autostart=False` and posts those messages itself. Between two
snapshots only the lines whose rows changed are repainted, which keeps an
idle pane cheap over SSH.

Names, command lines and thread names are anyone's to choose (a process can
call itself ESC]0;...BEL): every one reaches a segment through shown().
"""

from __future__ import annotations

import os
import math
import threading
import time
from collections.abc import Callable, Iterable
from math import ceil

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.scrollbar import ScrollBar
from textual.strip import Strip
from textual.widgets import Input, Static

from tui.core.procs.naming import set_os_thread_name
from tui.core.procs.scanner import Scanner, ScanResult
from tui.core.procs.tree import fmt_bytes, fmt_role
from tui.core.procs.view import Row, RowId, TreeView, find_row
from tui.core.untrusted import shown
from widgets.style import changed_span

# pid, state, CPU %, RSS, threads: 28 cells, leaving 52 for the tree at 80 columns.
HEADER = f"{'PID':>7} S {'CPU%':>5} {'RSS':>6} {'THR':>4} NAME"

ROLE_STYLES = {
    "main": Style(color="cyan", bold=True),
    "libuv worker": Style(color="green", bold=True),
    "V8 platform": Style(color="magenta"),
    "inspector": Style(color="blue"),
    "delayed tasks": Style(color="yellow"),
    "Worker": Style(color="bright_cyan", bold=True),
    "ptview pool": Style(color="green", bold=True),
}
_NODE_BADGE = Style(color="green", bold=True)
_RUNNING = Style(color="bright_green", bold=True)
_ZOMBIE = Style(color="red")


class ProcLines(ScrollView, can_focus=True):
    """The rows themselves, with a cursor; ProcTree decides what they are."""

    COMPONENT_CLASSES = {"proc-tree--cursor", "proc-tree--highlight", "proc-tree--dim"}
    DEFAULT_CSS = """
    ProcLines { overflow-x: hidden; }
    ProcLines > .proc-tree--cursor {
        background: $block-cursor-blurred-background;
        color: $block-cursor-blurred-foreground;
    }
    ProcLines:focus > .proc-tree--cursor {
        background: $block-cursor-background;
        color: $block-cursor-foreground;
        text-style: $block-cursor-text-style;
    }
    ProcLines > .proc-tree--highlight { background: $warning 50%; }
    ProcLines > .proc-tree--dim { color: $text-muted; }
    """
    BINDINGS = [
        Binding("up", "cursor(-1)", "Up", show=False),
        Binding("down", "cursor(1)", "Down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("home", "edge(0)", "First", show=False),
        Binding("end", "edge(1)", "Last", show=False),
    ]

    def __init__(self, owner: ProcTree, **kwargs) -> None:
        super().__init__(**kwargs)
        self._owner = owner
        self.rows: list[Row] = []
        self.cursor = 0
        self.highlight: frozenset[int] = frozenset()
        self.placeholder = "scanning…"
        self._block: int | None = None  # show_block() waiting for a height

    # -- content -----------------------------------------------------------

    def show(self, rows: list[Row], cursor: int) -> None:
        old, old_cursor = self.rows, self.cursor
        old_top, height = self.scroll_offset.y, self.size.height
        self.rows = rows
        self.cursor = cursor
        # The cursor's row stays on its screen line when rows come and go above it (a process
        # starting or ending higher up the tree): the screen does not shift under the user, and
        # the lines that show the same rows as before need no repaint.
        top = old_top
        if (old and rows and old_top <= old_cursor < old_top + height and old_cursor < len(old)
                and cursor < len(rows) and old[old_cursor].id == rows[cursor].id):
            top = old_top + cursor - old_cursor
        top = self._set_extent(len(rows), top, len(rows) != len(old))
        # A line looks the same if the row shown on it is equal (ids, glyphs and data). Of a
        # changed line only the cells that changed are repainted (and sent: tui/span_update.py):
        # a CPU figure costs its five cells, not the line.
        width = max(self.size.width, 1)
        for y in range(height):
            i, j = old_top + y, top + y
            a = old[i] if i < len(old) else None
            b = rows[j] if j < len(rows) else None
            if (i == old_cursor) != (j == cursor) or self._lit(a) != self._lit(b):
                self.refresh(Region(0, y, width, 1))  # the cursor or a highlight came or went
            elif a != b:
                span = self._changed_span(a, b)
                if span is None:
                    self.refresh(Region(0, y, width, 1))
                elif span[1] > span[0]:
                    self.refresh(Region(span[0], y, span[1] - span[0], 1))

    def _set_extent(self, n: int, top: int, resized: bool) -> int:
        """Scroll range and position without repainting every line; the top row, in range.

        Assigning virtual_size or scroll_y would repaint them all (virtual_size is a Reactive
        with repaint=True; a scroll repaints the whole view): with processes coming and going
        every scan resent every line of the pane (issue 15: 3-4 KB/s at 80x24 against htop's
        ~1). show() repaints the lines that changed; the scrollbar is redrawn when its thumb
        covers other cells."""
        bar = self.vertical_scrollbar if self.show_vertical_scrollbar else None
        before = _thumb(bar)
        if resized:
            self.set_reactive(ScrollView.virtual_size, Size(0, n))
            self._refresh_scrollbars()  # a scrollbar that appears or goes lays the pane out itself
        top = round(self.validate_scroll_y(top))
        if top != self.scroll_offset.y:
            self.set_reactive(ScrollView.scroll_y, float(top))
            self.set_reactive(ScrollView.scroll_target_y, float(top))
        if self.show_vertical_scrollbar:
            bar = self.vertical_scrollbar
            bar.set_reactive(ScrollBar.window_virtual_size, n)
            bar.set_reactive(ScrollBar.window_size, self.scrollable_content_region.height)
            bar.set_reactive(ScrollBar.position, float(top))
            if _thumb(bar) != before:
                bar.refresh()
        return top

    def _changed_span(self, a: Row | None, b: Row | None) -> tuple[int, int] | None:
        """The cells [start, end) where two rows' lines differ in text or kind of style (empty
        when they do not: a CPU figure that moved below the shown precision), or None when the
        whole line must be repainted (a row came or went)."""
        if a is None or b is None:
            return None
        pa, pb = self._parts(a), self._parts(b)
        ta, tb = "".join(t for t, _ in pa), "".join(t for t, _ in pb)
        ka = [k for t, k in pa for _ in t]
        kb = [k for t, k in pb for _ in t]
        return changed_span(ta, tb, ka, kb) or (0, 0)

    def _lit(self, row: Row | None) -> bool:
        return row is not None and row.thread is not None and row.thread.tid in self.highlight

    def move_to(self, index: int, *, center: bool = False) -> None:
        if not self.rows:
            return
        index = max(0, min(index, len(self.rows) - 1))
        self._owner._pending = None  # the user moved: forget what select() still waited for
        if index != self.cursor:
            self.refresh_line(self.cursor)
            self.cursor = index
            self.refresh_line(index)
        self.scroll_cursor_visible(center=center)
        self._owner._cursor_moved()

    def scroll_cursor_visible(self, center: bool = False) -> None:
        self.scroll_to_region(Region(0, self.cursor, max(self.size.width, 1), 1),
                              animate=False, center=center, immediate=True)

    def show_block(self, index: int) -> None:
        """Scroll so that row `index` and the thread rows under it are in view, the row near the
        top: a process is opened to be looked at with its threads, not left on the last line.
        Kept until the pane has a height (a pane built hidden gets its size later)."""
        self._block = index
        height = self.size.height
        if not height or not self.rows:
            return
        pid = self.rows[index].pid
        end = index + 1
        while end < len(self.rows) and self.rows[end].is_thread and self.rows[end].pid == pid:
            end += 1
        span = end - index
        top = index - min(2, max(0, height - span))  # two rows of context above when they fit
        self.scroll_to(y=max(0, top), animate=False, immediate=True)
        self._block = None

    def on_resize(self, _event) -> None:
        if self._block is not None:
            self.show_block(self._block)
        self._owner._viewport_changed()

    def watch_scroll_y(self, old: float, new: float) -> None:
        super().watch_scroll_y(old, new)
        if round(old) != round(new):
            self._owner._viewport_changed()

    def on_key(self, event) -> None:
        # Keys typed right after "/" (a paste, a fast typist, tmux send-keys)
        # are already queued here when a binding would move focus to the
        # filter box, so "/" is acted on at once and what follows handed on.
        owner = self._owner
        if event.key == "slash":
            owner.action_filter()
        elif owner._filter_pending and event.is_printable and event.character:
            owner.query_one(_FilterInput).insert_text_at_cursor(event.character)
        else:
            return
        event.stop()
        event.prevent_default()

    def action_cursor(self, delta: int) -> None:
        self.move_to(self.cursor + delta)

    def action_page(self, direction: int) -> None:
        self.move_to(self.cursor + direction * max(self.size.height - 1, 1))

    def action_edge(self, end: int) -> None:
        self.move_to(len(self.rows) - 1 if end else 0)

    # -- drawing -----------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        index = self.scroll_offset.y + y
        base = self.rich_style
        if index >= len(self.rows):
            if index == 0:
                dim = self.get_component_rich_style("proc-tree--dim")
                return Strip([Segment(self.placeholder, base + dim)]).adjust_cell_length(width, base)
            return Strip.blank(width, base)
        row = self.rows[index]
        segs = self._segments(row, base)
        overlay = None
        if row.thread is not None and row.thread.tid in self.highlight:
            overlay = self.get_component_rich_style("proc-tree--highlight")
        if index == self.cursor:
            overlay = self.get_component_rich_style("proc-tree--cursor")
        if overlay is not None:
            # On top of each segment's own colours, and across the whole width.
            segs = list(Segment.apply_style(segs, post_style=overlay))
            base = base + overlay
        # Neighbours of one style as one segment: each segment costs the terminal a reset
        # and a full colour sequence, most of the bytes a changed CPU % cell resends.
        return Strip(list(Segment.simplify(segs))).adjust_cell_length(width, base)

    def _segments(self, row: Row, base: Style) -> list[Segment]:
        dim = base + self.get_component_rich_style("proc-tree--dim")
        styles = {_BASE: base, _DIM: dim, _NAME: base + Style(bold=True), _NODE: _NODE_BADGE}
        out = []
        for text, kind in self._parts(row):
            style = styles.get(kind)
            if style is None:
                if kind.startswith("state:"):
                    style = _state_style(kind[6:], base)
                else:  # a role
                    style = base + ROLE_STYLES.get(kind[5:], Style())
            out.append(Segment(text, style))
        return out

    def _parts(self, row: Row) -> list[tuple[str, str]]:
        """A row's line as (text, kind of style) pieces: the text alone is what a changed line
        is compared by, without building a style for it."""
        width = self.size.width
        if row.proc is not None:
            p = row.proc
            cpu = "-" if p.cpu_percent is None else f"{p.cpu_percent:.1f}"
            cols = f"{p.pid:>7} {p.state or '?':1} {cpu:>5} {fmt_bytes(p.rss) if p.rss else '':>6} {p.num_threads:>4} "
            parts = [
                (cols[:8], _BASE),
                (cols[8:10], "state:" + (p.state or "")),
                (cols[10:], _BASE),
                (fit_prefix(row.prefix, width - len(cols) - 2 - NAME_ROOM), _DIM),
                (row.marker + " " if row.marker.strip() else "  ", _BASE),
            ]
            kernel = not p.cmdline and p.exe is None and p.state != "Z"
            name = shown(p.name)
            parts.append((f"[{name}]" if kernel else name, _DIM if row.dim else _NAME))
            if p.node and not p.name.startswith("node"):
                parts.append((" (node)", _NODE))
            args = shown(" ".join(p.cmdline[1:]))
            if args:
                parts.append((" " + args, _DIM))
            if p.unreadable:
                parts.append((" (" + ", ".join(sorted(p.unreadable)) + ": denied)", _DIM))
            return parts
        t = row.thread
        assert t is not None
        cpu = "-" if t.cpu_percent is None else f"{t.cpu_percent:.1f}"
        cols = f"{t.tid:>7} {t.state or '?':1} {cpu:>5} {'':>6} {'':>4} "
        parts = [
            (cols[:8], _DIM),
            (cols[8:10], "state:" + (t.state or "")),
            (cols[10:], _BASE),
            (fit_prefix(row.prefix, width - len(cols) - NAME_ROOM), _DIM),
            ("{" + (shown(t.name) if t.name is not None else "?") + "}", _BASE),
        ]
        role = fmt_role(t.role, t.role_inferred)
        if role:
            parts.append((" " + role, "role:" + (t.role or "")))
        return parts


_MAX_INTERVAL = 60.0  # however dear a scan, the pane is at most this stale

_BASE, _DIM, _NAME, _NODE = "base", "dim", "name", "node"


def _thumb(bar: ScrollBar | None) -> tuple[int, ...] | None:
    """The cells a vertical scrollbar's thumb covers (whole or in part), or None.

    Its ends are drawn in eighths of a cell, which move with every process that comes or
    goes: redrawn for those, the scrollbar alone was a fifth of the bytes under churn. Its
    cells are what tell where the view is; the eighths follow at the next cell step."""
    if bar is None or not bar.size.height:
        return None
    window = bar.window_size if bar.window_size < bar.window_virtual_size else 0
    segs = bar.renderer.render_bar(size=bar.size.height, virtual_size=ceil(bar.window_virtual_size),
                                   window_size=ceil(window), position=bar.position)
    return tuple(i for i, s in enumerate(segs.segments) if s.text.strip() or (s.style and s.style.reverse))


FULL_SCAN_EVERY = 5  # scan passes: a process out of view is read at least this often
VIEW_MARGIN = 3  # rows above and below the view that are read each pass too
MANY_THREADS = 256  # a process with more is read each pass only when selected (see _viewport_changed)
NAME_ROOM = 16  # columns a name keeps however deep its branch: "ch"/"chro" names told nothing


def fit_prefix(prefix: str, room: int) -> str:
    """The tree guides before a name, in at most `room` columns once they would squeeze the name.

    Guides come in 2-column units ("│ ", "├─"). First each unit above the row's own branch
    shrinks to one column (the shape still reads), then the outermost ones give way to "…"."""
    if len(prefix) <= max(room, 2):
        return prefix
    units = [prefix[i:i + 2] for i in range(0, len(prefix), 2)]
    narrow = "".join(u[0] for u in units[:-1]) + units[-1]
    if len(narrow) <= room:
        return narrow
    if room <= 3:
        return units[-1]  # the row's own branch, no less: the shortest guide that still reads
    return "…" + narrow[len(narrow) - (room - 1):]


def _state_style(state: str | None, base: Style) -> Style:
    if state == "R":
        return base + _RUNNING
    if state in ("Z", "D"):
        return base + _ZOMBIE
    return base


class _FilterInput(Input):
    BINDINGS = [Binding("escape", "clear_filter", "Clear filter", show=False)]

    def action_clear_filter(self) -> None:
        self.value = ""
        self.post_message(self.Submitted(self, ""))


class ProcTree(Vertical):
    """Processes with their threads (and Node thread roles), refreshed live.

    Args:
        root_pid: show only this process and its descendants (`--pid`).
        refresh_interval: seconds between scans (`--refresh`).
        scanner: the Scanner to drive; a fresh one by default.
        autostart: start the scanning thread on mount; without it the app
            posts `ProcTree.Scanned` messages (or calls `feed`) itself.
        self_pid: the process expanded and selected at first; ptview's own.
        cpu_share: at most this share of a core for the pane (its scans on their thread and
            showing them on the UI thread, measured): a process with thousands of threads is
            rescanned less often than `refresh_interval` then, and the header says how often.
            None: every `refresh_interval`, whatever it costs.
    """

    DEFAULT_CSS = """
    ProcTree { height: 1fr; }
    ProcTree > #proc-head { height: 1; }
    ProcTree > #proc-head > #proc-columns { width: 1fr; color: $text-muted; text-style: bold; }
    ProcTree > #proc-head > #proc-status { width: auto; color: $text-muted; }
    ProcTree > ProcLines { height: 1fr; }
    ProcTree > #proc-filter, ProcTree > #proc-filter:focus {
        dock: bottom; display: none; border: none; height: 1; padding: 0 1;
    }
    ProcTree > #proc-filter.-active { display: block; }
    """
    BINDINGS = [
        # Capitals: lower-case letters fire operations app-wide, even with this pane focused.
        Binding("right", "expand", "Expand"),
        Binding("left", "collapse", "Collapse"),
        Binding("enter", "toggle", "Threads", show=False),
        Binding("C", "collapse_all", "Collapse all"),
        Binding("slash", "filter", "Filter"),
        Binding("F", "follow", "Follow"),
        Binding("T", "all_threads", "All threads"),
        Binding("P", "pause", "Pause scans"),
        Binding("S", "select_self", "Self", show=False),
    ]

    class Scanned(Message):
        """A scan result for the pane. Posted by its own thread or by the app."""

        bubble = False

        def __init__(self, result: ScanResult) -> None:
            super().__init__()
            self.result = result

    class ScanFailed(Message):
        bubble = False

        def __init__(self, error: str) -> None:
            super().__init__()
            self.error = error

    class Selected(Message):
        """The selection moved: a process (tid None) or one of its threads."""

        def __init__(self, proc_tree: ProcTree, pid: int, tid: int | None) -> None:
            super().__init__()
            self.proc_tree = proc_tree
            self.pid = pid
            self.tid = tid

        @property
        def control(self) -> ProcTree:
            return self.proc_tree

    def __init__(
        self,
        *,
        root_pid: int | None = None,
        refresh_interval: float = 1.0,
        scanner: Scanner | None = None,
        autostart: bool = True,
        self_pid: int | None = None,
        cpu_share: float | None = None,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.self_pid = os.getpid() if self_pid is None else self_pid
        self.root_pid = root_pid
        self.refresh_interval = refresh_interval
        self.cpu_share = cpu_share
        self.interval = refresh_interval  # the one in force: longer when cpu_share demands it
        self._feed_cost = 0.0  # CPU seconds the UI thread spent showing the last scan
        self._cost: float | None = None  # running estimate of a scan and its showing, CPU seconds
        self._scans = 0
        self.follow = True
        self.paused = False
        self.suspended = False  # the app hides the pane: no point scanning the system
        self._view = TreeView(root_pid=root_pid, self_pid=self.self_pid)
        self._scanner = scanner or Scanner()
        self._autostart = autostart
        self._selected: RowId | None = None
        self._self_shown = False  # ptview's own threads were brought into view once
        self._selected_pid: int | None = None
        self._sel_ancestors: list[int] = []
        self._error = ""
        self._count = 0
        self._filter_pending = False  # "/" pressed, the box has not had a key yet
        self._pending: RowId | None = None  # asked for by select(), not shown yet
        self._status_text: str | None = None
        # Read by the scanning thread: replaced whole, never mutated.
        self._wanted: frozenset[int] | None = self._view.threads_wanted()
        self._fresh: frozenset[int] | None = None  # the pids in and near view; None: all
        self.on_fed: Callable[[], None] | None = None  # called after each scan is shown (the app's clock)
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._thread: threading.Thread | None = None
        self.border_title = "Processes & threads"

    def compose(self) -> ComposeResult:
        with Horizontal(id="proc-head"):
            yield Static(HEADER, id="proc-columns")
            yield Static("", id="proc-status")
        self._lines = ProcLines(self)
        yield self._lines
        yield _FilterInput(placeholder="filter: name, command line, pid, thread, role", id="proc-filter")

    # -- lifecycle and scanning ----------------------------------------------

    def on_mount(self) -> None:
        self._update_status()
        if self._autostart:
            # After the first frame: a whole-system scan competes with it for the GIL, and the
            # app may hide this pane (80x24) before the frame is drawn.
            self.call_after_refresh(self.start_scanning)

    def on_unmount(self) -> None:
        self.stop_scanning()

    def start_scanning(self) -> None:
        if self._thread is not None or not self.is_attached:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._scan_loop, name="ptview-scan", daemon=True)
        self._thread.start()

    def stop_scanning(self) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def set_suspended(self, suspended: bool) -> None:
        was = self.suspended
        self.suspended = suspended
        if was and not suspended:
            self.request_scan()

    def request_scan(self) -> None:
        """Scan now rather than at the next tick (after an expand, say)."""
        self._wake.set()

    def _scan_loop(self) -> None:
        set_os_thread_name("ptview-scan")
        passes = 0
        while not self._stop.is_set():
            cost = None
            if not self.paused and not self.suspended:
                c0 = time.thread_time()
                # The rows in and near view each pass, every row every FULL_SCAN_EVERY passes
                # (and any process that starts or ends at once): at 200x50 the system's other
                # hundred processes were half of ptview's idle CPU.
                fresh = None if passes % FULL_SCAN_EVERY == 0 else self._fresh
                passes += 1
                try:
                    result = self._scanner.scan(threads_of=self._wanted, fresh=fresh)
                    _ = result.diff  # worked out here, off the UI thread, which only asks whether it is empty
                except Exception as e:  # a scanner bug must not kill the pane silently
                    self.post_message(self.ScanFailed(f"{type(e).__name__}: {e}"))
                else:
                    cost = time.thread_time() - c0
                    self.post_message(self.Scanned(result))
            self._wake.wait(self._next_interval(cost))
            self._wake.clear()

    def _next_interval(self, scan_cost: float | None) -> float:
        """refresh_interval, or longer when a scan and showing it cost more than cpu_share of a core."""
        if self.cpu_share is None or scan_cost is None:
            return self.interval
        # The UI thread's share is the last scan's (it shows this one after we have measured).
        cost = scan_cost + self._feed_cost
        self._scans += 1
        if self._scans <= 2:
            return self.interval  # the first scans are cold (every name, user, executable read): one-offs
        est = self._cost = cost if self._cost is None else self._cost + 0.5 * (cost - self._cost)
        # In whole multiples of refresh_interval, from a running estimate: the header's "every N s"
        # does not flicker with the machine's load.
        steps = math.ceil(est / self.cpu_share / self.refresh_interval - 0.25)
        self.interval = min(_MAX_INTERVAL, self.refresh_interval * max(1, steps))
        return self.interval

    @on(Scanned)
    def _on_scanned(self, message: Scanned) -> None:
        if not self.paused:
            self.feed(message.result)
            if self.on_fed is not None:
                self.on_fed()

    @on(ScanFailed)
    def _on_scan_failed(self, message: ScanFailed) -> None:
        self._error = message.error
        self._update_status()

    def feed(self, result: ScanResult) -> None:
        """Show a scan result. Cheap when nothing changed."""
        if result.diff.empty and self._view.snapshot is not None:
            self._feed_cost = 0.0
            return
        c0 = time.thread_time()
        self._error = ""
        self._count = len(result.snapshot.procs)
        self._view.update(result.snapshot)
        self._render_rows()
        self._feed_cost = time.thread_time() - c0

    # -- public controls -----------------------------------------------------

    @property
    def threads_wanted(self) -> frozenset[int] | None:
        """What an app scanning for us (autostart=False) passes as `threads_of`."""
        return self._wanted

    @property
    def scanner(self) -> Scanner:
        return self._scanner

    @property
    def selected(self) -> tuple[int, int | None] | None:
        """(pid, tid or None) of the selected row."""
        row = self._current_row()
        if row is None:
            return None
        return row.pid, (row.thread.tid if row.thread else None)

    def focus(self, scroll_visible: bool = True) -> ProcTree:
        """Focus goes to the rows, where the keys work."""
        self._lines.focus(scroll_visible)
        return self

    def highlight_tids(self, tids: Iterable[int]) -> None:
        """Mark these threads (e.g. the pool worker running the selected task)."""
        new = frozenset(tids)
        if new != self._lines.highlight:
            self._lines.highlight = new
            self._lines.refresh()

    def select(self, pid: int, tid: int | None = None) -> bool:
        """Select a process, or one of its threads (shown if need be)."""
        for a in self._view.ancestors(pid):
            self._view.folded.discard(a)
        if tid is not None and pid not in self._view.expanded and not self._view.all_threads:
            self._view.expanded.add(pid)
            self._wanted_changed()
        target: RowId = ("t", tid) if tid is not None else ("p", pid)
        self._selected, self._selected_pid = target, pid
        # A thread not scanned yet appears with the next scan: select it then.
        self._pending = target
        self._render_rows(center=True)
        row = self._current_row()
        return row is not None and row.id == target

    # -- actions -------------------------------------------------------------

    def action_expand(self) -> None:
        row = self._current_row()
        if row is not None and row.proc is not None and self._view.expand(row.pid):
            self._wanted_changed()
            self._render_rows()

    def action_collapse(self) -> None:
        row = self._current_row()
        if row is None:
            return
        if row.thread is not None:
            self._go_to(("p", row.pid))
        elif self._view.collapse(row.pid):
            self._wanted_changed()
            self._render_rows()
        else:
            parent = self._view.parent_of(row.pid)
            if parent is not None:
                self._go_to(("p", parent))

    def action_toggle(self) -> None:
        row = self._current_row()
        if row is None:
            return
        self._view.toggle_threads(row.pid)
        if row.thread is not None:
            self._selected = ("p", row.pid)
        self._wanted_changed()
        self._render_rows()

    def action_collapse_all(self) -> None:
        row = self._current_row()
        keep = row.pid if row is not None else None
        self._view.collapse_all(keep)
        if row is not None and row.thread is not None:
            self._selected = ("p", row.pid)
        self._wanted_changed()
        self._render_rows(center=True)

    def action_filter(self) -> None:
        box = self.query_one(_FilterInput)
        box.add_class("-active")
        self._filter_pending = True
        # Focus now, not after a refresh: keys typed right after "/" belong to the filter.
        self.screen.set_focus(box)

    def action_follow(self) -> None:
        self.follow = not self.follow
        self._update_status()

    def action_all_threads(self) -> None:
        self._view.all_threads = not self._view.all_threads
        self._wanted_changed()
        self._render_rows()

    def action_pause(self) -> None:
        self.paused = not self.paused
        if not self.paused:
            self.request_scan()
        self._update_status()

    def action_select_self(self) -> None:
        self.select(self.self_pid)

    @on(Input.Changed, "#proc-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._view.filter = event.value
        self._render_rows()

    @on(Input.Submitted, "#proc-filter")
    def _filter_done(self, event: Input.Submitted) -> None:
        event.stop()
        self._filter_pending = False
        box = self.query_one(_FilterInput)
        if not box.value:
            box.remove_class("-active")
            self._view.filter = ""
            self._render_rows()
        self._lines.focus()

    # -- internals -----------------------------------------------------------

    def _current_row(self) -> Row | None:
        rows = self._lines.rows
        if not rows:
            return None
        return rows[min(self._lines.cursor, len(rows) - 1)]

    def _wanted_changed(self) -> None:
        self._wanted = self._view.threads_wanted()
        self.request_scan()

    def _go_to(self, row_id: RowId) -> None:
        i = find_row(self._lines.rows, row_id)
        if i is not None:
            self._lines.move_to(i)

    def _render_rows(self, center: bool = False) -> None:
        rows = self._view.rows()
        lines = self._lines
        old_cursor = lines.cursor
        first = self._selected is None
        if first:
            self._selected = ("p", self.root_pid if self.root_pid is not None else self.self_pid)
            center = True
        if self._pending is not None and find_row(rows, self._pending) is not None:
            self._selected, self._pending, center = self._pending, None, True
        # Until ptview's own threads have been shown once, opening on its row brings them into view.
        opening_self = (not self._self_shown and self._selected == ("p", self.self_pid)
                        and any(r.is_thread and r.pid == self.self_pid for r in rows))
        if opening_self:
            self._self_shown = True
        index = None
        if self.follow or first or center:
            index = find_row(rows, self._selected)
            if index is None and self._selected[0] == "t" and self._selected_pid is not None:
                index = find_row(rows, ("p", self._selected_pid))  # the thread ended: its process
            if index is None:
                for a in self._sel_ancestors:  # the process ended: its nearest shown ancestor
                    index = find_row(rows, ("p", a))
                    if index is not None:
                        break
        if index is None:
            if first:
                # ptview's own process is not in these rows yet: wait for it (select it when it
                # comes) rather than adopt whatever row 0 is (pid 1) as the selection.
                self._pending = self._selected
            index = min(old_cursor, max(len(rows) - 1, 0))
        if self.root_pid is not None and self._view.snapshot and self.root_pid not in self._view.snapshot.procs:
            lines.placeholder = f"process {self.root_pid} is gone"
        elif self._view.filter:
            lines.placeholder = shown(f"nothing matches {self._view.filter!r}")
        lines.show(rows, index)
        if rows and opening_self:
            lines.show_block(index)
        elif rows and (index != old_cursor or center):
            lines.scroll_cursor_visible(center=center)
        self._cursor_moved()
        self._update_status()

    def _viewport_changed(self) -> None:
        """What the scanner reads each pass: the rows on screen, a few beyond, and ptview itself.
        Rows scrolled into view show what the last full pass read, until the next pass.

        Not a process with thousands of threads, unless it is selected: the kernel sums every
        thread's times to answer its stat (1.5 ms for 5,000 threads, as much as 200 other
        processes), so it is read at the full passes, its CPU % every FULL_SCAN_EVERY s."""
        lines = self._lines
        top, height = lines.scroll_offset.y, max(lines.size.height, 1)
        near = lines.rows[max(0, top - VIEW_MARGIN): top + height + VIEW_MARGIN]
        row = self._current_row()
        self._fresh = frozenset([self.self_pid, *([row.pid] if row is not None else []),
                                 *(r.pid for r in near if r.proc is None or r.proc.num_threads <= MANY_THREADS)])

    def _cursor_moved(self) -> None:
        row = self._current_row()
        if row is None:
            return
        changed = row.id != self._selected or row.pid != self._selected_pid
        self._selected = row.id
        self._selected_pid = row.pid
        self._sel_ancestors = self._view.ancestors(row.pid)
        self._viewport_changed()  # the rows in view, or the selection, changed: what to read
        if changed:
            self.post_message(self.Selected(self, row.pid, row.thread.tid if row.thread else None))

    def _update_status(self) -> None:
        bits = []
        if self._error:
            bits.append(f"scan error: {shown(self._error)}")
        if self._view.filter:
            bits.append(f"filter: {shown(self._view.filter)}")
        if self._view.all_threads:
            bits.append("all threads")
        bits.append("follow" if self.follow else "no follow")
        if self.paused:
            bits.append("paused")
        if self._count:
            bits.append(f"{self._count} procs")
        if self.interval > 1.5 * self.refresh_interval:
            bits.append(f"every {self.interval:.0f} s")  # cpu_share: a dear scan, less often
        text = " · ".join(bits)
        # A few columns narrower than before (a count going 100 -> 99 procs): padded, not
        # narrowed. A width that changes lays the pane out again (twice, ~10 ms each), and a
        # count going back and forth across 100 did that every few seconds when idle.
        if self._status_text is not None and 0 < len(self._status_text) - len(text) <= 4:
            text = text.rjust(len(self._status_text))
        if text == self._status_text:
            return  # an update would re-layout the header, and repaint more than a line
        # Same width ("68 procs" -> "69 procs"): no re-layout of the pane, one short line repainted.
        same_width = self._status_text is not None and len(text) == len(self._status_text)
        self._status_text = text
        try:
            # Text, not markup: a filter or an error message may hold "[".
            self.query_one("#proc-status", Static).update(Text(text), layout=not same_width)
        except Exception:
            pass  # not composed yet


if __name__ == "__main__":  # a look at the pane alone: python -m widgets.proc_tree [PID]
    import sys

    from textual.app import App
    from textual.widgets import Footer

    class _Demo(App):
        AUTO_FOCUS = "ProcLines"

        def compose(self) -> ComposeResult:
            yield ProcTree(root_pid=int(sys.argv[1]) if len(sys.argv) > 1 else None)
            yield Footer()

    _Demo().run()
