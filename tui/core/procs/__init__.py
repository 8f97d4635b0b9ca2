"""Processes and threads: a /proc scanner, Node thread roles, the tree for --tree.

Headless: nothing here imports Textual.
"""

from tui.core.procs.roles import is_node, label_threads
from tui.core.procs.scanner import Diff, ProcRow, Scanner, ScanResult, Snapshot, ThreadRow

__all__ = [
    "Diff",
    "ProcRow",
    "ScanResult",
    "Scanner",
    "Snapshot",
    "ThreadRow",
    "is_node",
    "label_threads",
]
