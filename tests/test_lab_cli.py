"""The headless lab as a user runs it: `ptview --headless ... --fire SPEC`."""

import json
import os
import subprocess
import sys

import pytest

from tui.cli import main

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def lab(capsys, *args):
    code = main(["--headless", "--sim", *args])
    out, err = capsys.readouterr()
    return code, out, err


def events(capsys, *args):
    code, out, err = lab(capsys, "--json", *args)
    assert code == 0, err
    return [json.loads(line) for line in out.splitlines()]


def concurrent(evs, op=None):
    cur = best = 0
    for e in evs:
        if op and e.get("op") != op:
            continue
        if e["ev"] == "start":
            cur += 1
            best = max(best, cur)
        elif e["ev"] == "done":
            cur -= 1
    return best


def test_pbkdf2x5_on_four_starts_four_then_the_fifth_when_the_first_finishes(capsys):
    evs = events(capsys, "--pool-size", "4", "--fire", "pbkdf2x5")
    starts = [e for e in evs if e["ev"] == "start"]
    dones = [e for e in evs if e["ev"] == "done"]
    assert [s["task"] for s in starts] == [1, 2, 3, 4, 5]
    assert {s["worker"] for s in starts[:4]} == {0, 1, 2, 3}
    assert starts[4]["t"] == dones[0]["t"] and starts[4]["worker"] == dones[0]["worker"]
    assert all(s["t"] < dones[0]["t"] for s in starts[:4])
    user_cbs = [e for e in evs if e["ev"] == "callback" and e.get("op") == "crypto.pbkdf2"]
    assert user_cbs and {e["phase"] for e in user_cbs} == {"poll"}


@pytest.mark.parametrize("n,limit", [(1, 1), (2, 1), (3, 2), (4, 2), (8, 4)])
def test_lookupx8_respects_the_slow_io_limit(capsys, n, limit):
    assert concurrent(events(capsys, "--pool-size", str(n), "--fire", "lookupx8"), "dns.lookup") == limit


def test_four_lookups_and_two_pbkdf2_run_four_at_once_on_a_pool_of_4(capsys):
    evs = events(capsys, "--pool-size", "4", "--fire", "lookupx4:example.com", "--fire", "pbkdf2x2")
    assert concurrent(evs) == 4


def test_readFile_1MiB_plus_1_on_pool_of_1(capsys, tmp_path):
    f = tmp_path / "big"
    f.write_bytes(b"\1" * (1024 * 1024 + 1))
    evs = events(capsys, "--pool-size", "1", "--fire", f"readFile:{f}")
    assert [e["op"] for e in evs if e["ev"] == "start"] == [
        "fs.open", "fs.fstat", "fs.read", "fs.read", "fs.read", "fs.close"]
    last = [e for e in evs if e["ev"] == "callback" and e.get("op") == "fs.readFile"][-1]
    assert last["result"] == "1048577 bytes" and last["phase"] == "poll"


def test_missing_file_ends_with_ENOENT_and_exit_0(capsys, tmp_path):
    evs = events(capsys, "--fire", f"readFile:{tmp_path}/missing")
    user = [e for e in evs if e["ev"] == "callback" and e.get("detail") == "user"]
    assert user[-1]["error"] == "ENOENT"


def test_json_lines_carry_the_documented_keys(capsys):
    evs = events(capsys, "--fire", "readFile:/etc/hostname", "--fire", "timeout:5")
    kinds = {e["ev"] for e in evs}
    assert {"submit", "start", "done", "callback", "phase"} <= kinds
    for e in evs:
        assert isinstance(e["t"], (int, float))
        if e["ev"] in ("start", "done"):
            assert {"task", "job", "op", "worker"} <= set(e)
        if e["ev"] in ("callback", "phase"):
            assert "phase" in e


def test_text_timeline_shows_the_fifth_task_waiting(capsys):
    code, out, _ = lab(capsys, "--fire", "pbkdf2x5")
    assert code == 0
    assert "pool w0   start    job 5" in out or "start    job 5" in out
    assert "iteration 1 · poll phase" in out
    assert "5 done, 0 failed" in out


def test_summary_only(capsys):
    code, out, _ = lab(capsys, "--summary", "--fire", "pbkdf2x20")
    assert code == 0
    assert "callback #" not in out and "20 jobs on 4 workers: 20 done" in out


def test_summary_json(capsys):
    code, out, _ = lab(capsys, "--summary", "--json", "--fire", "statx10:/")
    s = json.loads(out)
    assert s["jobs"]["done"] == 10 and s["ended"] == "idle" and s["pool_size"] == 4


def test_same_seed_same_timeline_different_seed_different_times(capsys):
    a = events(capsys, "--seed", "7", "--fire", "pbkdf2x5", "--fire", "lookupx3")
    b = events(capsys, "--seed", "7", "--fire", "pbkdf2x5", "--fire", "lookupx3")
    c = events(capsys, "--seed", "8", "--fire", "pbkdf2x5", "--fire", "lookupx3")
    assert a == b
    assert [e["t"] for e in a] != [e["t"] for e in c]


def test_uv_threadpool_size_from_environment(capsys, monkeypatch):
    monkeypatch.setenv("UV_THREADPOOL_SIZE", "abc")
    evs = events(capsys, "--fire", "stat:/")
    assert [e["detail"] for e in evs if e["ev"] == "pool"] == [1]
    monkeypatch.setenv("UV_THREADPOOL_SIZE", "2000")
    evs = events(capsys, "--fire", "stat:/")
    assert [e["detail"] for e in evs if e["ev"] == "pool"] == [1024]


@pytest.mark.parametrize("args,needle", [
    (["--fire", "explode"], "unknown operation"),
    (["--fire", "pbkdf2x0"], "count"),
    (["--fire", "pbkdf2xabc"], "bad count"),
    (["--fire", "pbkdf2:lots"], "iterations"),
    (["--fire", "readFile"], "needs a path"),
    (["--fire", "lookup:"], "empty host"),
    (["--fire", "lookup:bad host!"], "invalid host"),
    (["--fire", "lookup:" + "a" * 300], "longer than 253"),
    (["--fire", "timeout:soon"], "not a number"),
    (["--fire", "net:1"], "takes no argument"),
    (["--pool-size", "0", "--fire", "net"], "1 to 1024"),
    (["--pool-size", "abc", "--fire", "net"], "1 to 1024"),
    (["--pool-size", "2000", "--fire", "net"], "1 to 1024"),
    (["--seed", "x", "--fire", "net"], "invalid integer"),
    (["--cost", "nope=1", "--fire", "net"], "NAME=MS"),
    ([], "nothing to run"),
])
def test_bad_input_is_one_line_and_exit_2(capsys, args, needle):
    code, out, err = lab(capsys, *args)
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("ptview: error: ") and needle in err


def test_console_entry_point_runs_as_module():
    r = subprocess.run([sys.executable, "-m", "tui", "--headless", "--fire", "pbkdf2x5", "--summary"],
                       cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert r.returncode == 0 and "5 done" in r.stdout
    r = subprocess.run([sys.executable, "-m", "tui", "--headless", "--fire", "bogus"],
                       cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert r.returncode == 2 and "Traceback" not in r.stderr and len(r.stderr.splitlines()) == 1


def test_fifo_reports_blocked_worker_and_still_exits(capsys, tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    code, out, _ = lab(capsys, "--summary", "--fire", f"readFile:{fifo}")
    assert code == 0
    assert "blocked" in out and "pool w0 still runs" in out and "fs.open" in out


def test_until_stops_at_the_model_time_limit(capsys):
    code, out, _ = lab(capsys, "--summary", "--json", "--until", "100", "--fire", "pbkdf2")
    s = json.loads(out)
    assert s["ended"] == "limit" and s["model_ms"] == 100 and s["jobs"]["in_flight"] == 1
