"""F1 / ? in `ptview --node`: what the panes show of a real node, and what is inferred."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Markdown

from tui.screens.help import HelpScreen

NODE_HELP = """\
# ptview --node: a real node, probed

ptview started this node with its probe preloaded (`--require probe.js`):
`async_hooks` reports every async resource the program makes (a timer, an
immediate, a tick, a promise, a pool request, a socket), which one made it,
where in the program, and when its callback runs.

**Event loop** — the phase is **inferred** from the resource whose callback
runs: `Timeout` → timers, `Immediate` → check, a pool request or a socket →
poll; ticks and promise reactions run in the queues of the phase they
follow. async_hooks reports no phases and no iterations. The queues are what
the program made and node has not yet called back.

**Pool** — above: the requests on libuv's pool that have not called back yet
(queued or running: the hooks cannot tell which), with their age and where
the program made them. Below: node's real worker threads, sampled from
/proc as `--pid` does (idle in futex, or on CPU and for how long).

**Processes & threads** — node itself, with its real threads and their roles.

**Output** — the program's stdout and stderr. **Callbacks** — every resource
made and every callback, in order. **Timeline** — the pool requests in flight
over time (rows are requests at once, not threads).

## Keys

| key | action |
|---|---|
| space | pause the panes: node runs on, ptview records |
| , / . | paused: back / forward through the recording, one callback at a time |
| 1 / 2 / 3 / 0 | loop & pool / processes / output, log & timeline / all |
| w | save an SVG screenshot |
| ctrl+p | command palette |
| q | quit: node is killed and reaped |

Its children (a `fork`) are not probed.
"""


class NodeHelpScreen(HelpScreen):
    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Markdown(NODE_HELP)
