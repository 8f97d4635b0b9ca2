"""F1 / ?: what each pane shows and the Node rule behind it."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Markdown

HELP = """\
# ptview

**Processes & threads** — the real process tree from `/proc`: every process
with its OS threads as children (name = the thread's own `comm`). Node
threads are labelled by role: the main thread runs the event loop; *libuv
workers* (4 by default) appear on the first pool request; *V8 platform*
threads run the garbage collector and compiler.

**Event loop** — libuv's phases in order: timers → pending → idle/prepare →
**poll** → check → close, then again. The lit phase is where the loop is now.
After *every* callback Node drains the **nextTick** queue, then the
**microtask** queue (promises), until both are empty. `uv_now` is libuv's
cached clock: it moves only when libuv refreshes it (after epoll returns,
before timers), which is why timers can run a little late.

**Worker pool** — one row per worker thread. A job holds its worker until it
is done; the rest wait in one FIFO. `dns.lookup` is *slow I/O*: at most
(N+1)/2 lookups run at once (2 of 4), behind a single marker in the queue.
A finished job does not call back at once: its callback waits for the loop's
next **poll** phase.

**Workers** (`worker_threads`) — a Worker is a thread of the same process with
an event loop of its own: its own timers, immediates, nextTick and microtask
queues. But the pool is one per process: a Worker's `crypto.pbkdf2` waits in
the same FIFO as the main thread's (its jobs are marked **W1**, **W2**…). With
Workers the loop pane lists every loop on one line and shows the selected one
in full. Block a Worker's loop (**u**) and the main loop runs on: that is why
Workers exist. A Worker starts in ~31-60 ms and ~10 MiB on node 20 here; a
forked process in ~70 ms and ~40 MiB; a pool job in microseconds.

**Log & timeline** — every event in time order, across every loop, and which
job ran on which worker; a Worker's loop is named in the log (`Worker 1`), its
jobs in the timeline (`W1#3`). Task ids are per loop: **[** and **]** select any
loop's task, a Worker's as `W1 #3`. A single step (**.**) runs the next callback
on any loop.

## Keys

| key | action | | key | action |
|---|---|---|---|---|
| r | fs.readFile | | t | setTimeout |
| s | fs.stat | | i | setImmediate |
| l | dns.lookup (pool, slow I/O) | | k | process.nextTick |
| d | dns.resolve (loop, c-ares) | | m | Promise.then |
| c | crypto.pbkdf2 | | f | child_process.fork |
| z | zlib.gzip | | B | block the loop |
| n | net request | | b | burst: the last operation 4 more times |
| W | new Worker (a thread with its own loop) | | p | postMessage to the selected Worker |
| j | the selected Worker runs crypto.pbkdf2 (shared pool) | | u | the selected Worker blocks its loop 2 s |
| K | terminate() the selected Worker | | L | select the next loop (main, Workers) |
| space | pause / resume | | . / , | single step / step back (scripts) |
| + / - | faster / slower | | [ / ] | select previous / next task (any loop's) |
| enter | details of the selected task | | x | cancel the selected task's queued job |
| 1 / 2 / 3 / 0 | loop & pool / processes / log / all | | w | save an SVG screenshot |
| e | why? the Node/libuv rules behind the selected task (or the last step) | | ctrl+p | command palette (themes too) |
| q | quit | | | |

In the process pane (tab into it), capitals act on the tree: **C** collapse
all, **T** every thread, **F** follow, **P** pause the scans, **S** back to
ptview, **/** filter, arrows and enter to fold and unfold.

Modes: `ptview` (live: real threads in this process), `ptview --sim` (the
model on a virtual clock: speed and stepping), `ptview SCRIPT.js` (a Node
script, stepped and stepped back), `ptview --pid PID` (attach: a running
process's own loop thread and pool, sampled from /proc).

Try: **c** then **b** — five pbkdf2 on a pool of four: the fifth waits for a
free worker. Or **r**, then **i** and **t**: inside an I/O callback
`setImmediate` always beats `setTimeout(0)`. Or **W**, then **u** and **t**:
the Worker's loop is blocked, the main loop's timer still runs on time
(**B** blocks the main loop: then it does not).
"""


class HelpScreen(ModalScreen):
    BINDINGS = [Binding("escape,q,f1,question_mark", "close", "Close")]
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll {
        width: 100; max-width: 100%; height: 90%; border: thick $accent; background: $panel;
    }
    """

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Markdown(HELP)

    def action_close(self) -> None:
        self.dismiss(None)
