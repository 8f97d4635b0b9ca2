"""`ptview --serve` as a subprocess for the tests: started, awaited, then killed and reaped."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _listening(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
        return True
    except OSError:
        return False


@contextlib.contextmanager
def serving(*args: str, timeout: float = 30):
    """Run `ptview --serve ARGS` (with --port in ARGS) until it listens; yield the process.
    On the way out: SIGTERM to its session (the server and the apps it started), then SIGKILL
    to whatever is left of it, and reap."""
    port = int(args[args.index("--port") + 1])
    proc = subprocess.Popen([sys.executable, "-m", "tui", "--serve", *args], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    try:
        deadline = time.monotonic() + timeout
        while not _listening(port):
            if proc.poll() is not None:
                raise RuntimeError(f"--serve exited {proc.returncode}: {proc.stderr.read().decode()[-500:]}")
            if time.monotonic() > deadline:
                raise RuntimeError(f"--serve did not listen on {port} within {timeout}s")
            time.sleep(0.1)  # polling a port that is not listening yet: there is nothing to await
        yield proc
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        finally:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)  # an app child the server did not stop
            proc.wait()
            proc.stderr.close()
