"""`ptview --serve`: the same app behind textual-serve's web page."""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_answers_with_the_app_page_and_stops_on_sigterm():
    pytest.importorskip("textual_serve")
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "tui", "--serve", "--port", str(port)], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    try:
        body = None
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and body is None:
            if proc.poll() is not None:
                pytest.fail(f"--serve exited: {proc.stderr.read().decode()[-500:]}")
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as r:
                    body = r.read().decode()
            except OSError:
                time.sleep(0.1)  # polling a port that is not listening yet: nothing to await
        assert body is not None and "ptview" in body and "websocket" in body.lower()
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=10)


def test_serve_rejects_a_bad_port(capsys):
    from tui.cli import main

    assert main(["--serve", "--port", "70000"]) == 2
    assert "invalid port" in capsys.readouterr().err
