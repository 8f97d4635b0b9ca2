"""Live mode's invariants: real threads follow the model's rules (not wall-time figures)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading

import psutil
import pytest

from modelkit import max_concurrent, of
from tui.core.live.driver import INTERRUPTED
from tui.core.runtime import IDLE, LIMIT

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def run(rt, driver, main, timeout=30.0):
    rt.start(main)
    assert driver.run_until_idle(timeout) == IDLE


def pump_until(driver, predicate, timeout=10.0):
    """Drive the model until `predicate()` holds; waits in the poller, never sleeps blind."""
    import time

    end = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < end, "condition not reached"
        driver.pump()
        driver.wait(0.05)


class Resolver:
    """A getaddrinfo stand-in: records who called it, and blocks until released if asked."""

    def __init__(self, block=False):
        self.block = block
        self.release = threading.Event()
        self.lock = threading.Lock()
        self.calls: list[tuple[str, int]] = []
        self.inside = 0
        self.most = 0

    def __call__(self, host, port, family=0, type=0, *a):
        with self.lock:
            self.calls.append((host, threading.get_native_id()))
            self.inside += 1
            self.most = max(self.most, self.inside)
        if self.block:
            self.release.wait(30)
        with self.lock:
            self.inside -= 1
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("192.0.2.1", 0))]


def test_pool_threads_are_named_in_proc_and_recorded_on_workers(live):
    rt, api, driver, _ = live(3)
    run(rt, driver, lambda: api.stat("/"))
    tids = [w.tid for w in rt.pool.workers]
    comms = {}
    for tid in os.listdir("/proc/self/task"):
        with open(f"/proc/self/task/{tid}/comm") as f:
            comms[int(tid)] = f.read().strip()
    assert [comms[t] for t in tids] == ["ptview-pool-0", "ptview-pool-1", "ptview-pool-2"]


def test_pool_threads_are_created_on_the_first_request_only(live):
    rt, api, driver, _ = live(2)
    before = set(os.listdir("/proc/self/task"))
    run(rt, driver, lambda: api.set_timeout(1))
    new = set(os.listdir("/proc/self/task")) - before
    assert rt.pool.workers == [] and not [t for t in new if _comm(t).startswith("ptview-pool")]


def _comm(tid):
    try:
        with open(f"/proc/self/task/{tid}/comm") as f:
            return f.read().strip()
    except OSError:
        return ""


def test_fifo_start_order_on_a_pool_of_one(live):
    res = Resolver()
    rt, api, driver, ev = live(1, getaddrinfo=res)
    hosts = [f"h{i}.test" for i in range(6)]
    run(rt, driver, lambda: [api.lookup(h) for h in hosts])
    assert [h for h, _ in res.calls] == hosts                  # the real thread ran them in order
    assert {tid for _, tid in res.calls} == {rt.pool.workers[0].tid}
    assert [e.job for e in of(ev, "start")] == sorted(e.job for e in of(ev, "start"))


def test_at_most_half_the_pool_runs_lookups_and_the_rest_keeps_working(live):
    res = Resolver(block=True)
    rt, api, driver, ev = live(4, getaddrinfo=res)
    stats = []

    def main():
        for i in range(6):
            api.lookup(f"slow{i}.test")
        for _ in range(5):
            api.stat("/", lambda e, r: stats.append(r))

    rt.start(main)
    # Fast work flows past the lookups while two of them hold their workers.
    pump_until(driver, lambda: len(stats) == 5 and res.inside == 2)
    assert rt.pool.slow_running == 2 and len(res.calls) == 2    # (4 + 1) // 2
    res.release.set()
    assert driver.run_until_idle(30) == IDLE
    assert res.most == 2 and len(res.calls) == 6
    assert max_concurrent(ev, "dns.lookup") == 2


@pytest.mark.parametrize("size", [0, 100, 512 * 1024, 1024 * 1024 + 1, 3 * 1024 * 1024 + 7])
def test_readFile_reads_the_real_bytes_in_Node_steps(live, tmp_path, size):
    f = tmp_path / "f.bin"
    f.write_bytes(os.urandom(size))
    rt, api, driver, ev = live(2)
    out = {}
    run(rt, driver, lambda: api.read_file(str(f), lambda e, r: out.update(e=e, r=r)))
    assert out == {"e": None, "r": f"{size} bytes"}
    reads = [e.result for e in of(ev, "done", op="fs.read")]
    assert sum(reads) == size
    assert [e.op for e in of(ev, "start")] == ["fs.open", "fs.fstat"] + ["fs.read"] * len(reads) + ["fs.close"]
    assert len(reads) == max(1, -(-size // (512 * 1024)))


def test_readFile_errors_carry_Node_codes(live, tmp_path):
    rt, api, driver, _ = live(2)
    out = {}
    run(rt, driver, lambda: (api.read_file(str(tmp_path / "nope"), lambda e, r: out.update(missing=e)),
                             api.read_file(str(tmp_path), lambda e, r: out.update(dir=e))))
    assert out["missing"].code == "ENOENT" and out["missing"].message.endswith(f"open '{tmp_path / 'nope'}'")
    assert out["dir"].code == "EISDIR"


def test_endless_file_stays_bounded(live):
    rt, api, driver, ev = live(1)
    out = {}
    run(rt, driver, lambda: api.read_file("/dev/zero", lambda e, r: out.update(e=e)))
    assert out["e"].code == "ERR_FS_FILE_TOO_LARGE" and of(ev, "start")[-1].op == "fs.close"


def test_gzip_deflates_the_bytes_it_read(live, tmp_path):
    f = tmp_path / "t.txt"
    f.write_bytes(b"node event loop " * 20000)
    rt, api, driver, _ = live(2)
    out = {}
    run(rt, driver, lambda: api.gzip(str(f), lambda e, r: out.update(e=e, r=r)))
    before, after = out["r"].split(" → ")
    assert out["e"] is None and int(before) == 320000 and 20 < int(after.split()[0]) < 320000 // 50


def test_net_talks_to_the_echo_server_and_never_starts_a_pool_job(live):
    rt, api, driver, ev = live(2)
    out = []
    run(rt, driver, lambda: [api.net_request(lambda e, r: out.append((e, r))) for _ in range(3)])
    assert out == [(None, "echo 5 bytes")] * 3
    assert of(ev, "start") == [] and rt.pool.workers == []
    assert {e.phase for e in of(ev, "callback", op="net.close")} == {"close"}


def test_resolve_without_a_nameserver_says_so_and_never_uses_the_pool(live, tmp_path):
    conf = tmp_path / "resolv.conf"
    conf.write_text("# nothing here\n")
    rt, api, driver, ev = live(2, resolv_conf=str(conf))
    out = {}
    run(rt, driver, lambda: api.resolve("example.com", lambda e, r: out.update(e=e)))
    assert "no DNS server reachable" in out["e"].message
    assert rt.pool.workers == [] and of(ev, "start") == []


def test_block_really_holds_the_loop_thread(live):
    rt, api, driver, ev = live(2)
    run(rt, driver, lambda: (api.set_timeout(1), api.block(150)))
    assert of(ev, "callback", op="setTimeout")[0].t >= 150


def test_fork_is_a_real_process_that_answers_and_is_reaped(live):
    rt, api, driver, ev = live(2)
    out = {}
    run(rt, driver, lambda: api.fork(lambda e, r: out.update(e=e, r=r)))
    child = api.children[0]
    assert out["e"] is None and f"pong from pid {child['pid']}" in out["r"]
    assert child["state"] == "exited" and child["code"] == 0
    assert not psutil.pid_exists(child["pid"]) and rt.loop_io.live_children() == []
    assert rt.pool.workers == []  # the child's pool is its own


def _lab(*args):
    return subprocess.Popen([sys.executable, "-u", "-m", "tui", "--headless", "--live", *args], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _read_until(proc, needle):
    lines = []
    for line in proc.stdout:
        lines.append(line)
        if needle in line:
            return line
    raise AssertionError(f"{needle!r} never printed:\n{''.join(lines)}\n{proc.stderr.read()}")


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT, signal.SIGHUP])
def test_a_signal_ends_the_lab_with_a_job_blocked_on_a_fifo(tmp_path, sig):
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    proc = _lab("--fire", f"readFile:{fifo}", "--fire", "pbkdf2:100000000")
    _read_until(proc, "start    job 2 crypto.pbkdf2")
    proc.send_signal(sig)
    out, err = proc.communicate(timeout=15)
    assert proc.returncode == 128 + sig, err
    assert "interrupted by signal" in out and "still runs job 1 (fs.open fifo)" in out


def test_normal_exit_with_a_job_blocked_on_a_fifo(tmp_path):
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    proc = _lab("--until", "200", "--fire", f"readFile:{fifo}")
    out, err = proc.communicate(timeout=15)
    assert proc.returncode == 0, err
    assert "at the --until limit" in out


def test_no_child_survives_SIGTERM(tmp_path):
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    proc = _lab("--fire", "fork:60000", "--fire", f"readFile:{fifo}")
    line = _read_until(proc, "child_process.fork → pid")
    pid = int(line.rsplit("pid", 1)[1].split()[0])
    kids = psutil.Process(proc.pid).children(recursive=True)
    assert pid in [k.pid for k in kids]
    proc.send_signal(signal.SIGTERM)
    proc.communicate(timeout=15)
    assert proc.returncode == 128 + signal.SIGTERM
    gone, alive = psutil.wait_procs(kids, timeout=5)
    assert alive == []


def test_driver_interrupt_returns_promptly(live, tmp_path):
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    rt, api, driver, _ = live(1)
    rt.start(lambda: api.read_file(str(fifo)))
    assert driver.run_until_idle(0.2) == LIMIT
    driver.interrupt(signal.SIGTERM)
    assert driver.run_until_idle(30) == INTERRUPTED
    rt.shutdown()
    assert rt.executor.running() <= 1  # only the thread stuck in open() is left, abandoned


async def test_an_asyncio_app_can_drive_it_from_the_poller_fd(live, tmp_path):
    """The app's recipe: pump when the poller's fd is readable or the next due time comes."""
    import asyncio

    f = tmp_path / "f"
    f.write_bytes(b"x" * 1000)
    rt, api, driver, ev = live(2)
    loop = asyncio.get_running_loop()
    finished = asyncio.Event()
    timer = []

    def kick():
        for h in timer:
            h.cancel()
        timer.clear()
        driver.advance()
        if rt.done:
            finished.set()
            return
        due = driver.next_due_in()
        if due is not None:
            timer.append(loop.call_later(due, kick))

    loop.add_reader(driver.fileno(), kick)
    try:
        rt.start(lambda: (api.read_file(str(f)), api.net_request(), api.set_timeout(20)))
        kick()
        await asyncio.wait_for(finished.wait(), 20)
    finally:
        loop.remove_reader(driver.fileno())
    assert rt.task_counts["done"] == 3


class FakeDns:
    """A UDP DNS server on loopback: answers A queries from a table, NXDOMAIN otherwise."""

    def __init__(self, table):
        import struct

        self.struct = struct
        self.table = table
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.bind(("127.0.0.1", 0))
        self.addr = self.sock.getsockname()
        self.thread = threading.Thread(target=self.serve, daemon=True)
        self.thread.start()

    def serve(self):
        st = self.struct
        while True:
            try:
                q, peer = self.sock.recvfrom(512)
            except OSError:
                return
            qid = st.unpack(">H", q[:2])[0]
            i, labels = 12, []
            while q[i]:
                labels.append(q[i + 1:i + 1 + q[i]].decode())
                i += 1 + q[i]
            question = q[12:i + 5]
            ips = self.table.get(".".join(labels))
            if ips is None:
                self.sock.sendto(st.pack(">HHHHHH", qid, 0x8183, 1, 0, 0, 0) + question, peer)
                continue
            ans = b"".join(b"\xc0\x0c" + st.pack(">HHIH", 1, 1, 60, 4) + socket.inet_aton(ip) for ip in ips)
            self.sock.sendto(st.pack(">HHHHHH", qid, 0x8180, 1, len(ips), 0, 0) + question + ans, peer)

    def close(self):
        self.sock.close()


def test_resolve_asks_a_DNS_server_from_the_loop_thread(live):
    dns = FakeDns({"ptview.test": ["192.0.2.7", "192.0.2.8"]})
    try:
        rt, api, driver, ev = live(2, dns_server=dns.addr)
        out = {}
        run(rt, driver, lambda: (api.resolve("ptview.test", lambda e, r: out.update(ok=(e, r))),
                                 api.resolve("nope.test", lambda e, r: out.update(missing=e))))
    finally:
        dns.close()
    assert out["ok"] == (None, "[192.0.2.7, 192.0.2.8]")
    assert out["missing"].code == "ENOTFOUND" and out["missing"].message == "queryA ENOTFOUND nope.test"
    assert {e.phase for e in of(ev, "callback", op="dns.resolve")} == {"poll"}
    assert rt.pool.workers == []


def test_thousands_of_completions_from_four_threads_lose_no_wake_up(live):
    rt, api, driver, _ = live(4)
    rt.start(lambda: [api.stat("/") for _ in range(3000)])
    assert driver.run_until_idle(30) == IDLE
    assert rt.pool.done == 3000


def test_a_forked_child_has_its_own_named_threads_and_shutdown_reaps_it(live):
    rt, api, driver, _ = live(2)
    rt.start(lambda: api.fork(stay_ms=60000))
    pump_until(driver, lambda: api.children and api.children[0]["state"] == "running", timeout=30)
    pid = api.children[0]["pid"]
    comms = sorted(_comm_of(pid, t) for t in os.listdir(f"/proc/{pid}/task"))
    assert comms == ["ptview-child", "ptview-pool-0", "ptview-pool-1", "ptview-pool-2", "ptview-pool-3"]
    rt.shutdown()
    assert not psutil.pid_exists(pid) and rt.loop_io.live_children() == []


def _comm_of(pid, tid):
    with open(f"/proc/{pid}/task/{tid}/comm") as f:
        return f.read().strip()


def test_shutdown_cancels_what_is_still_queued(live, tmp_path):
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    rt, api, driver, ev = live(1)
    rt.start(lambda: (api.read_file(str(fifo)), api.stat("/"), api.stat("/"), api.lookup("x.test")))
    pump_until(driver, lambda: rt.pool.workers and rt.pool.workers[0].job is not None)
    rt.shutdown()
    assert rt.pool.cancelled == 3 and [e.result for e in of(ev, "cancel")] == ["ECANCELED"] * 3


def test_the_live_lab_prints_the_sim_formats():
    import json

    def lab(*args):
        return subprocess.run([sys.executable, "-m", "tui", "--headless", *args], cwd=ROOT, capture_output=True,
                              text=True, timeout=60)

    fires = ["--fire", "stat:/", "--fire", "net", "--fire", "timeout:1"]
    sim, real = lab("--json", *fires), lab("--live", "--json", *fires)
    assert sim.returncode == real.returncode == 0, real.stderr
    evs = [json.loads(line) for line in real.stdout.splitlines()]
    assert {e["ev"] for e in evs} == {e["ev"] for e in map(json.loads, sim.stdout.splitlines())}
    assert [e["op"] for e in evs if e["ev"] == "start"] == ["fs.stat"]
    s_sim = json.loads(lab("--json", "--summary", *fires).stdout)
    s_live = json.loads(lab("--live", "--json", "--summary", *fires).stdout)
    assert set(s_sim) <= set(s_live) and s_live["mode"] == "live" and s_live["tasks"] == s_sim["tasks"]
    assert [t["comm"] for t in s_live["threads"]] == [f"ptview-pool-{i}" for i in range(4)]
    text = lab("--live", *fires)
    assert text.stdout.startswith("ptview lab · live · pool of 4") and "on the wall clock" in text.stdout


def test_fork_spec_called_without_an_argument_as_the_app_does():
    from modelkit import make, run as run_sim
    from tui.core.spec import OPS

    rt, api, ev = make()
    run_sim(rt, lambda: OPS["fork"][1](api, None))
    assert api.children[0]["state"] == "exited"


def test_workers_block_the_stop_signals_so_the_main_thread_gets_them(live):
    rt, api, driver, _ = live(2)
    run(rt, driver, lambda: api.stat("/"))
    for w in rt.pool.workers:
        with open(f"/proc/self/task/{w.tid}/status") as f:
            blocked = int(next(line for line in f if line.startswith("SigBlk:")).split()[1], 16)
        for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
            assert blocked & (1 << (sig - 1)), sig
