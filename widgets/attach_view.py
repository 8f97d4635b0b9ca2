"""Attach mode's loop and pool panes: a real process's threads, sampled from /proc.

Thread names and the paths a thread blocks on belong to the watched process
(any user's): they reach the screen through shown(), as Text, never markup."""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.widget import Widget

from tui.core.attach.snapshot import Snapshot, ThreadSnapshot
from tui.core.untrusted import shown


def _secs(s: float) -> str:
    return f"{s * 1000:.0f} ms" if s < 1 else f"{s:.1f} s"


def _pct_bar(pct: float, width: int = 10) -> Text:
    full = int(round(pct / 100 * width))
    t = Text("█" * full, style="#e5a50a")
    t.append("░" * (width - full), style="dim")
    t.append(f" {pct:3.0f}%")
    return t


def _activity(t: ThreadSnapshot) -> Text:
    a = t.activity
    if a.idle:
        return Text(f"· idle ({shown(a.what)})", style="dim")
    style = "bold #f66151" if a.kind == "cpu" else "bold #3daee9"
    return Text(shown(a.label), style=style)


class _SampledView(Widget):
    """A pane drawn from the latest sampler snapshot."""

    DEFAULT_CSS = "_SampledView { height: auto; }"

    def __init__(self, **kw) -> None:
        super().__init__(**kw)
        self.snap: Snapshot | None = None

    def show(self, snap: Snapshot) -> None:
        self.snap = snap
        self.refresh(layout=True)


class AttachLoopView(_SampledView):
    DEFAULT_CSS = "AttachLoopView { height: auto; }"

    def render(self):
        s = self.snap
        if s is None:
            return Text(" sampling…", style="dim")
        head = Text.assemble((" pid ", "dim"), (str(s.pid), "bold"),
                             ("  Node" if s.is_node else "  not Node: no roles", "bold" if s.is_node else "dim"),
                             (f"  {s.hz:.1f} Hz, last {s.window_s:g} s", "dim"))
        parts = [head]
        if s.syscall_readable is False:
            parts.append(Text(" scheduler state only: no ptrace permission to read system calls",
                              style="bold #f66151"))
        if not s.alive:
            parts.append(Text(f" the process has {shown(s.ended or 'exited')}", style="bold #f66151"))
        loop = s.loop
        if loop is None:
            parts.append(Text(" no loop thread found (the main thread is the loop thread in Node)", style="dim"))
            return Group(*parts)
        state = Text(" loop thread ", style="bold")
        state.append(f"{loop.tid} ", style="dim")
        if not s.alive:
            # Gone: its last sample is history, not what it is doing ("on CPU" after the exit).
            state.append("ended; last seen ", style="dim")
            state.append_text(_activity(loop))
        elif loop.activity.idle:
            state.append("○ waiting in epoll (idle)", style="dim")
        else:
            state.append_text(_activity(loop))
            state.append(f"  busy for {_secs(loop.busy_for_s)}", style="bold")
        parts.append(state)
        g = Table.grid(padding=(0, 1))
        g.add_column(no_wrap=True)
        g.add_column(no_wrap=True)
        g.add_row(Text(" busy", style="dim"), _pct_bar(loop.window.busy_pct))
        cpu = loop.window.cpu_pct
        g.add_row(Text(" CPU", style="dim"), Text("—" if cpu is None else f"{cpu:.0f}% of a core"))
        longest = loop.window.longest_busy_s
        g.add_row(Text(" longest busy", style="dim"),
                  Text(_secs(longest), style="bold #f66151" if longest >= 0.1 else "bold"))
        parts.append(g)
        if longest >= 0.1:
            parts.append(Text(" a long busy stretch means the loop was blocked: no callback ran meanwhile",
                              style="dim italic"))
        top = loop.window.activities[:3]
        for a in top:
            label = shown(a.what + (f" {a.target}" if a.target else ""))
            parts.append(Text(f"   {a.share * 100:3.0f}%  {label}", style="dim" if a.idle else ""))
        return Group(*parts)


class AttachPoolView(_SampledView):
    DEFAULT_CSS = "AttachPoolView { height: auto; }"

    def render(self):
        s = self.snap
        if s is None:
            return Text(" sampling…", style="dim")
        if not s.workers:
            what = ("no libuv worker yet: Node starts its pool on the first fs, dns.lookup, "
                    "crypto or zlib request" if s.is_node else "not a Node process: no libuv pool")
            return Group(Text(f" {what}", style="dim italic"), self._others(s))
        busy = sum(1 for w in s.workers if not w.activity.idle)
        head = Text.assemble((" workers ", "dim"), (str(len(s.workers)), "bold"),
                             ("  busy now ", "dim"), (str(busy), "bold"),
                             ("  all busy ", "dim"), (f"{s.saturated_pct:.0f}%", "bold"),
                             (" of the last samples", "dim"))
        rows = Table.grid(padding=(0, 1), expand=True)
        rows.add_column(no_wrap=True)
        rows.add_column(no_wrap=True, ratio=1, overflow="ellipsis")
        rows.add_column(no_wrap=True)
        rows.add_column(no_wrap=True)
        for i, w in enumerate(s.workers):
            name = Text(f" w{i} ", style="bold")
            name.append(str(w.tid), style="dim")
            took = Text("" if w.activity.idle else _secs(w.activity_s), style="bold")
            rows.add_row(name, _activity(w), took, _pct_bar(w.window.busy_pct, 6))
        parts = [head, rows]
        if s.saturated and s.syscall_readable:
            since = _secs(max(0.0, s.taken_at - (s.saturated_since or s.taken_at)))
            parts.append(Text(f" SATURATED for {since}: every worker is busy, new requests queue up",
                              style="bold black on #f66151"))
        parts.append(self._others(s))
        return Group(*parts)

    def _others(self, s: Snapshot) -> Text:
        others = [t for t in s.threads if t.alive and t.role not in ("main", "libuv worker")]
        busy = [t for t in others if not t.activity.idle]
        t = Text(f" other threads {len(others)}", style="dim")
        if busy:
            t.append(", busy: " + ", ".join(f"{shown(x.name)}({x.role or '?'}) {shown(x.activity.label)}"
                                            for x in busy[:3]))
        return t
