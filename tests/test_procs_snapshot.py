"""What the pane looks like at 80x24, from fixed data (SVG snapshot)."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Footer

from procs_helpers import node_server_procs, proc, result, snapshot
from widgets.proc_tree import ProcTree

NODE = 200


class SnapApp(App):
    def compose(self) -> ComposeResult:
        yield ProcTree(autostart=False, self_pid=NODE)
        yield Footer()

    def on_mount(self) -> None:
        procs, threads = node_server_procs(
            NODE, extra=[proc(300, NODE, "node", threads=7, node=True, cmdline=("node", "worker.js"))])
        tree = self.query_one(ProcTree)
        tree.feed(result(None, snapshot(procs, threads, self_pid=NODE)))
        tree.highlight_tids([NODE + 8])
        self.set_focus(tree.query_one("ProcLines"))


def test_pane_with_a_node_process(snap_compare):
    assert snap_compare(SnapApp(), terminal_size=(80, 24))
