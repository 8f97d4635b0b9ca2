"""Run a full-screen program on a pseudo-terminal and time what it writes.

A small stand-in for a terminal over SSH: a fixed size, TERM=xterm-256color,
every byte drained and timestamped. `settle` is the end of the first output
burst (the last read before 100 ms of silence, once 1 KiB has been written):
the first frame a user sees complete. CPU is utime+stime of every process in
the program's session, from /proc.
"""

from __future__ import annotations

import fcntl
import os
import select
import signal
import struct
import subprocess
import tempfile
import termios
import time

CLK = os.sysconf("SC_CLK_TCK")
PYCACHE = os.path.join(tempfile.gettempdir(), "ptview-bench-pycache")


class PtyProgram:
    def __init__(self, argv: list[str], cols: int = 80, rows: int = 24, cwd: str | None = None) -> None:
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        env = dict(os.environ, TERM="xterm-256color", COLUMNS=str(cols), LINES=str(rows))
        env.pop("COLORTERM", None)
        env.pop("TEXTUAL", None)
        # As installed by pip: bytecode compiled once and reused. Kept out of the repository.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = PYCACHE
        self.t0 = time.perf_counter()
        self.proc = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, cwd=cwd, env=env,
                                     start_new_session=True, close_fds=True)
        os.close(slave)
        self.master = master
        self.total = 0
        self.reads: list[tuple[float, int]] = []  # (seconds since spawn, bytes)
        self.buf = bytearray()  # what was written since the last mark()

    def now(self) -> float:
        return time.perf_counter() - self.t0

    def pump(self, seconds: float) -> None:
        """Drain output for `seconds`."""
        end = time.perf_counter() + seconds
        while True:
            left = end - time.perf_counter()
            if left <= 0:
                return
            self._read(left)

    def _read(self, timeout: float) -> bool:
        r, _, _ = select.select([self.master], [], [], timeout)
        if not r:
            return False
        try:
            data = os.read(self.master, 65536)
        except OSError:
            data = b""
        if not data:
            time.sleep(min(timeout, 0.01))
            return False
        self.total += len(data)
        self.reads.append((self.now(), len(data)))
        self.buf += data
        return True

    def settle(self, quiet: float = 0.1, min_bytes: int = 1024, timeout: float = 20.0) -> float | None:
        """Seconds from spawn to the end of the first burst, or None if it never settled."""
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            got = self._read(quiet)
            if not got and self.total >= min_bytes and self.reads:
                return self.reads[-1][0]
        return None

    def wait_for(self, marker: bytes, timeout: float = 5.0) -> float | None:
        """Seconds until `marker` appears in the output written since the last mark()."""
        deadline = time.perf_counter() + timeout
        while marker not in self.buf:
            left = deadline - time.perf_counter()
            if left <= 0:
                return None
            self._read(left)
        return self.now()

    def mark(self) -> None:
        self.buf = bytearray()

    def send(self, data: bytes) -> float:
        self.mark()
        t = self.now()
        os.write(self.master, data)
        return t

    def cpu_s(self) -> float:
        """CPU seconds used so far by every process of the program's session."""
        sid = self.proc.pid
        total = 0
        for entry in os.listdir("/proc"):
            if not entry.isdigit():
                continue
            try:
                with open(f"/proc/{entry}/stat", "rb") as f:
                    stat = f.read().decode(errors="replace")
            except OSError:
                continue
            fields = stat[stat.rindex(")") + 2:].split()
            if int(fields[3]) == sid:  # session id
                total += int(fields[11]) + int(fields[12]) + int(fields[13]) + int(fields[14])
        return total / CLK

    def stop(self) -> None:
        """Only the program we started: SIGTERM, then SIGKILL to its session after 3 s."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            end = time.perf_counter() + 3
            while self.proc.poll() is None and time.perf_counter() < end:
                self._read(0.05)
            if self.proc.poll() is None:
                try:
                    os.killpg(self.proc.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                self.proc.wait()
        os.close(self.master)


def idle_cost(argv: list[str], cols: int, rows: int, seconds: float, cwd: str | None = None,
              warmup: float = 3.0) -> dict:
    """Bytes/s and CPU % of one core over `seconds` after the program settled (and `warmup`)."""
    p = PtyProgram(argv, cols, rows, cwd)
    try:
        settled = p.settle()
        p.pump(max(0.0, warmup - p.now()))
        b0, c0, t0 = p.total, p.cpu_s(), p.now()
        p.pump(seconds)
        b1, c1, t1 = p.total, p.cpu_s(), p.now()
        alive = p.proc.poll() is None
    finally:
        p.stop()
    span = t1 - t0
    return {"settled": settled is not None, "alive": alive, "bytes_per_s": (b1 - b0) / span,
            "cpu_pct": 100.0 * (c1 - c0) / span, "seconds": span}
