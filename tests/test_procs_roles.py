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


def test_node20_ids_that_wrapped_around_pid_max_keep_their_creation_order():
    # pid_max 32,768 (this machine's): node started at 32,760, and its threads' ids wrapped
    # to 300 while it started (a CI run of the suite met it: the pool was mislabelled).
    pid = 32760
    tids = [pid, 32761, 32762, 32763, 32764, 32765, 32766, 32767, 300, 301, 302]
    roles = label_threads([(t, "node") for t in sorted(tids)], pid, ["node", "app.js"])
    assert [roles[t][0] for t in tids] == (["main", "delayed tasks"] + ["V8 platform"] * 4
                                          + ["inspector"] + ["libuv worker"] * 4)


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


# -- what the process was started with: NODE_OPTIONS, the command line, UV_THREADPOOL_SIZE ----------

from tui.core.procs.roles import (  # noqa: E402
    inspector_at_start, node_options_argv, node_settings, parse_environ, uv_pool_size, wait_kind,
)


def test_node_options_are_split_as_node_splits_them():
    assert node_options_argv('--v8-pool-size=2  --inspect') == ["--v8-pool-size=2", "--inspect"]
    assert node_options_argv('--title="a b" -r "x\\"y"') == ["--title=a b", "-r", 'x"y']
    assert node_options_argv("") == [] and node_options_argv(None) == []


def test_v8_pool_size_from_node_options_and_the_command_line_wins():
    assert v8_pool_size(["node", "app.js"], "--v8-pool-size=2") == 2
    assert v8_pool_size(["node", "--v8-pool-size=3", "app.js"], "--v8-pool-size=2") == 3
    assert v8_pool_size(["node", "-r", "ts-node/register", "--v8-pool-size=2", "app.js"]) == 2
    assert v8_pool_size(["node", "--v8_pool_size", "5"]) == 5


def test_inspector_at_start():
    assert inspector_at_start(["node", "--inspect", "a.js"])
    assert inspector_at_start(["node", "--inspect-brk=0.0.0.0:9230", "a.js"])
    assert inspector_at_start(["node", "a.js"], '--inspect=127.0.0.1:0')
    assert not inspector_at_start(["node", "--inspect-port=9230", "a.js"])  # a port alone starts nothing
    assert not inspector_at_start(["node", "a.js", "--inspect"])  # the script's own argument


def test_uv_threadpool_size_as_libuv_reads_it():
    assert uv_pool_size(None) is None  # not readable
    assert uv_pool_size({}) == 4
    assert uv_pool_size({"UV_THREADPOOL_SIZE": "2"}) == 2
    assert uv_pool_size({"UV_THREADPOOL_SIZE": "0"}) == 1
    assert uv_pool_size({"UV_THREADPOOL_SIZE": "abc"}) == 1  # atoi: 0, and 0 means 1
    assert uv_pool_size({"UV_THREADPOOL_SIZE": " 8x"}) == 8
    assert uv_pool_size({"UV_THREADPOOL_SIZE": "2000"}) == 1024
    assert uv_pool_size({"UV_THREADPOOL_SIZE": "-1"}) == 1024  # unsigned in libuv: huge, then clamped
    env = parse_environ(b"A=1\0UV_THREADPOOL_SIZE=3\0NODE_OPTIONS=--v8-pool-size=2\0UV_THREADPOOL_SIZE=9\0junk\0")
    s = node_settings(["node", "x.js"], env)
    assert (s.v8_pool_size, s.uv_pool_size, s.uv_pool_known, s.inspector) == (2, 3, True, False)


def test_wait_kind_from_wchan_or_call():
    assert wait_kind("do_epoll_wait") == wait_kind("ep_poll") == wait_kind("epoll_pwait") == "epoll"
    assert wait_kind("futex_wait_queue_me") == wait_kind("futex_do_wait") == wait_kind("futex") == "futex"
    assert wait_kind("0") is None and wait_kind(None) is None and wait_kind("pipe_read") is None


# -- Node 20 (every thread `node`): Workers, the inspector and the pool told apart --------------------

def _node20(n_later: int, *, v8: int = 4, inspect: bool = False) -> list[int]:
    return [PID] + list(range(1002, 1002 + 1 + v8 + 1 + inspect + n_later))


def _roles_of(tids, waits=None, environ=None, cmdline=("node", "app.js")):
    roles = label_threads([(t, "node") for t in tids], PID, list(cmdline), environ=environ,
                          wait_of=(waits or {}).get)
    return [roles[t][0] for t in tids]


def test_workers_started_before_the_pool_wait_in_epoll():
    tids = _node20(6)  # 2 Workers, then the pool of 4 (the first fs request came after)
    later = tids[-6:]
    waits = dict(zip(later, ["epoll", "epoll", "futex", "futex", "futex", "futex"]))
    got = _roles_of(tids, waits, environ={})
    assert got[-6:] == ["Worker", "Worker"] + ["libuv worker"] * 4
    assert got[:7] == ["main", "delayed tasks"] + ["V8 platform"] * 4 + ["inspector"]


def test_a_worker_after_the_pool_and_a_busy_one_not_yet_seen_idle():
    tids = _node20(6)
    later = tids[-6:]
    # the pool first; then a Worker idle in its loop, and one still running JavaScript (no evidence)
    waits = dict(zip(later, ["futex", None, "futex", "futex", "epoll", None]))
    got = _roles_of(tids, waits, environ={})
    assert got[-6:] == ["libuv worker"] * 4 + ["Worker", "Worker"]


def test_inspect_adds_an_io_thread_before_the_pool():
    tids = _node20(4, inspect=True)
    waits = {tids[7]: "epoll"}  # the I/O thread runs its own loop, like a Worker: its slot says which
    got = _roles_of(tids, waits, environ={}, cmdline=("node", "--inspect", "app.js"))
    assert got[6:8] == ["inspector", "inspector"] and got[8:] == ["libuv worker"] * 4


def test_v8_pool_size_and_uv_threadpool_size_from_the_environment():
    tids = [PID] + list(range(1002, 1002 + 1 + 2 + 1 + 1 + 2))  # delayed, V8 x2, signal, a Worker, pool of 2
    waits = {tids[5]: "epoll", tids[6]: "futex", tids[7]: "futex"}
    env = {"NODE_OPTIONS": "--v8-pool-size=2", "UV_THREADPOOL_SIZE": "2"}
    got = _roles_of(tids, waits, environ=env)
    assert got == ["main", "delayed tasks", "V8 platform", "V8 platform", "inspector", "Worker",
                   "libuv worker", "libuv worker"]
    # Without reading NODE_OPTIONS two pool threads were "V8 platform" and "inspector" (issue 15).


def test_a_pool_bigger_than_the_environment_says_is_widened_over_parked_threads():
    tids = _node20(8)  # the script set process.env.UV_THREADPOOL_SIZE = 8 before its first request
    waits = {t: "futex" for t in tids[-8:]}
    assert _roles_of(tids, waits, environ={})[-8:] == ["libuv worker"] * 8


def test_nothing_to_tell_by_keeps_every_later_thread_in_the_pool():
    tids = _node20(6)  # another user's process: no environ, no wchan
    assert _roles_of(tids)[-6:] == ["libuv worker"] * 6
