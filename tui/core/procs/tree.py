"""Processes as a tree (parent -> children, each with its threads), as text or JSON."""

from __future__ import annotations

from dataclasses import dataclass, field

from tui.core.procs.scanner import ProcRow, Snapshot, ThreadRow
from tui.core.untrusted import shown


@dataclass
class TreeNode:
    proc: ProcRow
    threads: tuple[ThreadRow, ...] = ()
    children: list[TreeNode] = field(default_factory=list)


def children_map(snapshot: Snapshot) -> dict[int, list[int]]:
    """ppid -> child pids in pid order; processes without a known parent sit under 0."""
    kids: dict[int, list[int]] = {}
    procs = snapshot.procs
    for pid, row in procs.items():
        parent = row.ppid if row.ppid in procs and row.ppid != pid else 0
        kids.setdefault(parent, []).append(pid)
    for v in kids.values():
        v.sort()
    return kids


def subtree_pids(snapshot: Snapshot, root_pid: int) -> set[int]:
    kids = children_map(snapshot)
    out: set[int] = set()
    todo = [root_pid] if root_pid in snapshot.procs else []
    while todo:
        pid = todo.pop()
        if pid in out:
            continue  # a pid reused mid-scan could close a loop
        out.add(pid)
        todo.extend(kids.get(pid, ()))
    return out


def build_forest(snapshot: Snapshot, root_pid: int | None = None) -> list[TreeNode]:
    kids = children_map(snapshot)
    seen: set[int] = set()

    def build(pid: int) -> TreeNode:
        seen.add(pid)
        node = TreeNode(snapshot.procs[pid], snapshot.threads.get(pid, ()))
        node.children = [build(c) for c in kids.get(pid, ()) if c not in seen]
        return node

    if root_pid is not None:
        return [build(root_pid)] if root_pid in snapshot.procs else []
    return [build(pid) for pid in kids.get(0, ())]


def fmt_cpu(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}%"


def fmt_bytes(n: int | None) -> str:
    if n is None:
        return "-"
    for unit in ("B", "K", "M", "G"):
        if n < 1024 or unit == "G":
            return f"{n:.0f}{unit}" if unit == "B" else f"{n:.1f}{unit}"
        n /= 1024
    return f"{n:.1f}T"  # pragma: no cover


def fmt_role(role: str | None, inferred: bool) -> str:
    """A trailing `?` marks a role inferred from creation order (Node 20)."""
    if role is None:
        return ""
    return role + ("?" if inferred else "")


def render_text(forest: list[TreeNode], cmdline_width: int = 60) -> str:
    """Like `pstree -p -t`, one line per process and per thread, with state, CPU and roles.

    Names and command lines are anyone's to choose: they are printed through shown()."""
    lines: list[str] = []

    def proc_line(p: ProcRow) -> str:
        parts = [f"{shown(p.name)}({p.pid})", p.state or "?", fmt_cpu(p.cpu_percent), fmt_bytes(p.rss)]
        if p.num_threads > 1:
            parts.append(f"{p.num_threads} threads")
        if p.node:
            parts.append("[node]")
        if p.cmdline:
            cmd = shown(" ".join(p.cmdline))  # before cutting: a cut must not split a visible ^[
            parts.append(cmd if len(cmd) <= cmdline_width else cmd[: cmdline_width - 1] + "…")
        if p.unreadable:  # as the pane shows it: what this user may not read, not a blank
            parts.append("(" + ", ".join(sorted(p.unreadable)) + ": denied)")
        return " ".join(parts)

    def thread_line(t: ThreadRow) -> str:
        parts = [f"{{{shown(t.name) if t.name is not None else '?'}}}({t.tid})", t.state or "?", fmt_cpu(t.cpu_percent)]
        role = fmt_role(t.role, t.role_inferred)
        if role:
            parts.append(role)
        return " ".join(parts)

    def walk(node: TreeNode, prefix: str, last: bool, top: bool) -> None:
        branch = "" if top else ("└─" if last else "├─")
        lines.append(prefix + branch + proc_line(node.proc))
        inner = prefix + ("" if top else ("  " if last else "│ "))
        # As pstree -t: a lone main thread is the process itself, not worth a line.
        threads = node.threads if len(node.threads) > 1 else ()
        items: list[object] = list(threads) + list(node.children)
        for i, item in enumerate(items):
            is_last = i == len(items) - 1
            if isinstance(item, TreeNode):
                walk(item, inner, is_last, False)
            else:
                lines.append(inner + ("└─" if is_last else "├─") + thread_line(item))

    for root in forest:
        walk(root, "", True, True)
    return "\n".join(lines)


def thread_dict(t: ThreadRow) -> dict:
    return {
        "tid": t.tid,
        "name": t.name,
        "state": t.state,
        "cpu_percent": t.cpu_percent,
        "role": t.role,
        "role_inferred": t.role_inferred,
    }


def node_dict(node: TreeNode) -> dict:
    p = node.proc
    return {
        "pid": p.pid,
        "ppid": p.ppid,
        "name": p.name,
        "exe": p.exe,
        "cmdline": list(p.cmdline),
        "user": p.user,
        "state": p.state,
        "cpu_percent": p.cpu_percent,
        "rss": p.rss,
        "num_threads": p.num_threads,
        "create_time": p.create_time,
        "node": p.node,
        "unreadable": sorted(p.unreadable),
        "threads": [thread_dict(t) for t in node.threads],
        "children": [node_dict(c) for c in node.children],
    }
