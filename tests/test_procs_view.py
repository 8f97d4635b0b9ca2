"""The pane's headless view model: folding, expansion, filter, forgetting gone pids."""

from procs_helpers import proc, snapshot, thread
from tui.core.procs.view import TreeView


def procs():
    return [proc(1, 0, "init"), proc(2, 0, "kthreadd", cmdline=()), proc(3, 2, "kworker", cmdline=()),
            proc(10, 1, "sh"), proc(11, 10, "node", threads=2, node=True), proc(12, 10, "vim"),
            proc(20, 1, "cron"), proc(21, 20, "job")]


def ids(rows):
    return [r.id for r in rows]


def test_kernel_threads_start_folded_and_a_filter_looks_through_folds():
    v = TreeView(self_pid=12)
    rows = v.update(snapshot(procs()))
    assert ("p", 2) in ids(rows) and ("p", 3) not in ids(rows)
    assert next(r for r in rows if r.id == ("p", 2)).marker == "▶"
    v.filter = "kwork"
    assert ids(v.rows()) == [("p", 2), ("p", 3)]
    assert [r.dim for r in v.rows()] == [True, False]


def test_collapse_all_keeps_the_path_to_the_selection():
    v = TreeView(self_pid=12)
    v.update(snapshot(procs(), {12: [thread(12, 12, "vim")]}))
    assert ("t", 12) in ids(v.rows())
    v.collapse_all(keep=12)
    assert ids(v.rows()) == [("p", 1), ("p", 10), ("p", 11), ("p", 12), ("p", 20), ("p", 2)]
    assert v.threads_wanted() == frozenset()


def test_expand_unfolds_then_shows_threads_and_collapse_undoes_in_reverse():
    v = TreeView()
    v.update(snapshot(procs(), {20: [thread(20, 20, "cron")]}))
    v.folded.add(20)
    assert v.expand(20) and ("p", 21) in ids(v.rows()) and ("t", 20) not in ids(v.rows())
    assert v.expand(20) and ("t", 20) in ids(v.rows())
    assert not v.expand(20)
    assert v.collapse(20) and ("t", 20) not in ids(v.rows())
    assert v.collapse(20) and ("p", 21) not in ids(v.rows())
    assert not v.collapse(21)  # a leaf with hidden threads: nothing left to fold


def test_a_gone_pid_is_forgotten_so_its_reuse_starts_closed():
    v = TreeView()
    v.update(snapshot(procs()))
    v.expand(21)
    assert v.threads_wanted() == frozenset({21})
    v.update(snapshot([p for p in procs() if p.pid != 21]))
    assert v.threads_wanted() == frozenset()
    v.update(snapshot(procs()))
    assert v.threads_wanted() == frozenset()


def test_rooted_view_shows_only_the_subtree():
    v = TreeView(root_pid=10)
    rows = v.update(snapshot(procs(), {10: [thread(10, 10, "sh")]}))
    assert ids(rows) == [("p", 10), ("t", 10), ("p", 11), ("p", 12)]
    assert [r.prefix for r in rows] == ["", "├─", "├─", "└─"]
