"""What the process pane shows: the visible rows of a snapshot, and the view's state.

Headless so that folding, filtering and the sticky selection can be tested
without a terminal; the widget only draws these rows.
"""

from __future__ import annotations

from dataclasses import dataclass

from tui.core.procs.scanner import ProcRow, Snapshot, ThreadRow
from tui.core.procs.tree import children_map

# A row's identity for the selection: the same pid/tid across refreshes.
RowId = tuple[str, int]  # ("p", pid) or ("t", tid)


@dataclass(frozen=True, slots=True)
class Row:
    id: RowId
    pid: int  # the process, for a thread row too
    prefix: str  # tree glyphs before the name
    marker: str  # ▶ folded/closed, ▼ open, " " nothing more to show
    proc: ProcRow | None = None
    thread: ThreadRow | None = None
    dim: bool = False  # shown only as an ancestor of a filter match

    @property
    def is_thread(self) -> bool:
        return self.thread is not None


class TreeView:
    """Folding, thread expansion and the filter, over successive snapshots.

    A process shows its child processes unless folded, and its threads only
    when expanded (or when every process's threads are on). Expansion is kept
    by pid; pids that disappear are forgotten so a reused pid starts fresh.
    """

    def __init__(self, root_pid: int | None = None, self_pid: int | None = None) -> None:
        self.root_pid = root_pid
        self.self_pid = self_pid
        self.expanded: set[int] = {self_pid} if self_pid is not None else set()
        if root_pid is not None:
            self.expanded.add(root_pid)
        self.folded: set[int] = set()
        self.all_threads = False
        self.filter = ""
        self.snapshot: Snapshot | None = None
        self._kids: dict[int, list[int]] = {}
        self._first = True

    # -- what the scanner must read ----------------------------------------

    def threads_wanted(self) -> frozenset[int] | None:
        """Pids whose threads the next scan should read; None for all."""
        return None if self.all_threads else frozenset(self.expanded)

    # -- snapshot -> rows ----------------------------------------------------

    def update(self, snapshot: Snapshot) -> list[Row]:
        self.snapshot = snapshot
        self._kids = children_map(snapshot)
        procs = snapshot.procs
        if self._first:
            self._first = False
            # Kernel threads are a hundred rows of noise for this app's purpose.
            k = procs.get(2)
            if k is not None and k.name == "kthreadd" and self.root_pid != 2:
                self.folded.add(2)
        self.expanded &= procs.keys()
        self.folded &= procs.keys()
        return self.rows()

    def parent_of(self, pid: int) -> int | None:
        if self.snapshot is None:
            return None
        row = self.snapshot.procs.get(pid)
        if row is None or row.ppid not in self.snapshot.procs or row.ppid == pid:
            return None
        return row.ppid

    def ancestors(self, pid: int) -> list[int]:
        out: list[int] = []
        seen = {pid}
        p = self.parent_of(pid)
        while p is not None and p not in seen:
            out.append(p)
            seen.add(p)
            p = self.parent_of(p)
        return out

    def has_children(self, pid: int) -> bool:
        return bool(self._kids.get(pid))

    def threads_shown(self, pid: int) -> bool:
        return self.all_threads or pid in self.expanded

    def rows(self) -> list[Row]:
        snap = self.snapshot
        if snap is None:
            return []
        procs = snap.procs
        needle = self.filter.strip().casefold()
        match_p: set[int] = set()  # processes that match themselves
        match_t: set[int] = set()  # shown threads that match
        visible: set[int] | None = None  # None: no filter, everything
        if needle:
            match_p = {pid for pid, p in procs.items() if _proc_matches(p, needle)}
            hits = set(match_p)
            for pid, ts in snap.threads.items():
                if pid in procs and self.threads_shown(pid):
                    for t in ts:
                        if _thread_matches(t, needle):
                            match_t.add(t.tid)
                            hits.add(pid)
            visible = set(hits)
            for pid in hits:
                visible.update(self.ancestors(pid))

        if self.root_pid is not None:
            roots = [self.root_pid] if self.root_pid in procs else []
        else:
            roots = self._kids.get(0, [])
        out: list[Row] = []
        seen: set[int] = set()

        def walk(pid: int, prefix: str, branch: str, child_prefix: str) -> None:
            seen.add(pid)
            p = procs[pid]
            threads: tuple[ThreadRow, ...] = ()
            if self.threads_shown(pid):
                threads = snap.threads.get(pid, ())
                if needle and pid not in match_p:
                    threads = tuple(t for t in threads if t.tid in match_t)
            # A filter looks through folds: a match must never be hidden.
            folded = pid in self.folded and not needle
            kids = [] if folded else [
                c for c in self._kids.get(pid, ()) if c not in seen and (visible is None or c in visible)
            ]
            # ▶ says "more inside": a folded subtree, or a leaf's hidden threads.
            closed = (folded and self.has_children(pid)) or (not self.has_children(pid) and not self.threads_shown(pid))
            marker = "▶" if closed else ("▼" if threads or kids else " ")
            dim = bool(needle) and pid not in match_p and not any(t.tid in match_t for t in threads)
            out.append(Row(("p", pid), pid, prefix + branch, marker, proc=p, dim=dim))
            items: list[ThreadRow | int] = [*threads, *kids]
            for i, item in enumerate(items):
                last = i == len(items) - 1
                if isinstance(item, ThreadRow):
                    out.append(Row(("t", item.tid), pid, child_prefix + ("└─" if last else "├─"), " ", thread=item))
                else:
                    walk(item, child_prefix, "└─" if last else "├─", child_prefix + ("  " if last else "│ "))

        for pid in roots:
            if visible is None or pid in visible:
                walk(pid, "", "", "")
        return out

    # -- actions -----------------------------------------------------------

    def expand(self, pid: int) -> bool:
        """Unfold children first, then show threads. True if anything changed."""
        if pid in self.folded:
            self.folded.discard(pid)
            return True
        if pid not in self.expanded and not self.all_threads:
            self.expanded.add(pid)
            return True
        return False

    def collapse(self, pid: int) -> bool:
        """Hide threads first, then fold children. True if anything changed."""
        if pid in self.expanded:
            self.expanded.discard(pid)
            return True
        if self.has_children(pid) and pid not in self.folded:
            self.folded.add(pid)
            return True
        return False

    def toggle_threads(self, pid: int) -> None:
        if pid in self.expanded:
            self.expanded.discard(pid)
        else:
            self.expanded.add(pid)

    def collapse_all(self, keep: int | None = None) -> None:
        """Hide every thread and fold every subtree but the path down to `keep`."""
        self.expanded.clear()
        self.all_threads = False
        path = set(self.ancestors(keep)) if keep is not None else set()
        self.folded = {pid for pid, kids in self._kids.items() if pid and kids and pid not in path}


def _proc_matches(p: ProcRow, needle: str) -> bool:
    if needle == str(p.pid) or needle in p.name.casefold():
        return True
    return any(needle in a.casefold() for a in p.cmdline)


def _thread_matches(t: ThreadRow, needle: str) -> bool:
    if needle == str(t.tid):
        return True
    if t.name and needle in t.name.casefold():
        return True
    return bool(t.role and needle in t.role.casefold())


def find_row(rows: list[Row], row_id: RowId) -> int | None:
    for i, r in enumerate(rows):
        if r.id == row_id:
            return i
    return None
