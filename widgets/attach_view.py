"""Attach mode's loop and pool panes: a real process's threads, sampled from /proc.

Thread names and the paths a thread blocks on belong to the watched process
(any user's): they reach the screen through shown(), as Text, never markup.

Both panes are line widgets: a snapshot becomes a list of Text lines for the
pane's width (`loop_lines`, `pool_lines`, plain functions the tests call), and
only the lines that changed are repainted; the pane's height changes, and so
the screen's layout is redone, only when the number of lines does. (As Rich
tables redrawn and re-laid out on every snapshot they cost the attach app more
than the sampler itself.)
"""

from __future__ import annotations

from rich.segment import Segment
from rich.text import Text
from textual.geometry import Region
from textual.strip import Strip
from textual.widget import Widget

from tui.core.attach.snapshot import Snapshot, ThreadSnapshot
from tui.core.untrusted import shown
from widgets.style import changed_span, pack

HOT = "bold #f66151"
BLOCKED = "bold #3daee9"
BAR = "#e5a50a"


def secs(s: float) -> str:
    return f"{s * 1000:.0f} ms" if s < 1 else (f"{s:.1f} s" if s < 100 else f"{s:.0f} s")


def lasted(s: float, open_: bool) -> str:
    """A duration; `≥` when it began before the attach (we count from the first sample)."""
    return ("≥" if open_ else "") + secs(s)


def since_attach(age_s: float | None, what: str = "the thread started") -> str:
    """Why a `≥` duration is a lower bound, and the upper bound the thread's own start gives."""
    return f"since attach; {what} {secs(age_s)} ago" if age_s is not None else "since attach"


def _pct_bar(pct: float, width: int = 10) -> Text:
    full = int(round(pct / 100 * width))
    t = Text("█" * full, style=BAR)
    t.append("░" * (width - full), style="dim")
    t.append(f" {pct:3.0f}%")
    return t


def _cpu(t: ThreadSnapshot) -> str:
    c = t.window.cpu_pct
    return "  —" if c is None else f"{c:3.0f}%"


def activity_text(t: ThreadSnapshot, loop: bool = False) -> Text:
    a = t.activity
    if a.idle:
        if loop and a.what.startswith("epoll"):
            return Text("○ idle in epoll", style="dim")  # a loop thread waiting for events
        return Text(f"○ idle ({shown(a.what)})", style="dim")
    return Text(shown(a.label), style=HOT if a.kind == "cpu" else BLOCKED)


# -- the loop pane ------------------------------------------------------------------------

def loop_lines(s: Snapshot | None, width: int) -> list[Text]:
    if s is None:
        return [Text(" sampling…", style="dim")]
    out: list[Text] = []
    if s.syscall_readable is False:
        out.extend(pack(_phrases("scheduler state only: no ptrace permission to read system calls", HOT), width))
    if not s.alive:
        out.extend(_wrap(Text(f" the process has {shown(s.ended or 'exited')}", style=HOT), width, " "))
    loop = s.loop
    if loop is None:
        what = "the main thread is the loop thread in Node" if s.is_node else "not Node: no roles"
        out.extend(pack(_phrases(f"no loop thread found ({what})", "dim"), width))
        return out
    state = [Text.assemble(("loop thread ", "bold"), (str(loop.tid), "dim"))]
    if not s.alive:
        # Gone: its last sample is history, not what it is doing ("runnable" after the exit).
        state.append(Text.assemble(("ended; last seen ", "dim"), activity_text(loop)))
    elif loop.activity.idle:
        state.append(Text("○ waiting in epoll (idle)", style="dim"))
    else:
        state.append(activity_text(loop))
        state.append(Text(f" busy for {lasted(loop.busy_for_s, loop.busy_open)}", style="bold"))
        if loop.busy_open:
            state += _phrases(f"({since_attach(loop.age_s, 'the process started')})", "dim")
    out.extend(pack(state, width))
    w = loop.window
    longest = w.longest_busy_s
    cpu = "—" if w.cpu_pct is None else f"{w.cpu_pct:.0f}% of a core"
    parts = [
        Text.assemble(("busy ", "dim"), _pct_bar(w.busy_pct)),
        Text.assemble(("CPU ", "dim"), cpu),
        Text.assemble(("longest busy ", "dim"), (secs(longest), HOT if longest >= 0.1 else "bold")),
        Text(f"(last {s.window_s:g} s, {s.hz:.1f} Hz)", style="dim"),
    ]
    out.extend(pack(parts, width, gap="  "))
    if longest >= 0.1:
        out.extend(pack(_phrases("a long busy stretch means the loop was blocked: no callback ran meanwhile",
                                 "dim italic"), width))
    for a in w.activities[:3]:
        label = shown(a.what + (f" {a.target}" if a.target else ""))
        out.extend(_wrap(Text(f"   {a.share * 100:3.0f}%  {label}", style="dim" if a.idle else ""), width, "         "))
    return out


# -- the pool pane ------------------------------------------------------------------------

_HEAD = 14  # " w0      1234  ": name, tid
_RIGHT = 29  # " ≥24.1 s  ██████ 100%   15%": took, busy bar, CPU
_RIGHT_NARROW = 21  # " ≥24.1 s  100%   15%": no bar below this many columns for what a thread does
_MIN_DOING = 16


def _narrow(width: int) -> bool:
    return width - _HEAD - _RIGHT < _MIN_DOING


def _row(name: str, t: ThreadSnapshot, width: int, loop: bool = False) -> Text:
    head = Text(f" {name:<4}", style="bold")
    head.append(f"{t.tid:>7}  ", style="dim")
    narrow = _narrow(width)
    room = max(8, width - _HEAD - (_RIGHT_NARROW if narrow else _RIGHT))
    what = activity_text(t, loop)
    what.truncate(room, overflow="ellipsis", pad=True)
    took = "" if t.activity.idle else lasted(t.busy_for_s, t.busy_open)
    busy = Text(f"{t.window.busy_pct:4.0f}%") if narrow else _pct_bar(t.window.busy_pct, 6)
    return Text.assemble(head, what, (f" {took:>9}  ", "bold"), busy, (f"  {_cpu(t)}", ""))


def _columns(width: int) -> Text:
    narrow = _narrow(width)
    room = max(8, width - _HEAD - (_RIGHT_NARROW if narrow else _RIGHT))
    busy = f"{'busy':>5}" if narrow else f"{'busy':<11}"
    return Text(f"{'':5}{'tid':>7}  {'doing':<{room}} {'for':>9}  {busy}  {'CPU':>4}", style="dim")


def _phrases(text: str, style: str = "") -> list[Text]:
    """A sentence as groups for pack(): it breaks between words, never inside one."""
    return [Text(word, style=style) for word in text.split(" ") if word]


def pool_lines(s: Snapshot | None, width: int) -> list[Text]:
    if s is None:
        return [Text(" sampling…", style="dim")]
    out: list[Text] = []
    node = s.node
    if not s.workers:
        what = ("no libuv worker yet: Node starts its pool on the first fs, dns.lookup, "
                "crypto or zlib request" if s.is_node else "not a Node process: no libuv pool")
        out.extend(pack(_phrases(what, "dim italic"), width))
    else:
        busy = sum(1 for w in s.workers if not w.activity.idle)
        head = [Text.assemble(("libuv pool ", "bold"), (str(len(s.workers)), "bold"), (" workers", "dim"))]
        if node is not None and not s.environ_readable:
            head.append(Text("(UV_THREADPOOL_SIZE unknown: environ not readable)", style="dim"))
        elif node is not None and node.uv_pool_size != len(s.workers):
            head.append(Text(f"(of {node.uv_pool_size}: UV_THREADPOOL_SIZE)", style="dim"))
        head.append(Text.assemble(("busy now ", "dim"), (str(busy), "bold")))
        if s.syscall_readable:
            head.append(Text.assemble(("all busy ", "dim"), (f"{s.saturated_pct:.0f}%", "bold"),
                                      (f" of the last {s.window_s:g} s", "dim")))
        out.extend(pack(head, width, gap="  "))
        out.append(_columns(width))
        for i, w in enumerate(s.workers):
            out.append(_row(f"w{i}", w, width))
        if s.saturated and s.syscall_readable:
            lasting = max(0.0, s.taken_at - (s.saturated_since or s.taken_at))
            if s.saturated_open:
                when = f"SATURATED {lasted(lasting, True)} ({since_attach(s.pool_age_s, 'the pool started')})"
            else:
                when = f"SATURATED for {secs(lasting)}"
            banner = "bold black on #f66151"
            out.extend(pack(_phrases(f"{when}: every worker is busy, new requests queue up", banner), width,
                            gap=Text(" ", style=banner)))
    if s.worker_threads:
        idle = sum(1 for t in s.worker_threads if t.activity.idle)
        head = [Text.assemble(("Workers ", "bold"), (str(len(s.worker_threads)), "bold"))]
        head += _phrases(f"(worker_threads, each its own event loop): {idle} idle", "dim")
        out.extend(pack(head, width))
        for i, t in enumerate(s.worker_threads):
            out.append(_row(f"W{i}", t, width, loop=True))
    out.extend(_others(s, width))
    return out


def _others(s: Snapshot, width: int) -> list[Text]:
    groups = [Text(f"other threads {sum(n for _, n in s.others)}" + (":" if s.others else ""), style="dim")]
    groups += [Text(f"{role} {n}" + ("," if i < len(s.others) - 1 else ""), style="dim")
               for i, (role, n) in enumerate(s.others)]
    out = pack(groups, width)
    for x in s.busy_others:
        # One each: its name (anyone's choice) first, then what it does, wrapped rather than cut
        # (the path of a FIFO it waits on is the point).
        line = Text("   busy: ", style="dim")
        line.append(f"{shown(x.name)} ({x.role or 'role unknown'}) ")
        line.append_text(activity_text(x))
        out.extend(_wrap(line, width, "         "))
    return out


def _wrap(line: Text, width: int, indent: str) -> list[Text]:
    """`line` cut into pieces of `width` cells, the later ones indented: never a lost tail."""
    if width <= len(indent) + 8 or line.cell_len <= width:
        return [line]
    out = [line[:width]]
    rest = line[width:]
    room = width - len(indent)
    while rest.cell_len:
        out.append(Text(indent) + rest[:room])
        rest = rest[room:]
    return out


# -- the widgets --------------------------------------------------------------------------

class SampledView(Widget):
    """A pane drawn from the latest sampler snapshot, one Text per line; only changed lines repaint."""

    DEFAULT_CSS = "SampledView { height: 1; }"

    def __init__(self, **kw) -> None:
        super().__init__(**kw)
        self.snap: Snapshot | None = None
        self.lines: list[Text] = []

    def build(self, snap: Snapshot | None, width: int) -> list[Text]:
        raise NotImplementedError

    def show(self, snap: Snapshot) -> None:
        self.snap = snap
        self._rebuild()

    def on_resize(self, _event) -> None:
        self._rebuild(full=True)

    def on_mount(self) -> None:
        self._rebuild(full=True)

    def _rebuild(self, full: bool = False) -> None:
        width = self.size.width or 80
        old, new = self.lines, self.build(self.snap, width)
        self.lines = new
        if len(new) != len(old):
            self.styles.height = max(1, len(new))  # a re-layout only when the height changes
            self.refresh()
            return
        if full:
            self.refresh()
            return
        for y, (a, b) in enumerate(zip(old, new)):
            if a.plain == b.plain and a.spans == b.spans and a.style == b.style:
                continue
            span = changed_span(a.plain, b.plain) if a.spans == b.spans else None
            if span is None:  # the styles moved: the whole line
                self.refresh(Region(0, y, width, 1))
            else:
                self.refresh(Region(span[0], y, span[1] - span[0], 1))

    def render_line(self, y: int) -> Strip:
        base = self.rich_style
        width = self.size.width
        if y >= len(self.lines):
            return Strip.blank(width, base)
        segs = Segment.apply_style(self.lines[y].render(self.app.console), base)
        return Strip(list(segs)).crop(0, width).adjust_cell_length(width, base)

    def render(self) -> Text:
        """The lines as one Text (what Rich-based callers and tests print); drawing uses render_line."""
        return Text("\n").join(self.lines)

    def text(self) -> str:
        """What the pane shows, as plain text (tests, screen readers)."""
        return "\n".join(line.plain for line in self.lines)


class AttachLoopView(SampledView):
    def build(self, snap: Snapshot | None, width: int) -> list[Text]:
        return loop_lines(snap, width)


class AttachPoolView(SampledView):
    def build(self, snap: Snapshot | None, width: int) -> list[Text]:
        return pool_lines(snap, width)
