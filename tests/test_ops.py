"""Node operations broken down as Node does (SEMANTICS.md §3.1-3.3, §3.7)."""

import os

import pytest

from modelkit import make, of, run
from tui.core.runtime import BLOCKED


def _read(path, pool=1):
    rt, api, ev = make(pool)
    out = {}
    run(rt, lambda: api.read_file(str(path), lambda e, r: out.update(err=e, res=r)))
    return [e.op for e in of(ev, "start")], out, ev


@pytest.mark.parametrize("size,reads", [(0, 1), (100, 1), (512 * 1024, 1), (1024 * 1024 + 1, 3), (1536 * 1024, 3)])
def test_rule_3_3_readFile_is_open_fstat_512KiB_reads_close(tmp_path, size, reads):
    f = tmp_path / "f.bin"
    f.write_bytes(b"\0" * size)
    ops, out, _ = _read(f)
    assert ops == ["fs.open", "fs.fstat"] + ["fs.read"] * reads + ["fs.close"]
    assert out["err"] is None and out["res"] == f"{size} bytes"


def test_rule_3_3_each_readFile_step_requeues_at_the_tail(tmp_path):
    f = tmp_path / "f.bin"
    f.write_bytes(b"x" * 10)
    rt, api, ev = make(1)
    run(rt, lambda: (api.read_file(str(f)), api.pbkdf2(1000), api.pbkdf2(1000)))
    assert [(e.op, e.task) for e in of(ev, "start")][:4] == [
        ("fs.open", 1), ("crypto.pbkdf2", 2), ("crypto.pbkdf2", 3), ("fs.fstat", 1)]


def test_rule_3_3_readFile_of_a_directory_fails_EISDIR_on_read_then_closes(tmp_path):
    ops, out, _ = _read(tmp_path)
    assert ops == ["fs.open", "fs.fstat", "fs.read", "fs.close"]
    assert out["err"].code == "EISDIR"
    assert out["err"].message == "EISDIR: illegal operation on a directory, read"


def test_rule_3_3_readFile_of_a_missing_file_fails_ENOENT_at_open(tmp_path):
    ops, out, ev = _read(tmp_path / "nope")
    assert ops == ["fs.open"]
    assert out["err"].code == "ENOENT"
    assert out["err"].message == f"ENOENT: no such file or directory, open '{tmp_path / 'nope'}'"
    assert of(ev, "callback", detail="user")[0].phase == "poll"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads everything")
def test_rule_3_3_readFile_unreadable_is_EACCES(tmp_path):
    f = tmp_path / "secret"
    f.write_text("x")
    f.chmod(0)
    _, out, _ = _read(f)
    assert out["err"].code == "EACCES"


def test_rule_3_3_size_zero_means_64KiB_reads_until_a_read_returns_0():
    ops, out, _ = _read("/dev/null")
    assert ops == ["fs.open", "fs.fstat", "fs.read", "fs.close"]
    assert out["res"] == "0 bytes"


def test_endless_file_is_bounded_with_ERR_FS_FILE_TOO_LARGE():
    ops, out, _ = _read("/dev/zero")
    assert out["err"].code == "ERR_FS_FILE_TOO_LARGE"
    assert ops.count("fs.read") == 64 * 1024 * 1024 // (64 * 1024)
    assert ops[-1] == "fs.close"


def test_fifo_without_writer_blocks_a_worker_and_work_behind_it_can_be_cancelled(tmp_path):
    fifo = tmp_path / "p"
    os.mkfifo(fifo)
    rt, api, ev = make(1)
    t = {}

    def main():
        api.read_file(str(fifo))
        t["q"] = api.stat("/")

    rt.start(main)
    assert rt.run() == BLOCKED
    assert rt.pool.workers[0].job.op == "fs.open"
    assert api.cancel(t["q"]) == "ECANCELED"
    rt.run()
    assert t["q"].state == "cancelled"


def test_rule_3_1_stat_is_one_fast_io_job():
    rt, api, ev = make()
    out = {}
    run(rt, lambda: api.stat("/", lambda e, r: out.update(r=r)))
    assert [e.op for e in of(ev, "start")] == ["fs.stat"]
    assert out["r"].startswith("size ")


def test_rule_3_1_lookup_of_an_ip_literal_never_reaches_the_pool():
    rt, api, ev = make()
    out = {}
    run(rt, lambda: api.lookup("127.0.0.1", lambda e, r: out.update(r=r)))
    assert of(ev, "start") == [] and rt.pool.workers == []
    assert out["r"] == "127.0.0.1 (family 4)"


def test_rule_3_1_lookup_of_a_name_that_does_not_exist_is_ENOTFOUND():
    rt, api, ev = make()
    out = {}
    run(rt, lambda: api.lookup("nope.invalid", lambda e, r: out.update(e=e)))
    assert out["e"].code == "ENOTFOUND" and out["e"].message == "getaddrinfo ENOTFOUND nope.invalid"


def test_rule_3_1_resolve_answers_in_poll_without_the_pool():
    rt, api, ev = make()
    out = {}
    run(rt, lambda: api.resolve("localhost", lambda e, r: out.update(r=r)))
    assert rt.pool.workers == [] and out["r"] == "[127.0.0.1]"
    assert of(ev, "callback", op="dns.resolve", detail="user")[0].phase == "poll"


def test_rule_3_1_pbkdf2_is_one_cpu_job():
    rt, api, ev = make()
    run(rt, lambda: api.pbkdf2(1000))
    assert [(e.op, e.detail) for e in of(ev, "submit") if e.job] == [("crypto.pbkdf2", "cpu")]


def test_rule_3_1_gzip_is_read_steps_then_one_zlib_job_per_16KiB_of_output(tmp_path):
    f = tmp_path / "f"
    f.write_bytes(b"a" * (100 * 1024))  # modelled output 35% → 35840 bytes → 3 chunks
    rt, api, ev = make()
    run(rt, lambda: api.gzip(str(f)))
    ops = [e.op for e in of(ev, "start")]
    assert ops == ["fs.open", "fs.fstat", "fs.read", "fs.close", "zlib.gzip", "zlib.gzip", "zlib.gzip"]
    assert {e.detail for e in of(ev, "submit") if e.op == "zlib.gzip" and e.job} == {"cpu"}


def test_rule_3_7_fork_is_a_new_process_tens_of_ms_and_no_pool():
    rt, api, ev = make()
    out = {}
    run(rt, lambda: api.fork(lambda e, r: out.update(t=rt.clock.now())))
    assert 10 <= out["t"] <= 200
    assert rt.pool.workers == [] and api.children[0]["state"] == "exited"
    phases = {e.op: e.phase for e in of(ev, "callback")}
    assert phases["child.message"] == "poll" and phases["child.close"] == "close"


def test_block_holds_the_loop_so_completions_pile_up_for_one_poll():
    rt, api, ev = make()
    run(rt, lambda: ([api.pbkdf2(1000) for _ in range(4)], api.block(100)))
    snapshots = []
    dones = of(ev, "done")
    assert all(d.t < 100 for d in dones)
    assert all(c.t >= 100 for c in of(ev, "callback", detail="user", op="crypto.pbkdf2"))
