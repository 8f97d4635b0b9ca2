"""Node thread roles from names (Node >= 22/24) and from creation order (Node 20)."""

from tui.core.procs.roles import is_node, label_threads, role_from_name, v8_pool_size

PID = 1000


def test_node20_all_named_node_is_labelled_by_creation_order():
    tids = [PID, 1002, 1003, 1004, 1005, 1006, 1007, 1010, 1011, 1012, 1013]
    roles = label_threads([(t, "node") for t in reversed(tids)], PID, ["node", "app.js"])
    assert roles[PID] == ("main", False)
    assert roles[1002] == ("delayed tasks", True)
    assert [roles[t] for t in (1003, 1004, 1005, 1006)] == [("V8 platform", True)] * 4
    assert roles[1007] == ("inspector", True)
    assert [roles[t] for t in (1010, 1011, 1012, 1013)] == [("libuv worker", True)] * 4


def test_v8_pool_size_from_the_command_line_shifts_the_order():
    tids = [PID, 1002, 1003, 1004, 1005, 1006]
    roles = label_threads([(t, "node") for t in tids], PID, ["node", "--v8-pool-size=2", "app.js"])
    assert [roles[t][0] for t in tids] == ["main", "delayed tasks", "V8 platform", "V8 platform",
                                           "inspector", "libuv worker"]


def test_v8_pool_size_parsing_stops_at_the_script():
    assert v8_pool_size(["node", "app.js", "--v8-pool-size=9"]) == 4
    assert v8_pool_size(["node", "--v8-pool-size", "3", "app.js"]) == 3
    assert v8_pool_size(["node"]) == 4


def test_node22_names_only_the_scheduler_and_the_pool():
    threads = [(PID, "node"), (1002, "DelayedTaskSche"), (1003, "node"), (1004, "node"),
               (1005, "node"), (1006, "node"), (1007, "node"),
               (1010, "libuv-worker"), (1011, "libuv-worker"), (1012, "libuv-worker"), (1013, "libuv-worker")]
    roles = label_threads(threads, PID, ["/usr/bin/node", "x.js"])
    assert roles[1002] == ("delayed tasks", False)
    assert [roles[t] for t in (1003, 1004, 1005, 1006)] == [("V8 platform", True)] * 4
    assert roles[1007] == ("inspector", True)
    assert all(roles[t] == ("libuv worker", False) for t in (1010, 1011, 1012, 1013))


def test_node22_extra_unnamed_thread_is_not_called_a_pool_worker():
    threads = [(PID, "node"), (1002, "DelayedTaskSche")] + [(1003 + i, "node") for i in range(5)] + [
        (1010, "libuv-worker"), (1020, "node")]
    roles = label_threads(threads, PID, ["node"])
    assert roles[1020] == (None, False)


def test_node24_and_26_names():
    for prefix in ("", "node-"):
        threads = [(PID, prefix + "MainThread"), (1002, "DelayedTaskSche"),
                   (1003, prefix + "V8Worker"), (1004, "SignalInspector"),
                   (1005, "libuv-worker"), (1006, "WorkerThread")]
        roles = label_threads(threads, PID, ["node"])
        assert roles == {PID: ("main", False), 1002: ("delayed tasks", False), 1003: ("V8 platform", False),
                         1004: ("inspector", False), 1005: ("libuv worker", False),
                         1006: ("Worker", False)}


def test_ptview_pool_threads():
    roles = label_threads([(PID, "python3"), (1001, "ptview-pool-0"), (1002, "ptview-pool-12")], PID, ["python3"])
    assert roles[1001] == ("ptview pool", False)
    assert roles[1002] == ("ptview pool", False)


def test_ptview_live_workers_are_workers():
    # tui/core/live/worker_threads.py: `ptview-worker-<n>`, and `ptview-wrk-<n>` from 10 on (15 bytes of comm)
    for name in ("ptview-worker-1", "ptview-worker-9", "ptview-wrk-10", "ptview-wrk-1234"):
        assert role_from_name(name) == "Worker", name
    assert role_from_name("ptview-pl1000") == "ptview pool"
    assert role_from_name("ptview-worker-") is None and role_from_name("ptview-scan") is None
    assert role_from_name("WorkerThread") == "Worker"  # Node >= 23.8 names its Workers so


def test_node_is_recognised_by_executable_or_argv0_not_by_name():
    assert is_node("/usr/bin/node", ["MainThread"])
    assert is_node(None, ["/opt/node-v20/bin/node", "app.js"])
    assert is_node("/usr/local/bin/nodejs", [])
    assert is_node("/usr/bin/node22 (deleted)", [])
    assert not is_node("/usr/bin/python3", ["python3", "node"])
    assert not is_node("/usr/bin/node_exporter", ["node_exporter"])
    assert not is_node(None, [])
