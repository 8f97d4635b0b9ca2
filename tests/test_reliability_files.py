"""Bad files, in sim and live: each fails with Node's code, bounded, and nothing else breaks.

Missing, a directory, unreadable, endless (/dev/zero), a FIFO with no writer,
a file that vanishes or shrinks between fstat and read, a 1 GiB sparse file.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import tempfile
import time

import pytest

from reliability_kit import ROOT, can_drop_privileges, cli, run_as_nobody
from tui.core.live.driver import LiveDriver
from tui.core.live.runtime import LiveRuntime
from tui.core.live.work import LiveWork
from tui.core.ops import NodeAPI
from tui.core.runtime import BLOCKED, IDLE, Runtime
from tui.core.sim_work import UNKNOWN_SIZE_LIMIT, SimWork

GIB = 1 << 30


def user_callbacks(out: str) -> list[dict]:
    evs = [json.loads(line) for line in out.splitlines()]
    return [e for e in evs if e["ev"] == "callback" and e.get("detail") == "user"]


@pytest.fixture
def files(tmp_path):
    d = tmp_path / "d"
    d.mkdir()
    sparse = tmp_path / "sparse"
    with open(sparse, "wb") as f:
        f.truncate(GIB)  # 1 GiB of holes: costs no disk, reads as zeros
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    return {"missing": str(tmp_path / "nope"), "dir": str(d), "sparse": str(sparse), "fifo": str(fifo)}


def counters_add_up(rt) -> None:
    p = rt.pool
    assert p.submitted == p.done + p.failed + p.cancelled + p.in_flight()


# -- sim ------------------------------------------------------------------------------------

@pytest.mark.parametrize("what,op,code", [
    ("missing", "readFile", "ENOENT"), ("missing", "stat", "ENOENT"), ("missing", "gzip", "ENOENT"),
    ("dir", "readFile", "EISDIR"), ("dir", "gzip", "EISDIR"),
    ("/dev/zero", "readFile", "ERR_FS_FILE_TOO_LARGE"), ("/dev/zero", "gzip", "ERR_FS_FILE_TOO_LARGE"),
])
def test_sim_bad_files_fail_with_Node_codes_and_exit_0(files, what, op, code):
    path = files.get(what, what)
    rc, out, err = cli("--headless", "--sim", "--json", "--fire", f"{op}:{path}")
    assert rc == 0 and err == ""
    [cb] = user_callbacks(out)
    assert cb["error"] == code


def test_sim_endless_file_stops_at_the_bound():
    rt = Runtime(1, work=SimWork(1))
    api = NodeAPI(rt)
    out = {}
    rt.start(lambda: api.read_file("/dev/zero", lambda e, r: out.update(e=e)))
    assert rt.run() == IDLE
    assert out["e"].code == "ERR_FS_FILE_TOO_LARGE"
    read = sum(j.result for t in [rt.task(1)] for j in t.jobs if j.op == "fs.read" and j.result)
    assert UNKNOWN_SIZE_LIMIT <= read < UNKNOWN_SIZE_LIMIT + 64 * 1024
    counters_add_up(rt)


def test_sim_one_gib_sparse_file_reads_in_512_KiB_steps(files):
    rc, out, _ = cli("--headless", "--sim", "--json", "--fire", f"readFile:{files['sparse']}")
    assert rc == 0
    evs = [json.loads(line) for line in out.splitlines()]
    assert sum(1 for e in evs if e["ev"] == "start" and e["op"] == "fs.read") == GIB // (512 * 1024)
    assert user_callbacks(out)[0]["result"] == f"{GIB} bytes"


def test_sim_fifo_blocks_one_worker_and_the_work_queued_behind_it_can_be_cancelled(files):
    rt = Runtime(1, work=SimWork(1))
    api = NodeAPI(rt)
    out = {}
    tasks = {}

    def main():
        tasks["fifo"] = api.read_file(files["fifo"], lambda e, r: out.update(fifo=e))
        tasks["stat"] = api.stat("/", lambda e, r: out.update(stat=e))

    rt.start(main)
    assert rt.run() == BLOCKED  # as Node: the loop waits for a writer that never comes
    [w] = rt.pool.workers
    assert w.job is not None and w.job.op == "fs.open" and "fifo" in w.job.label
    assert api.cancel(tasks["stat"]) == "ECANCELED"
    assert api.cancel(tasks["fifo"]) == "EBUSY"  # uv_cancel cannot stop a running job
    rt.run()
    assert out["stat"].code == "ECANCELED" and "fifo" not in out
    counters_add_up(rt)


def test_sim_file_that_vanishes_between_stat_and_readFile_is_ENOENT(tmp_path):
    f = tmp_path / "gone"
    f.write_bytes(b"x" * 1000)
    rt = Runtime(1, work=SimWork(1))
    api = NodeAPI(rt)
    out = {}

    def after_stat(e, r):
        out["stat"] = (e, r)
        f.unlink()  # another process removes it between the stat and the readFile
        api.read_file(str(f), lambda e, r: out.update(read=(e, r)))

    rt.start(lambda: api.stat(str(f), after_stat))
    assert rt.run() == IDLE
    assert out["stat"] == (None, "size 1000")
    assert out["read"][0].code == "ENOENT" and out["read"][1] is None
    counters_add_up(rt)


def test_sim_file_that_vanishes_after_open_reads_on_as_Node_would(tmp_path):
    f = tmp_path / "gone"
    f.write_bytes(b"x" * 1000)
    rt = Runtime(1, work=SimWork(1))
    api = NodeAPI(rt)
    out = {}
    rt.start(lambda: api.read_file(str(f), lambda e, r: out.update(e=e, r=r)))
    task = None
    while task is None or not any(j.op == "fs.open" and j.t_done is not None for j in task.jobs):
        assert rt.step()
        task = rt.task(1)
    f.unlink()  # the open fd keeps the inode alive
    assert rt.run() == IDLE
    assert out == {"e": None, "r": "1000 bytes"}
    counters_add_up(rt)


# -- live -----------------------------------------------------------------------------------

def run_live(rt, driver, main, timeout=60.0):
    rt.start(main)
    assert driver.run_until_idle(timeout) == IDLE


@pytest.mark.parametrize("what,op,code", [
    ("missing", "read_file", "ENOENT"), ("missing", "stat", "ENOENT"), ("missing", "gzip", "ENOENT"),
    ("dir", "read_file", "EISDIR"), ("dir", "gzip", "EISDIR"),
    ("/dev/zero", "read_file", "ERR_FS_FILE_TOO_LARGE"), ("/dev/zero", "gzip", "ERR_FS_FILE_TOO_LARGE"),
])
def test_live_bad_files_fail_with_Node_codes(live, files, what, op, code):
    rt, api, driver, _ = live(2)
    out = {}
    run_live(rt, driver, lambda: getattr(api, op)(files.get(what, what), lambda e, r: out.update(e=e)))
    assert out["e"] is not None and out["e"].code == code
    assert os.listdir(files["dir"]) == []  # nothing written anywhere near what was read
    counters_add_up(rt)


def test_live_fifo_blocks_a_worker_queued_work_is_cancelled_and_shutdown_is_prompt(live, files):
    rt, api, driver, _ = live(1)
    out, tasks = {}, {}

    def main():
        tasks["fifo"] = api.read_file(files["fifo"], lambda e, r: out.update(fifo=e))
        tasks["stat"] = api.stat("/", lambda e, r: out.update(stat=e))

    rt.start(main)
    deadline = time.monotonic() + 10
    while not (rt.pool.workers and rt.pool.workers[0].job is not None):
        assert time.monotonic() < deadline
        driver.pump()
        driver.wait(0.05)
    w = rt.pool.workers[0]
    assert w.job.op == "fs.open" and "fifo" in w.job.label
    snap = rt.snapshot()  # what the UI shows: the worker busy with the FIFO's open
    assert any(sw.job is not None and "fifo" in str(sw.job.label) for sw in snap.workers)
    assert api.cancel(tasks["stat"]) == "ECANCELED"
    assert api.cancel(tasks["fifo"]) == "EBUSY"
    driver.run_until_idle(0.3)
    assert out == {"stat": out["stat"]} and out["stat"].code == "ECANCELED"
    t0 = time.monotonic()
    rt.shutdown()  # the open() cannot be interrupted: its thread is abandoned, not waited for
    assert time.monotonic() - t0 < 2
    counters_add_up(rt)


class _Meddler(LiveWork):
    """Changes the file right after fstat, before the first read: the race a user can cause."""

    def __init__(self, action):
        super().__init__()
        self.action = action

    def _fs_fstat(self, a):
        size = super()._fs_fstat(a)
        self.action(a["file"].path)
        return size


@pytest.mark.parametrize("action,expected", [
    (os.unlink, "300000 bytes"),                       # the fd keeps the inode: Node reads it all
    (lambda p: os.truncate(p, 1000), "1000 bytes"),    # shrank: reads stop at EOF, no error, no hang
    (lambda p: open(p, "ab").write(b"y" * 5), "300000 bytes"),  # grew: Node reads the size fstat said
])
def test_live_file_changing_between_fstat_and_read(tmp_path, action, expected):
    f = tmp_path / "moving"
    f.write_bytes(b"x" * 300000)
    rt = LiveRuntime(1)
    rt.executor.work = _Meddler(action)
    driver, api = LiveDriver(rt), NodeAPI(rt)
    out = {}
    try:
        run_live(rt, driver, lambda: api.read_file(str(f), lambda e, r: out.update(e=e, r=r)))
    finally:
        rt.shutdown()
    assert out == {"e": None, "r": expected}


def test_live_one_gib_sparse_file_is_read_without_holding_it(files):
    # In a process of its own: the peak RSS of this test session says nothing about this read.
    code = (
        "import sys\n"
        f"sys.path.insert(0, {ROOT!r})\n"
        "from tui.cli import main\n"
        f"code = main(['--headless', '--live', '--json', '--pool-size', '2', '--fire', 'readFile:{files['sparse']}'])\n"
        "hwm = [l for l in open('/proc/self/status') if l.startswith('VmHWM:')][0].split()[1]\n"
        "print('peak_kib', hwm, file=sys.stderr)\n"
        "sys.exit(code)\n"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=180)
    assert r.returncode == 0, r.stderr[-2000:]
    assert f'"result": "{GIB} bytes"' in r.stdout  # the user callback got the whole size
    peak_mib = int(r.stderr.split("peak_kib")[1].split()[0]) / 1024
    assert peak_mib < 512  # readFile's bytes are counted, not kept


@pytest.mark.slow
def test_live_gzip_of_a_one_gib_sparse_file_holds_it_once_not_twice(files):
    # A child process, so that its peak RSS is its own: the bytes are held once, as Node's Buffer.
    code = ("import sys, resource; sys.path.insert(0, %r)\n"
            "from tui.cli import main\n"
            "rc = main(['--headless', '--live', '--summary', '--fire', 'gzip:%s'])\n"
            "print('PEAK', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)\n"
            "sys.exit(rc)\n") % (os.path.dirname(os.path.dirname(os.path.abspath(__file__))), files["sparse"])
    import subprocess
    import sys

    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    peak = int(r.stdout.rsplit("PEAK", 1)[1])
    assert "1 done" in r.stdout and peak < 1024 + 400, peak


# -- unprivileged: EACCES ---------------------------------------------------------------------

@pytest.fixture
def unreadable():
    # Not under tmp_path: pytest's base dir is 0700, and the test is the file's mode, not its parent's.
    d = tempfile.mkdtemp(prefix="ptview-rel-")
    os.chmod(d, 0o755)
    f = os.path.join(d, "secret")
    with open(f, "w") as fh:
        fh.write("top secret\n")
    os.chmod(f, 0)
    yield f
    os.chmod(f, stat.S_IRUSR | stat.S_IWUSR)
    os.unlink(f)
    os.rmdir(d)


@pytest.mark.parametrize("mode", ["--sim", "--live"])
def test_unreadable_file_is_EACCES_for_an_unprivileged_user(unreadable, mode):
    args = ["--headless", mode, "--json", "--fire", f"readFile:{unreadable}", "--fire", f"gzip:{unreadable}"]
    if can_drop_privileges():
        r = run_as_nobody(args)
        rc, out, err = r.returncode, r.stdout, r.stderr
    elif os.geteuid() != 0:
        rc, out, err = cli(*args)
    else:
        pytest.skip("root without setresuid: cannot be unprivileged")
    assert rc == 0, err
    assert [cb["error"] for cb in user_callbacks(out)] == ["EACCES", "EACCES"]
    assert os.stat(unreadable).st_mode & 0o777 == 0  # untouched
