"""What the pane looks like at 80x24, from fixed data (SVG snapshot)."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Footer

from procs_helpers import proc, result, snapshot, thread
from widgets.proc_tree import ProcTree

NODE = 200


class SnapApp(App):
    def compose(self) -> ComposeResult:
        yield ProcTree(autostart=False, self_pid=NODE)
        yield Footer()

    def on_mount(self) -> None:
        roles = ["main", "delayed tasks", "V8 platform", "V8 platform", "V8 platform", "V8 platform",
                 "inspector", "libuv worker", "libuv worker", "libuv worker", "libuv worker"]
        threads = [thread(NODE + i, NODE, "node", role, inferred=i > 0) for i, role in enumerate(roles)]
        procs = [proc(1, 0, "init"), proc(100, 1, "bash", cmdline=("bash",)),
                 proc(NODE, 100, "node", threads=11, node=True, cpu=41.5, cmdline=("node", "server.js")),
                 proc(300, NODE, "node", threads=7, node=True, cmdline=("node", "worker.js")),
                 proc(400, 1, "sshd", cmdline=("sshd:", "/usr/sbin/sshd", "-D"))]
        tree = self.query_one(ProcTree)
        tree.feed(result(None, snapshot(procs, {NODE: threads}, self_pid=NODE)))
        tree.highlight_tids([NODE + 8])
        self.set_focus(tree.query_one("ProcLines"))


def test_pane_with_a_node_process(snap_compare):
    assert snap_compare(SnapApp(), terminal_size=(80, 24))
