"""Shared by the tests/test_reliability_*.py suites: run the CLI in-process, run as nobody."""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys

from tui.cli import main

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NOBODY = 65534


def cli(*argv: str) -> tuple[int, str, str]:
    """`ptview ARGV` in this process (a fresh interpreter per run would make fuzzing 100x slower)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


def one_line_error(err: str) -> bool:
    return err.startswith("ptview: error: ") and err.count("\n") == 1 and err.endswith("\n")


def can_drop_privileges() -> bool:
    return os.geteuid() == 0 and hasattr(os, "setresuid")


# Python, its site-packages and this checkout may be unreadable for nobody (a pyenv under /root, a
# clone in a 0700 temporary directory): import as root, then drop to nobody before ptview runs, so
# the code under test runs with nobody's rights. Every tui module is imported first, since ptview
# loads many lazily (for its start-up time), and so are the libraries it loads on first use.
_AS_NOBODY = """
import os, pkgutil, sys
sys.path.insert(0, {root!r})
import aiofiles.os, ctypes, ctypes.util, encodings.idna, psutil, tui
for m in pkgutil.walk_packages(tui.__path__, "tui."):
    if not m.name.endswith("__main__"):
        __import__(m.name)
os.setgroups([])
os.setresgid({uid}, {uid}, {uid})
os.setresuid({uid}, {uid}, {uid})
os.chdir("/")
sys.exit(tui.cli.main({argv!r}))
"""


def run_as_nobody(argv: list[str], timeout: float = 60) -> subprocess.CompletedProcess:
    code = _AS_NOBODY.format(root=ROOT, uid=NOBODY, argv=list(argv))
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=timeout)


def setpriv_nobody_python_works() -> str | None:
    """None if `setpriv` can run this Python with its packages as nobody, else why not."""
    if os.geteuid() != 0:
        return "not root: cannot switch to nobody"
    try:
        r = subprocess.run(["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups",
                            sys.executable, "-c", "import psutil, textual, aiofiles, quickjs"],
                           capture_output=True, text=True, timeout=30, cwd="/")
    except (OSError, subprocess.TimeoutExpired) as e:
        return f"setpriv unavailable: {e}"
    if r.returncode != 0:
        last = (r.stderr.strip().splitlines() or ["?"])[-1]
        return f"nobody cannot run {sys.executable} with its packages here ({last})"
    return None


class Tty:
    """ptview on a real pseudo-terminal: what a user's terminal sees, byte for byte."""

    def __init__(self, *args: str, cols: int = 100, rows: int = 30, env: dict | None = None) -> None:
        import fcntl
        import pty
        import struct
        import termios

        self.master, slave = pty.openpty()
        os.set_blocking(self.master, False)
        self.slave_attrs = termios.tcgetattr(slave)
        e = dict(os.environ, TERM="xterm-256color", PYTHONPATH=ROOT)
        e.pop("NO_COLOR", None)
        e.update(env or {})
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        def controlling_tty():
            # As a terminal emulator or sshd does: the pty is the session's controlling terminal, so
            # if this test dies and the master closes, ptview gets SIGHUP instead of living on.
            fcntl.ioctl(0, termios.TIOCSCTTY, 0)

        self.proc = subprocess.Popen([sys.executable, "-m", "tui", *args], cwd=ROOT, stdin=slave, stdout=slave,
                                     stderr=slave, env=e, start_new_session=True, preexec_fn=controlling_tty)
        self._slave_path = os.ttyname(slave)
        os.close(slave)
        self.out = b""

    def read_until(self, needle: bytes, timeout: float = 20) -> bool:
        import select
        import time

        deadline = time.monotonic() + timeout
        while needle not in self.out and time.monotonic() < deadline:
            r, _, _ = select.select([self.master], [], [], 0.05)
            if r:
                try:
                    self.out += os.read(self.master, 65536)
                except (BlockingIOError, InterruptedError):
                    pass
                except OSError:
                    break
        return needle in self.out

    def wait_exit(self, timeout: float) -> float:
        """Drain the output until the process exits; how long it took (or raise)."""
        import time

        t0 = time.monotonic()
        while self.proc.poll() is None:
            assert time.monotonic() - t0 < timeout, "ptview did not exit"
            self.read_until(b"\x00never", 0.05)
        self.read_until(b"\x00never", 0.2)
        return time.monotonic() - t0

    def resize(self, cols: int, rows: int) -> None:
        import fcntl
        import signal
        import struct
        import termios

        fcntl.ioctl(self.master, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        try:
            os.killpg(self.proc.pid, signal.SIGWINCH)  # the kernel sends it to the foreground group too
        except ProcessLookupError:
            pass

    def send(self, data: bytes) -> None:
        os.write(self.master, data)

    def terminal_attrs(self):
        """The line discipline's settings now (after ptview left, they must be the ones it found)."""
        import termios

        fd = os.open(self._slave_path, os.O_RDWR | os.O_NOCTTY)
        try:
            return termios.tcgetattr(fd)
        finally:
            os.close(fd)

    def close(self) -> None:
        import signal

        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait()
        os.close(self.master)
