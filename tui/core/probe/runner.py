"""Start a real `node` with the probe preloaded and read its events (no Textual).

    run = NodeRun(["node", "app.js"], on_event=print)
    with run:
        run.start()
        code = run.wait()

The probe writes to the write end of a pipe that node inherits as an extra
file descriptor (`pass_fds`); its number is in PTVIEW_PROBE_FD. A thread
reads the read end, decodes lines (tui.core.probe.lines) and hands each
event to `on_event`, and keeps the last `keep` events in a ring buffer for
whoever looks later (the app's scroll-back, --compare).

Whatever happens — a normal exit, an exception in ptview, a signal — node
is killed and reaped by `stop()` (the context manager calls it), and with
PR_SET_PDEATHSIG node dies if ptview itself is killed outright. Processes
the program starts are its own business: they are not probed (the probe
removes itself from their environment and exec arguments) and not killed.
"""

from __future__ import annotations

import os
import selectors
import shutil
import signal
import subprocess
import threading
from collections import deque
from typing import Callable

from tui.core.probe.lines import Decoder, ProbeFormatError

PROBE_JS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "probe.js")
FD_ENV = "PTVIEW_PROBE_FD"
RING = 100_000          # events kept for scroll-back and --compare (≈ 40 MB at most)
TERM_GRACE_S = 1.0      # SIGTERM, then SIGKILL after this long


class NodeMissing(Exception):
    """No node binary where we looked: one line for the user, exit 2."""


def find_node(node_bin: str | None = None) -> str:
    """The node to run: `node_bin` (a path or a name on PATH), else `node` on PATH."""
    name = node_bin or "node"
    found = shutil.which(name)
    if found is None:
        where = f"{node_bin!r} is not an executable" if node_bin else "no 'node' on PATH"
        raise NodeMissing(f"cannot run real node: {where} (install Node.js, or give --node-bin PATH)")
    return found


def probe_command(node: str, node_flags: list[str], script_and_args: list[str]) -> list[str]:
    """node [--require probe.js] [NODE-FLAGS] SCRIPT [ARGS…]: the probe loads before the program."""
    return [node, "--require", PROBE_JS, *node_flags, *script_and_args]


def _die_with_parent() -> None:
    # In the child between fork and exec: if ptview is killed outright (SIGKILL), node follows.
    # The signal comes when the *thread* that forked exits: start() belongs on a thread that
    # lives as long as the run (ptview calls it from the main thread).
    from tui.core.procs.naming import prctl

    PR_SET_PDEATHSIG = 1
    prctl(PR_SET_PDEATHSIG, signal.SIGKILL)


class NodeRun:
    def __init__(self, argv: list[str], *, on_event: Callable[[dict], None] | None = None,
                 keep: int = RING, stdin=None, stdout=None, stderr=None, cwd: str | None = None,
                 env: dict | None = None) -> None:
        self.argv = argv
        self.on_event = on_event
        self.events: deque[dict] = deque(maxlen=keep)
        self.decoder = Decoder()
        self.proc: subprocess.Popen | None = None
        self.error: str | None = None   # what went wrong reading the probe, if anything
        self.count = 0                  # events decoded in all (the ring keeps the last `keep`)
        self._io = dict(stdin=stdin, stdout=stdout, stderr=stderr)
        self._cwd = cwd
        self._env = env
        self._reader: threading.Thread | None = None
        self._rfd = -1
        self._wake_r, self._wake_w = -1, -1
        self._lock = threading.Lock()
        self.returncode: int | None = None

    @property
    def pid(self) -> int | None:
        return self.proc.pid if self.proc is not None else None

    def start(self) -> None:
        rfd, wfd = os.pipe()
        self._rfd = rfd
        self._wake_r, self._wake_w = os.pipe()
        env = dict(os.environ if self._env is None else self._env)
        env[FD_ENV] = str(wfd)
        try:
            self.proc = subprocess.Popen(self.argv, pass_fds=(wfd,), env=env, cwd=self._cwd,
                                         preexec_fn=_die_with_parent, **self._io)
        except BaseException:
            for fd in (rfd, self._wake_r, self._wake_w):
                os.close(fd)
            self._rfd = self._wake_r = self._wake_w = -1
            raise
        finally:
            os.close(wfd)  # only node holds the write end: its exit (and its children's) ends the stream
        self._reader = threading.Thread(target=self._read, name="ptview-probe-reader", daemon=True)
        self._reader.start()

    def _read(self) -> None:
        sel = selectors.DefaultSelector()
        sel.register(self._rfd, selectors.EVENT_READ, "data")
        sel.register(self._wake_r, selectors.EVENT_READ, "wake")
        tail = b""
        draining = False
        try:
            while True:
                if draining:
                    # node has exited: what it wrote is all in the pipe. A child of the
                    # program may still hold the write end, so read what is there, not to EOF.
                    os.set_blocking(self._rfd, False)
                    try:
                        chunk = os.read(self._rfd, 65536)
                    except BlockingIOError:
                        chunk = b""
                else:
                    keys = sel.select()
                    if any(k.data == "wake" for k, _ in keys) and not any(k.data == "data" for k, _ in keys):
                        draining = True
                        continue
                    chunk = os.read(self._rfd, 65536)
                if not chunk:
                    break
                data = tail + chunk
                cut = data.rfind(b"\n") + 1
                tail = data[cut:]
                if cut:
                    self._decode(data[:cut].decode("utf-8", "replace").split("\n")[:-1])
        except ProbeFormatError as e:
            self.error = str(e)
        except OSError as e:
            self.error = f"reading the probe: {e.strerror}"
        finally:
            sel.close()

    def _decode(self, lines: list[str]) -> None:
        feed = self.decoder.feed
        on_event = self.on_event
        events = self.events
        for line in lines:
            for ev in feed(line):
                with self._lock:
                    events.append(ev)
                    self.count += 1
                if on_event is not None:
                    on_event(ev)

    def snapshot(self) -> list[dict]:
        """The ring buffer's events, oldest first (safe while the reader appends)."""
        with self._lock:
            return list(self.events)

    def wait(self, timeout: float | None = None) -> int:
        """Wait for node to exit, then for the reader to take everything node wrote; node's
        exit status (128 + N for a signal, as a shell says)."""
        assert self.proc is not None
        code = self.proc.wait(timeout)
        self._finish_reading()
        self.returncode = 128 - code if code < 0 else code
        return self.returncode

    def _finish_reading(self) -> None:
        if self._reader is None:
            return
        try:
            os.write(self._wake_w, b"x")
        except OSError:
            pass
        self._reader.join()
        self._reader = None
        for fd in (self._rfd, self._wake_r, self._wake_w):
            try:
                os.close(fd)
            except OSError:
                pass
        self._rfd = self._wake_r = self._wake_w = -1

    def stop(self) -> None:
        """Kill node if it still runs (SIGTERM, then SIGKILL), reap it, stop reading. Idempotent."""
        p = self.proc
        if p is not None and p.poll() is None:
            try:
                p.terminate()
                try:
                    p.wait(TERM_GRACE_S)
                except subprocess.TimeoutExpired:
                    p.kill()
                    p.wait()
            except ProcessLookupError:
                pass
        if p is not None and self.returncode is None:
            code = p.wait()
            self.returncode = 128 - code if code < 0 else code
        self._finish_reading()

    def __enter__(self) -> "NodeRun":
        return self

    def __exit__(self, *exc) -> None:
        self.stop()
