"""Bad host names and no DNS: refused up front with one line, or failed as Node fails them.

Empty, 300 characters, invalid characters (refused: the lab, the app's dialog
and --fire share one validator); names that do not resolve; no DNS server
reachable for dns.lookup (getaddrinfo) and dns.resolve (a UDP query).
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import time

import pytest

from reliability_kit import ROOT, cli, one_line_error
from tui.core.live import loop_io as live_loop_io
from tui.core.live.driver import LiveDriver
from tui.core.live.runtime import LiveRuntime
from tui.core.ops import NodeAPI
from tui.core.runtime import IDLE
from tui.core.spec import SpecError
from tui.fire_ops import BY_NAME

BAD_HOSTS = ["", "a" * 300, ("a" * 64) + ".com", "bad host", "exa mple.com", "a..b", "ünïcödé.com", "a/b",
             "a;rm -rf ~", "$(reboot)", "`id`", "host\nname", "\x00", "a_b!", "*.example.com"]


@pytest.mark.parametrize("op", ["lookup", "resolve"])
@pytest.mark.parametrize("host", BAD_HOSTS, ids=repr)
def test_bad_host_is_refused_in_one_line_by_the_lab_and_the_dialog(op, host):
    code, out, err = cli("--headless", "--sim", "--fire", f"{op}:{host}")
    assert code == 2 and out == "" and one_line_error(err), err
    with pytest.raises(SpecError):
        BY_NAME[op].parse(host)


@pytest.mark.parametrize("mode", ["--sim", "--live"])
def test_a_name_under_invalid_does_not_resolve(mode):
    # .invalid never exists (RFC 6761); in live the answer comes from the system's resolver.
    code, out, err = cli("--headless", mode, "--json", "--fire", "lookup:nothing.invalid")
    assert code == 0, err
    [cb] = [json.loads(line) for line in out.splitlines() if '"user"' in line]
    assert cb["error"] in ("ENOTFOUND", "EAI_AGAIN")  # EAI_AGAIN: a machine without DNS at all


class FakeDns:
    """A UDP DNS server on loopback: answers NXDOMAIN, or nothing at all."""

    def __init__(self, answer: bool) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.settimeout(0.1)
        self.addr = self.sock.getsockname()
        self.answer = answer
        self.queries = 0
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        while not self.stop.is_set():
            try:
                msg, peer = self.sock.recvfrom(512)
            except socket.timeout:
                continue
            self.queries += 1
            if self.answer:  # same id and question, QR set, rcode 3 (NXDOMAIN)
                self.sock.sendto(msg[:2] + bytes([0x81, 0x83]) + msg[4:], peer)

    def close(self) -> None:
        self.stop.set()
        self.thread.join()
        self.sock.close()


def _resolve(dns_server, host="example.com"):
    rt = LiveRuntime(2, dns_server=dns_server)
    api, driver = NodeAPI(rt), LiveDriver(rt)
    out = {}
    try:
        rt.start(lambda: api.resolve(host, lambda e, r: out.update(e=e, r=r)))
        assert driver.run_until_idle(10) == IDLE
        assert rt.pool.workers == []  # c-ares never touches the pool, even when it fails
    finally:
        rt.shutdown()
    return out


def test_live_resolve_of_a_name_the_server_says_does_not_exist():
    srv = FakeDns(answer=True)
    try:
        out = _resolve(srv.addr)
    finally:
        srv.close()
    assert out["e"].code == "ENOTFOUND" and srv.queries == 1


def test_live_resolve_with_a_server_that_never_answers_times_out(monkeypatch):
    monkeypatch.setattr(live_loop_io, "DNS_TIMEOUT_MS", 300.0)
    srv = FakeDns(answer=False)
    try:
        t0 = time.monotonic()
        out = _resolve(srv.addr)
        took = time.monotonic() - t0
    finally:
        srv.close()
    assert out["e"].code == "ETIMEOUT" and "no DNS server reachable" in out["e"].message
    assert 0.25 < took < 5


def test_live_resolve_with_nothing_listening_is_refused():
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()  # a port where nothing listens: the kernel answers with ICMP port unreachable
    out = _resolve(("127.0.0.1", port))
    assert out["e"].code == "ECONNREFUSED" and "no DNS server reachable" in out["e"].message


def _unshare_works() -> str | None:
    if os.geteuid() != 0 or shutil.which("unshare") is None:
        return "needs root and unshare(1) for a private /etc/resolv.conf"
    r = subprocess.run(["unshare", "--mount", "true"], capture_output=True)
    return None if r.returncode == 0 else f"unshare --mount refused here: {r.stderr.decode().strip()}"


@pytest.mark.skipif(_unshare_works() is not None, reason=str(_unshare_works()))
def test_live_lab_with_no_DNS_server_reachable(tmp_path):
    # A private mount namespace: this process's resolv.conf points at a loopback port with no server.
    conf = tmp_path / "resolv.conf"
    conf.write_text("nameserver 127.0.0.1\noptions timeout:1 attempts:1\n")
    lab = (f"mount --bind {conf} /etc/resolv.conf && exec {sys.executable} -m tui --headless --live --json "
           "--fire lookup:example.com --fire resolve:example.com --fire stat:/")
    t0 = time.monotonic()
    r = subprocess.run(["unshare", "--mount", "sh", "-c", lab], cwd=ROOT, capture_output=True, text=True,
                       timeout=60)
    assert r.returncode == 0, r.stderr
    assert time.monotonic() - t0 < 20
    user = {e["op"]: e for e in map(json.loads, r.stdout.splitlines()) if e.get("detail") == "user"}
    assert user["dns.lookup"]["error"] in ("EAI_AGAIN", "ENOTFOUND")
    assert user["dns.resolve"]["error"] == "ECONNREFUSED"
    assert user["fs.stat"].get("error") is None  # the rest of the lab is not affected
