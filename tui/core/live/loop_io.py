"""Live loop-side I/O: real sockets and processes, polled by the loop thread.

Nothing here touches the pool. Handlers run on the driver's thread (the
model's loop thread) when the poller says an fd is ready, and call the
`deliver` functions ops.py gave us; see tui/core/loop_io.py for the methods.

- net: a non-blocking TCP client to our loopback echo server (echo.py).
- dns.resolve: one UDP query to the first nameserver in /etc/resolv.conf,
  on a socket in the loop's poller — what c-ares does for Node, and the only
  kind of resolver that cannot touch the pool. No nameserver, a refusal or
  no answer in 5 s is an error that says "no DNS server reachable".
- fork: a real child Python process (child.py) with an IPC socketpair and a
  pidfd for its exit, like child_process.fork's IPC pipe and SIGCHLD.
"""

from __future__ import annotations

import errno
import json
import os
import pathlib
import random
import signal
import socket
import subprocess
import sys
import time

from tui.core.errors import NodeError, dns_error, uv_error
from tui.core.live.dns_query import DnsAnswerError, build_query, nameservers, parse_answer
from tui.core.live.echo import EchoServer
from tui.core.live.poller import READ, WRITE

DNS_TIMEOUT_MS = 5000.0
CHILD_MODULE = "tui.core.live.child"
# A live child is a whole Python interpreter (~25 MiB RSS, ~100 ms to start): 100 presses of
# `f` made 100 of them (2.4 GB). At most this many at once; past it, fork fails as Node's does
# when the kernel refuses a process (spawn EAGAIN), saying why.
MAX_LIVE_CHILDREN = 8
_PKG_ROOT = str(pathlib.Path(__file__).resolve().parents[3])


def no_dns(host: str, why: str, code: str = "ECONNREFUSED") -> NodeError:
    return NodeError(code, f"queryA {code} {host} (no DNS server reachable: {why})")


class LiveLoopIO:
    def __init__(self, rt, poller, *, child_linger_ms: float = 0.0, resolv_conf: str = "/etc/resolv.conf",
                 dns_server: tuple[str, int] | None = None) -> None:
        self.rt = rt
        self.poller = poller
        self.child_linger_ms = child_linger_ms
        self.resolv_conf = resolv_conf
        self.dns_server = dns_server  # (host, port) instead of resolv.conf's first nameserver, port 53
        self.echo: EchoServer | None = None
        self._socks: set[socket.socket] = set()
        self._procs: dict[int, dict] = {}  # pid → our private state for a live child
        self.closed = False

    def _later(self, fn) -> None:
        self.rt.post(fn)  # deliver on a later step, never inside the JS call that asked

    def _track(self, sock: socket.socket) -> socket.socket:
        sock.setblocking(False)
        self._socks.add(sock)
        return sock

    def _drop(self, sock: socket.socket | None) -> None:
        if sock is None:
            return
        self.poller.unwatch(sock)
        self._socks.discard(sock)
        sock.close()

    # -- dns.resolve ----------------------------------------------------------------

    def resolve(self, host: str, deliver) -> None:
        if self.dns_server is not None:
            server, port = self.dns_server
        else:
            servers = nameservers(self.resolv_conf)
            if not servers:
                return self._later(lambda: deliver(no_dns(host, f"no nameserver in {self.resolv_conf}"), None))
            server, port = servers[0], 53
        qid = random.getrandbits(16)
        state = {"done": False}
        sock = None

        def finish(err, addrs):
            if state["done"]:
                return
            state["done"] = True
            self._drop(sock)
            deliver(err, addrs)

        try:
            fam = socket.AF_INET6 if ":" in server else socket.AF_INET
            sock = self._track(socket.socket(fam, socket.SOCK_DGRAM))
            sock.connect((server, port))  # connected: an ICMP refusal comes back as ECONNREFUSED
            sock.send(build_query(qid, host))
        except (OSError, UnicodeError) as e:
            why = f"{server}: {e.strerror or e}" if isinstance(e, OSError) else f"bad name: {e}"
            return self._later(lambda: finish(no_dns(host, why), None))

        def readable(_mask):
            try:
                msg = sock.recv(4096)
            except BlockingIOError:
                return
            except OSError as e:
                return finish(no_dns(host, f"{server}: {e.strerror or e}"), None)
            try:
                addrs = parse_answer(msg, qid)
            except DnsAnswerError as e:
                return finish(dns_error(e.code, "queryA", host), None)
            if addrs is not None:
                finish(None, "[" + ", ".join(addrs) + "]")

        self.poller.watch(sock, READ, readable)
        rt = self.rt
        rt.at(rt.clock.now() + DNS_TIMEOUT_MS,
              lambda: finish(no_dns(host, f"{server} did not answer in {DNS_TIMEOUT_MS / 1000:g} s", "ETIMEOUT"),
                             None))

    # -- net ------------------------------------------------------------------------

    def net_connect(self, deliver):
        conn = {"sock": None}
        try:
            if self.echo is None:
                self.echo = EchoServer()
            sock = conn["sock"] = self._track(socket.socket(socket.AF_INET, socket.SOCK_STREAM))
            rc = sock.connect_ex(("127.0.0.1", self.echo.port))
        except OSError as e:
            code = errno.errorcode.get(e.errno or 0, "ECONNREFUSED")
            self._later(lambda: deliver(uv_error(code, "connect")))
            return conn
        if rc not in (0, errno.EINPROGRESS):
            self._later(lambda: deliver(uv_error(errno.errorcode.get(rc, "ECONNREFUSED"), "connect")))
            return conn

        def writable(_mask):
            self.poller.unwatch(sock)
            e = sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
            deliver(None if e == 0 else uv_error(errno.errorcode.get(e, "ECONNREFUSED"), "connect"))

        self.poller.watch(sock, WRITE, writable)
        return conn

    def net_send(self, conn, data: bytes, deliver) -> None:
        sock = conn["sock"]
        got = {"n": 0}
        try:
            sock.send(data)  # a few bytes on loopback: the socket buffer takes them at once
        except OSError as e:
            self._later(lambda: deliver(uv_error(errno.errorcode.get(e.errno or 0, "EPIPE"), "write"), None))
            return

        def readable(_mask):
            try:
                chunk = sock.recv(65536)
            except BlockingIOError:
                return
            except OSError as e:
                self.poller.unwatch(sock)
                return deliver(uv_error(errno.errorcode.get(e.errno or 0, "ECONNRESET"), "read"), None)
            if not chunk:
                self.poller.unwatch(sock)
                return deliver(uv_error("ECONNRESET", "read"), None)
            got["n"] += len(chunk)
            if got["n"] >= len(data):
                self.poller.unwatch(sock)
                deliver(None, got["n"])

        self.poller.watch(sock, READ, readable)

    def net_close(self, conn) -> None:
        if conn is not None:
            self._drop(conn["sock"])

    # -- fork -----------------------------------------------------------------------

    def new_child(self) -> dict:
        t_spawn = self.rt.clock.now()
        if len(self._procs) >= MAX_LIVE_CHILDREN:  # _procs: every child not reaped yet, zombies too
            return {"pid": None, "state": "failed", "threads": None, "t_spawn": t_spawn, "modelled": False,
                    "error": NodeError("EAGAIN", f"spawn {sys.executable} EAGAIN (ptview runs at most "
                                                 f"{MAX_LIVE_CHILDREN} live children at once)")}
        parent_end, child_end = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        env = dict(os.environ, PTVIEW_CHANNEL_FD=str(child_end.fileno()))
        env["PYTHONPATH"] = os.pathsep.join(p for p in (_PKG_ROOT, env.get("PYTHONPATH")) if p)
        # uv_spawn is synchronous on the loop thread: so is this fork+exec.
        # Its stdio goes nowhere: a full-screen UI owns the terminal; a crash shows as its exit code.
        try:
            proc = subprocess.Popen([sys.executable, "-m", CHILD_MODULE], pass_fds=[child_end.fileno()], env=env,
                                    stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        except OSError as e:
            # An interpreter this user may not run (another user's venv), no fds left…: Node's
            # ChildProcess emits 'error' (spawn EACCES) and has no pid; the lab goes on.
            parent_end.close()
            child_end.close()
            code = errno.errorcode.get(e.errno or 0, "EIO")
            return {"pid": None, "state": "failed", "threads": None, "t_spawn": t_spawn, "modelled": False,
                    "error": NodeError(code, f"spawn {sys.executable} {code}")}
        child_end.close()
        child = {"pid": proc.pid, "state": "starting", "threads": None, "t_spawn": t_spawn, "modelled": False}
        self._procs[proc.pid] = {"proc": proc, "chan": self._track(parent_end), "buf": b"", "answered": None,
                                 "on_exit": None, "pidfd": None, "child": child}
        return child

    def start_child(self, child: dict, deliver) -> None:
        st = self._procs[child["pid"]]
        st["answered"] = deliver
        chan = st["chan"]
        try:
            chan.sendall(json.dumps({"cmd": "ping"}).encode() + b"\n")
        except OSError:
            pass  # it died already: its exit tells the story
        self.poller.watch(chan, READ, lambda _m: self._ipc_readable(st))
        try:
            st["pidfd"] = os.pidfd_open(child["pid"])
            self.poller.watch(st["pidfd"], READ, lambda _m: self._reap(st))
        except (AttributeError, OSError):  # no pidfd (old kernel): poll for the exit
            self._poll_exit(st)

    def _poll_exit(self, st) -> None:
        if st["proc"].poll() is not None:
            return self._reap(st)
        rt = self.rt
        rt.at(rt.clock.now() + 10, lambda: self._poll_exit(st) if not self.closed else None)

    def _ipc_readable(self, st) -> None:
        try:
            data = st["chan"].recv(65536)
        except BlockingIOError:
            return
        except OSError:
            data = b""
        if not data:
            self.poller.unwatch(st["chan"])  # its end closed: the exit (pidfd) follows
            return
        st["buf"] += data
        while b"\n" in st["buf"]:
            line, st["buf"] = st["buf"].split(b"\n", 1)
            try:
                msg = json.loads(line)
            except ValueError:
                continue
            if "pong" in msg and st["answered"] is not None:
                child = st["child"]
                child["threads"] = msg.get("threads")
                child["rss"] = msg.get("rss")
                deliver, st["answered"] = st["answered"], None
                deliver(f"pong from pid {msg['pong']}, its own loop and a pool of {msg.get('pool')} "
                        f"({msg.get('threads')} threads)")

    def stop_child(self, child: dict, deliver, after_ms: float = 0) -> None:
        st = self._procs.get(child["pid"])
        if st is None or st["proc"].returncode is not None:
            return self._later(deliver)
        st["on_exit"] = deliver
        rt = self.rt
        rt.at(rt.clock.now() + max(after_ms, self.child_linger_ms), lambda: self._send(st, {"cmd": "exit"}))

    def _send(self, st, msg) -> None:
        try:
            st["chan"].sendall(json.dumps(msg).encode() + b"\n")
        except OSError:
            pass

    def _reap(self, st) -> None:
        proc = st["proc"]
        if st["pidfd"] is not None:
            self.poller.unwatch(st["pidfd"])
            os.close(st["pidfd"])
            st["pidfd"] = None
        proc.wait()
        child = st["child"]
        child["state"] = "exited"
        child["code"] = proc.returncode
        self._drop(st["chan"])
        self._procs.pop(child["pid"], None)
        if st["answered"] is not None:  # died before answering: say so, then its exit
            deliver, st["answered"] = st["answered"], None
            deliver(f"exited with code {proc.returncode} before answering")  # its stop_child() follows
        if st["on_exit"] is not None:
            deliver, st["on_exit"] = st["on_exit"], None
            deliver()

    def live_children(self) -> list[int]:
        return [pid for pid, st in self._procs.items() if st["proc"].returncode is None]

    # -- leaving nothing behind ------------------------------------------------------------

    def close(self, timeout: float = 0.8) -> None:
        if self.closed:
            return
        self.closed = True
        procs = [st["proc"] for st in self._procs.values()]
        for p in procs:
            if p.poll() is None:
                p.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + timeout / 2
        for p in procs:
            try:
                p.wait(max(0.0, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                p.kill()
        for p in procs:
            try:
                p.wait(timeout / 2)
            except subprocess.TimeoutExpired:
                pass
        for st in self._procs.values():
            if st["pidfd"] is not None:
                os.close(st["pidfd"])
        self._procs.clear()
        for sock in list(self._socks):
            self._drop(sock)
        if self.echo is not None:
            self.echo.close()
