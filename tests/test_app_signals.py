"""The live app over a real pseudo-terminal: SIGTERM, SIGHUP and q leave nothing behind."""

import os
import pty
import select
import signal
import subprocess
import sys
import time

import psutil
import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LEAVE_ALT_SCREEN = b"\x1b[?1049l"


class Tty:
    def __init__(self, *args):
        self.master, slave = pty.openpty()
        os.set_blocking(self.master, False)
        env = dict(os.environ, TERM="xterm-256color", COLUMNS="100", LINES="30")
        import fcntl
        import struct
        import termios

        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
        self.proc = subprocess.Popen([sys.executable, "-m", "tui", *args], cwd=ROOT, stdin=slave, stdout=slave,
                                     stderr=slave, env=env, start_new_session=True)
        os.close(slave)
        self.out = b""

    def read_until(self, needle: bytes, timeout: float = 20) -> bool:
        deadline = time.monotonic() + timeout
        while needle not in self.out and time.monotonic() < deadline:
            r, _, _ = select.select([self.master], [], [], 0.1)
            if r:
                try:
                    self.out += os.read(self.master, 65536)
                except OSError:
                    break
        return needle in self.out

    def drain(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and self.proc.poll() is None:
            self.read_until(b"\x00never", 0.1)
        self.read_until(b"\x00never", 0.2)

    def send(self, data: bytes) -> None:
        os.write(self.master, data)

    def close(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait()
        os.close(self.master)


def _descendants(pid: int) -> list[int]:
    try:
        return [p.pid for p in psutil.Process(pid).children(recursive=True)]
    except psutil.NoSuchProcess:
        return []


@pytest.mark.parametrize("how", ["SIGTERM", "SIGHUP", "q"])
def test_live_app_exits_promptly_with_work_in_flight_and_leaves_nothing(how, tmp_path):
    fifo = tmp_path / "nowriter"
    os.mkfifo(fifo)
    tty = Tty()
    try:
        assert tty.read_until(b"ptview"), tty.out[-500:]
        tty.send(b"c")
        assert tty.read_until(b"iterations")  # the pbkdf2 dialog
        tty.send(b"\r")
        assert tty.read_until(b"750,000")     # the dialog closed and the job shows in the pool
        tty.send(b"b")                       # four more: one waits in the queue
        tty.send(b"r")
        assert tty.read_until(b"path")
        tty.send(str(fifo).encode() + b"\r")  # replaces the default path, which starts selected
        assert tty.read_until(b"fs.open nowriter")      # blocked in open(): no writer will come
        # Last, a real child process (child_process.fork): it lingers 5 s after answering, so it is
        # still alive when the signal comes right after it is seen; ptview must be the one that ends it.
        tty.send(b"f")
        deadline = time.monotonic() + 20
        kids = []
        while time.monotonic() < deadline and not kids:
            tty.read_until(b"\x00never", 0.05)
            kids = _descendants(tty.proc.pid)
        assert kids, "fork started a child process"
        alive_at_signal = [pid for pid in kids if psutil.pid_exists(pid)
                           and psutil.Process(pid).status() != psutil.STATUS_ZOMBIE]
        t0 = time.monotonic()
        if how == "q":
            tty.send(b"q")
        else:
            os.kill(tty.proc.pid, getattr(signal, how))
        tty.drain(10)
        took = time.monotonic() - t0
        assert tty.proc.poll() is not None, "ptview did not exit"
        assert took < 5  # generous for a loaded CI box; the design target is 2 s
        assert LEAVE_ALT_SCREEN in tty.out, "the terminal was not restored"
        expected = 0 if how == "q" else 128 + getattr(signal, how)
        assert tty.proc.returncode == expected
        assert alive_at_signal, "the child was already gone: the test would prove nothing"
        for pid in kids:
            assert not psutil.pid_exists(pid) or psutil.Process(pid).status() == psutil.STATUS_ZOMBIE
    finally:
        tty.close()


def _task_names(pid: int) -> list[str]:
    out = []
    try:
        tids = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return out
    for tid in tids:
        try:
            with open(f"/proc/{pid}/task/{tid}/comm") as f:
                out.append(f.read().strip())
        except OSError:
            pass
    return out


@pytest.mark.parametrize("how", ["SIGTERM", "SIGHUP", "q"])
def test_live_workers_are_real_threads_and_the_app_exits_promptly_with_one_busy(how):
    """Two Workers (threads ptview-worker-1 and -2 of the app's process), the second one blocking its
    own loop on a CPU when the signal comes: ptview stops and joins them and exits in time."""
    tty = Tty()
    try:
        assert tty.read_until(b"ptview"), tty.out[-500:]
        tty.send(b"W")
        assert tty.read_until(b"Event loops")  # the loop pane lists two loops now
        tty.send(b"W")
        deadline = time.monotonic() + 10
        names = []
        while time.monotonic() < deadline and not {"ptview-worker-1", "ptview-worker-2"} <= set(names):
            tty.read_until(b"\x00never", 0.05)
            names = _task_names(tty.proc.pid)
        assert {"ptview-worker-1", "ptview-worker-2"} <= set(names), names
        tty.send(b"u")  # Worker 2 (selected) burns a CPU for 2 s in its own loop
        assert tty.read_until(b"block 2000")
        t0 = time.monotonic()
        if how == "q":
            tty.send(b"q")
        else:
            os.kill(tty.proc.pid, getattr(signal, how))
        tty.drain(10)
        took = time.monotonic() - t0
        assert tty.proc.poll() is not None, "ptview did not exit"
        assert took < 5  # well inside the Worker's 2 s block: it was stopped, not waited for
        assert LEAVE_ALT_SCREEN in tty.out, "the terminal was not restored"
        assert tty.proc.returncode == (0 if how == "q" else 128 + getattr(signal, how))
    finally:
        tty.close()

