"""`ptview --watch` against real processes (Node where available).

Assertions are about what the report says each thread was doing, never about
how long anything took.
"""

from __future__ import annotations

import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import time

import pytest

from tui.cli import main
from tui.core.attach.proc_reader import ProcReader
from tui.core.attach.syscalls import syscall_name

ROOT = pathlib.Path(__file__).resolve().parent.parent
NODE = shutil.which("node")
needs_node = pytest.mark.skipif(NODE is None, reason="node not installed")
linux_only = pytest.mark.skipif(not os.path.isdir("/proc/self/task"), reason="needs Linux /proc")

POOL_SCRIPT = r"""
const fs = require('fs'), crypto = require('crypto');
const [fifoA, fifoB] = process.argv.slice(2);
// Size one pbkdf2 job to outlast the watch window on this machine, so one
// worker keeps it (a re-fired job could land on a different worker).
const t0 = process.hrtime.bigint();
crypto.pbkdf2Sync('p', 's', 20000, 32, 'sha512');
const perMs = 20000 / Math.max(1, Number(process.hrtime.bigint() - t0) / 1e6);
const iterations = Math.ceil(perMs * 20000);
// O_RDWR: opening a FIFO this way does not wait for a writer; reading then
// blocks a pool thread in read(2) until the test ends.
const a = fs.openSync(fifoA, 'r+'), b = fs.openSync(fifoB, 'r+');
fs.read(a, Buffer.alloc(1), 0, 1, null, () => {});
fs.read(b, Buffer.alloc(1), 0, 1, null, () => {});
const spin = () => crypto.pbkdf2('p', 's', iterations, 32, 'sha512', spin);
spin();
process.stdin.once('data', () => { const end = Date.now() + 1000; while (Date.now() < end); });
setInterval(() => {}, 1000);
console.log('ready');
"""


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.kill()
    proc.wait(timeout=10)
    for f in (proc.stdin, proc.stdout, proc.stderr):
        if f:
            f.close()


def _wait_for(cond, what: str, limit: float = 10.0) -> None:
    end = time.monotonic() + limit
    while not cond():
        if time.monotonic() > end:
            pytest.fail(f"timed out waiting for {what}")
        time.sleep(0.02)


def _calls(pid: int) -> list[str]:
    r = ProcReader()
    out = []
    for tid in r.list_tids(pid):
        sc = r.read_thread(pid, tid).syscall
        if sc is not None and sc.nr is not None:
            out.append(syscall_name(sc.nr))
    return out


@pytest.fixture
def node_pool(tmp_path):
    fifos = [str(tmp_path / "a.fifo"), str(tmp_path / "b.fifo")]
    for f in fifos:
        os.mkfifo(f)
    script = tmp_path / "pool.js"
    script.write_text(POOL_SCRIPT)
    env = dict(os.environ, UV_USE_IO_URING="0", UV_THREADPOOL_SIZE="4")
    proc = subprocess.Popen([NODE, str(script), *fifos], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, env=env)
    try:
        assert proc.stdout.readline().strip() == b"ready"
        # the two reads are queued; wait until workers have picked them up
        _wait_for(lambda: _calls(proc.pid).count("read") >= 2, "two pool threads in read(2)")
        yield proc, fifos
    finally:
        _stop(proc)


@needs_node
@linux_only
def test_watch_reports_pool_and_loop(node_pool, capsys):
    proc, fifos = node_pool
    proc.stdin.write(b"go\n")  # the loop thread busy-waits for a second from now
    proc.stdin.flush()
    assert main(["--watch", str(proc.pid), "--seconds", "3", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    if not doc["syscall_readable"]:
        pytest.skip("no ptrace permission on this machine")
    assert doc["pid"] == proc.pid and doc["hz_asked"] == 20 and 15 <= doc["hz"] <= 20.5 and doc["is_node"] is True
    threads = {t["tid"]: t for t in doc["threads"]}
    workers = [t for t in doc["threads"] if t["role"] == "libuv worker"]
    assert len(workers) == 4

    readers = {w["activities"][0]["target"] for w in workers
               if w["activities"][0]["what"] == "read"}
    assert readers == {f"fifo {f}" for f in fifos}
    on_cpu = [w for w in workers if w["activities"][0]["what"] == "runnable"]
    assert len(on_cpu) == 1 and on_cpu[0]["busy_pct"] > 50
    idle = [w for w in workers if w["activities"][0]["idle"]]
    assert len(idle) == 1 and idle[0]["activities"][0]["what"] in ("futex", "futex_waitv")
    for w in workers:
        if w not in idle:
            assert w["busy_pct"] > 50

    loop = threads[proc.pid]
    assert loop["role"] == "main"
    whats = {a["what"]: a for a in loop["activities"]}
    assert "runnable" in whats
    assert {"epoll_wait", "epoll_pwait", "epoll_pwait2"} & set(whats)
    assert all(a["idle"] for w, a in whats.items() if w.startswith("epoll"))
    assert 0 < loop["busy_pct"] < 100
    assert 0 < loop["longest_busy_s"] <= doc["seconds"] + 0.1
    assert sum(t["samples"] for t in workers) == 4 * loop["samples"]


@needs_node
@linux_only
def test_watch_text_output(node_pool, capsys):
    proc, fifos = node_pool
    assert main(["--watch", str(proc.pid), "--seconds", "0.5"]) == 0
    out = capsys.readouterr().out
    assert f"pid {proc.pid} (Node.js)" in out
    assert len(re.findall(r"^ +\d+ node +libuv worker", out, re.M)) == 4
    assert f"read fifo {fifos[0]}" in out


def _run_cli(*args: str, user: list[str] | None = None, python: str = sys.executable):
    return subprocess.run([*(user or []), python, "-m", "tui", *args], cwd=ROOT,
                          env=dict(os.environ, PYTHONPATH=str(ROOT)),
                          capture_output=True, text=True, timeout=60)


@linux_only
def test_watch_missing_pid_is_one_line_exit_2():
    pid_max = int(pathlib.Path("/proc/sys/kernel/pid_max").read_text())
    out = _run_cli("--watch", str(pid_max + 1), "--seconds", "0.2")
    assert out.returncode == 2 and out.stdout == ""
    assert out.stderr.count("\n") == 1 and "no process with pid" in out.stderr


def _reads_proc_of(watcher: int, pid: int) -> bool:
    """Has the watcher opened the target's per-thread files, i.e. started sampling?"""
    try:
        fds = os.listdir(f"/proc/{watcher}/fd")
    except OSError:
        return False
    for fd in fds:
        try:
            if os.readlink(f"/proc/{watcher}/fd/{fd}").startswith(f"/proc/{pid}/task/"):
                return True
        except OSError:
            continue
    return False


@needs_node
@linux_only
@pytest.mark.parametrize("reaped", [True, False], ids=["reaped", "zombie"])
def test_watch_process_exiting_mid_watch(reaped):
    # Node exits when its stdin closes, which the test does once the watcher is sampling.
    proc = subprocess.Popen([NODE, "-e", "process.stdin.on('end', () => process.exit(0)); process.stdin.resume()"],
                            stdin=subprocess.PIPE)
    watcher = None
    try:
        _wait_for(lambda: len(ProcReader().list_tids(proc.pid)) >= 7, "node to start its threads")
        watcher = subprocess.Popen([sys.executable, "-m", "tui", "--watch", str(proc.pid), "--seconds", "60",
                                    "--json"], cwd=ROOT, env=dict(os.environ, PYTHONPATH=str(ROOT)),
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        _wait_for(lambda: _reads_proc_of(watcher.pid, proc.pid), "the watcher to start sampling", 30)
        proc.stdin.close()
        if reaped:
            proc.wait(timeout=10)
        stdout, stderr = watcher.communicate(timeout=30)
        assert watcher.returncode == 0, stderr
        assert "exited" in stderr and "Traceback" not in stderr
        doc = json.loads(stdout)
        assert doc["exited"] is True and doc["seconds"] < 60
        assert doc["threads"] and all(t["samples"] > 0 for t in doc["threads"])
    finally:
        if watcher is not None and watcher.poll() is None:
            watcher.kill()
            watcher.communicate()
        _stop(proc)


@linux_only
def test_watch_non_node_process(capsys):
    proc = subprocess.Popen(["sleep", "30"])
    try:
        # past exec and the dynamic loader: asleep
        _wait_for(lambda: ProcReader().cmdline(proc.pid)[:1] == ["sleep"]
                  and ProcReader().process_state(proc.pid) == "S", "sleep to start")
        assert main(["--watch", str(proc.pid), "--seconds", "0.3", "--json"]) == 0
        doc = json.loads(capsys.readouterr().out)
        assert doc["is_node"] is False
        (t,) = doc["threads"]
        assert t["role"] is None and t["tid"] == proc.pid and t["samples"] > 0
        if doc["syscall_readable"]:
            assert t["activities"][0]["what"] in ("clock_nanosleep", "nanosleep")
            assert t["busy_pct"] == 0
    finally:
        _stop(proc)


def _unprivileged_python() -> list[str] | None:
    if os.geteuid() != 0 or shutil.which("setpriv") is None:
        return None
    drop = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
    for py in (sys.executable, "/usr/bin/python3"):
        try:
            ok = subprocess.run([*drop, py, "-c", "import sys; sys.path.insert(0, %r); import tui.cli" % str(ROOT)],
                                cwd="/", capture_output=True, timeout=30).returncode == 0
        except (OSError, subprocess.TimeoutExpired):
            ok = False
        if ok:
            return [*drop, py]
    return None


@needs_node
@linux_only
def test_watch_without_ptrace_permission(node_pool):
    cmd = _unprivileged_python()
    if cmd is None:
        pytest.skip("needs root, setpriv and a python that user 65534 can run")
    proc, _ = node_pool
    out = _run_cli("--watch", str(proc.pid), "--seconds", "0.5", "--json", user=cmd[:-1], python=cmd[-1])
    assert out.returncode == 0, out.stderr
    assert "ptrace permission" in out.stderr and "Traceback" not in out.stderr
    doc = json.loads(out.stdout)
    assert doc["syscall_readable"] is False
    threads = {t["tid"]: t for t in doc["threads"]}
    assert len(threads) == 11 and all(t["samples"] > 0 for t in threads.values())
    kinds = {a["what"] for t in threads.values() for a in t["activities"]}
    assert kinds <= {"runnable", "sleeping", "uninterruptible wait"}
    assert "sleeping" in kinds


@needs_node
@linux_only
def test_watch_names_a_dns_query(tmp_path, capsys):
    """dns.lookup blocks a pool thread in glibc's poll on a UDP socket to port 53.

    The name server is a socket that never answers, and the Node child sees it
    through a resolv.conf bind-mounted in a private mount namespace (root only).
    """
    if os.geteuid() != 0 or shutil.which("unshare") is None:
        pytest.skip("needs root and unshare for a private resolv.conf")
    import socket

    server = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        server.bind(("127.0.0.77", 53))
    except OSError as e:
        server.close()
        pytest.skip(f"cannot bind a fake name server: {e}")
    conf = tmp_path / "resolv.conf"
    conf.write_text("nameserver 127.0.0.77\noptions timeout:30 attempts:1\n")
    js = "require('dns').lookup('blackhole.example', () => {}); setInterval(() => {}, 1000)"
    proc = subprocess.Popen(["unshare", "-m", "sh", "-c",
                             f"mount --bind {conf} /etc/resolv.conf && exec {NODE} -e \"{js}\""])
    try:
        def in_poll():
            if proc.poll() is not None:
                pytest.skip("unshare/mount --bind not permitted here")
            try:
                return "poll" in _calls(proc.pid) and ProcReader().cmdline(proc.pid)[:1] == [NODE]
            except Exception:
                return False
        _wait_for(in_poll, "a pool thread in poll()")
        assert main(["--watch", str(proc.pid), "--seconds", "0.5", "--json"]) == 0
        doc = json.loads(capsys.readouterr().out)
        tops = [t["activities"][0] for t in doc["threads"] if t["role"] == "libuv worker"]
        assert {"what": "poll", "target": "DNS query to 127.0.0.77:53", "idle": False, "share": 1.0} in tops
    finally:
        _stop(proc)
        server.close()


CHURN_SCRIPT = r"""
const { Worker } = require('worker_threads');
const fs = require('fs');
// threads that come and go, and fds opened and closed on pool threads as fast
// as the pool allows: the sampler reads syscall lines and fd links that vanish under it
setInterval(() => new Worker('process.exit(0)', { eval: true }), 20);
const again = () => fs.readFile(__filename, again);
for (let i = 0; i < 4; i++) again();
console.log('ready');
"""


@needs_node
@linux_only
def test_watch_survives_thread_and_fd_churn(tmp_path):
    script = tmp_path / "churn.js"
    script.write_text(CHURN_SCRIPT)
    proc = subprocess.Popen([NODE, str(script)], stdout=subprocess.PIPE)
    try:
        assert proc.stdout.readline().strip() == b"ready"
        out = _run_cli("--watch", str(proc.pid), "--seconds", "2", "--json")
        assert out.returncode == 0, out.stderr
        assert "Traceback" not in out.stderr
        doc = json.loads(out.stdout)
        assert doc["samples"] > 0
        gone = [t for t in doc["threads"] if not t["alive"]]
        assert gone, "worker_threads come and go: some threads must have been seen exiting"
        reads = {a["target"] for t in doc["threads"] for a in t["activities"] if a["target"]}
        assert all(isinstance(r, str) for r in reads)
    finally:
        _stop(proc)


@linux_only
def test_watch_kernel_thread_is_refused():
    out = _run_cli("--watch", "2", "--seconds", "0.2")  # kthreadd on Linux
    if "kernel thread" not in out.stderr:
        pytest.skip("pid 2 is not kthreadd here")
    assert out.returncode == 2 and out.stdout == "" and out.stderr.count("\n") == 1


@needs_node
@linux_only
def test_watch_readfile_of_a_fifo_waits_in_open(tmp_path, capsys):
    """SEMANTICS §4: fs.readFile of a FIFO with no writer holds a worker in openat."""
    fifo = tmp_path / "demo.fifo"
    os.mkfifo(fifo)
    proc = subprocess.Popen([NODE, "-e", f"require('fs').readFile({str(fifo)!r}, () => {{}}); setInterval(() => {{}}, 1000)"])
    try:
        _wait_for(lambda: "openat" in _calls(proc.pid), "a pool thread in openat")
        assert main(["--watch", str(proc.pid), "--seconds", "0.3", "--json"]) == 0
        doc = json.loads(capsys.readouterr().out)
        if not doc["syscall_readable"]:
            pytest.skip("no ptrace permission on this machine")
        tops = [t["activities"][0] for t in doc["threads"] if t["role"] == "libuv worker"]
        assert {"what": "openat", "target": f"fifo {fifo}", "idle": False, "share": 1.0} in tops
    finally:
        _stop(proc)
