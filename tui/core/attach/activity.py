"""What a thread is doing, from one read of its syscall line and state.

"Idle" means waiting for work, and what counts as waiting depends on the
thread's role: a libuv worker with nothing to do parks on a condition
variable (futex), the loop thread waits in epoll; a worker stuck in `poll` or
`read` is holding a pool slot, so it is busy. Busy % is the share of samples
that are not idle.
"""

from __future__ import annotations

import os
import struct
from dataclasses import dataclass
from typing import Protocol

from tui.core.attach.proc_reader import SocketInfo, SyscallLine, ThreadRaw, describe_socket
from tui.core.attach.syscalls import syscall_name
from tui.core.procs.roles import LIBUV, MAIN, PTVIEW_POOL, WORKER_THREAD


@dataclass(frozen=True)
class Activity:
    what: str  # "runnable", a syscall name, "sleeping", ...
    target: str | None  # resolved argument: a path, "DNS query to 10.0.0.2:53", ...
    idle: bool
    kind: str  # "cpu" | "blocked" | "idle" | "sleeping" | "stopped" | "exiting"

    @property
    def label(self) -> str:
        return f"{self.what} {self.target}" if self.target else self.what


# The kernel's "running" (syscall file) and state R: on a CPU, or queued for one. How much it
# really ran is the CPU % beside it (4 workers on 2 cores: runnable 100 %, CPU ~50 % each).
ON_CPU = Activity("runnable", None, idle=False, kind="cpu")

_WORKER_IDLE = frozenset({"futex", "futex_waitv"})
_LOOP_IDLE = frozenset({"epoll_wait", "epoll_pwait", "epoll_pwait2"})
# For threads whose job we do not know, any "wait until something happens" call.
_GENERIC_IDLE = _WORKER_IDLE | _LOOP_IDLE | frozenset({
    "poll", "ppoll", "select", "pselect6", "nanosleep", "clock_nanosleep", "pause",
    "rt_sigsuspend", "rt_sigtimedwait", "wait4", "waitid",
})
_IDLE_BY_ROLE = {
    LIBUV: _WORKER_IDLE,
    PTVIEW_POOL: _WORKER_IDLE,
    MAIN: _LOOP_IDLE,
    WORKER_THREAD: _LOOP_IDLE,  # a Worker runs its own uv loop: idle in epoll, like the main thread
}

_FD_ARG0 = frozenset({
    "read", "pread64", "readv", "preadv", "preadv2", "write", "pwrite64", "writev",
    "pwritev", "pwritev2", "close", "fstat", "fstatfs", "getdents", "getdents64",
    "fsync", "fdatasync", "ftruncate", "fallocate", "lseek", "fcntl", "flock", "ioctl",
    "connect", "accept", "accept4", "sendto", "recvfrom", "sendmsg", "recvmsg",
    "sendmmsg", "recvmmsg", "shutdown", "fchmod", "fchown", "sync_file_range",
    "copy_file_range", "splice",
})
# *at calls: dirfd in arg0, a pointer to the path in arg1.
_PATH_ARG1 = frozenset({
    "openat", "openat2", "newfstatat", "statx", "unlinkat", "mkdirat", "readlinkat",
    "faccessat", "faccessat2", "fchmodat", "fchownat", "utimensat", "renameat", "renameat2",
})
_PATH_ARG0 = frozenset({
    "open", "stat", "lstat", "access", "unlink", "mkdir", "rmdir", "readlink", "chmod",
    "chown", "truncate", "rename", "statfs",
})
_AT_FDCWD = -100


def _as_int(v: int) -> int:
    """The kernel prints args as unsigned longs; fds and AT_FDCWD are C ints."""
    v &= 0xFFFFFFFF
    return v - (1 << 32) if v & 0x80000000 else v


class Source(Protocol):
    def fd_link(self, pid: int, fd: int) -> str | None: ...
    def fd_is_fifo(self, pid: int, fd: int) -> bool: ...
    def path_is_fifo(self, pid: int, path: str) -> bool: ...
    def sockets(self, pid: int) -> dict[int, SocketInfo]: ...
    def read_mem(self, pid: int, addr: int, size: int) -> bytes | None: ...
    def read_c_string(self, pid: int, addr: int, limit: int = 4096) -> str | None: ...


class TargetResolver:
    """Turns syscall arguments into something a person recognises.

    One per sample: the socket tables are read at most once per sample, and
    only if some thread is blocked on a socket.
    """

    def __init__(self, source: Source, pid: int) -> None:
        self._src = source
        self._pid = pid
        self._sockets: dict[int, SocketInfo] | None = None

    def fd(self, fd: int) -> str | None:
        if fd < 0:
            return None
        link = self._src.fd_link(self._pid, fd)
        if link is None:
            return None
        if link.startswith("socket:["):
            if self._sockets is None:
                self._sockets = self._src.sockets(self._pid)
            try:
                inode = int(link[8:-1])
            except ValueError:
                return "socket"
            return describe_socket(self._sockets.get(inode))
        if link.startswith("pipe:["):
            return "pipe"
        if link.startswith("anon_inode:"):
            return link[len("anon_inode:"):].strip("[]")
        if link.startswith("/") and self._src.fd_is_fifo(self._pid, fd):
            return f"fifo {link}"
        return link

    def path(self, addr: int, dirfd: int = _AT_FDCWD) -> str | None:
        # The path lives in the process's memory; /proc/PID/mem needs the same
        # permission as the syscall file, and reading it does not stop the process.
        p = self._src.read_c_string(self._pid, addr)
        if not p:
            return None
        if not p.startswith("/") and dirfd != _AT_FDCWD:
            base = self._src.fd_link(self._pid, dirfd)
            if base and base.startswith("/"):
                p = os.path.join(base, p)
        if p.startswith("/") and self._src.path_is_fifo(self._pid, p):
            return f"fifo {p}"  # an open(2) of a FIFO waits for the other end
        return p

    def poll_fds(self, addr: int, nfds: int) -> str | None:
        nfds = min(nfds, 16)
        raw = self._src.read_mem(self._pid, addr, 8 * nfds) if nfds > 0 else None
        if not raw or len(raw) < 8:
            return None
        targets: list[str] = []
        for i in range(len(raw) // 8):
            fd, _events, _revents = struct.unpack_from("ihh", raw, 8 * i)
            t = self.fd(fd)
            if t and t not in targets:
                targets.append(t)
        dns = [t for t in targets if t.startswith("DNS ")]
        return ", ".join(dns or targets) or None


def classify(raw: ThreadRaw, role: str | None, resolve: TargetResolver | None,
             names: dict[int, str] | None = None) -> Activity:
    state = raw.state
    if state in ("Z", "X"):
        return Activity("exiting", None, idle=True, kind="exiting")
    if state in ("T", "t"):
        return Activity("stopped", None, idle=True, kind="stopped")
    sc: SyscallLine | None = raw.syscall
    if sc is None:
        # No ptrace permission: the scheduler state is all there is.
        if state == "R":
            return ON_CPU
        if state == "D":
            return Activity("uninterruptible wait", None, idle=False, kind="blocked")
        return Activity("sleeping", None, idle=True, kind="sleeping")
    if sc.running:
        return ON_CPU
    if sc.nr is None:
        if state == "R":
            return ON_CPU  # runnable, preempted in user space
        return Activity("off CPU", None, idle=False, kind="blocked")  # e.g. a page fault
    name = syscall_name(sc.nr, names)
    if name in _IDLE_BY_ROLE.get(role or "", _GENERIC_IDLE):
        return Activity(name, None, idle=True, kind="idle")
    return Activity(name, _target(name, sc.args, resolve), idle=False, kind="blocked")


def _target(name: str, args: tuple[int, ...], resolve: TargetResolver | None) -> str | None:
    if resolve is None or not args:
        return None
    try:
        if name in _FD_ARG0:
            return resolve.fd(_as_int(args[0]))
        if name in _PATH_ARG1 and len(args) > 1:
            return resolve.path(args[1], _as_int(args[0]))
        if name in _PATH_ARG0:
            return resolve.path(args[0])
        if name in ("poll", "ppoll") and len(args) > 1:
            return resolve.poll_fds(args[0], args[1])
    except (OSError, ValueError, struct.error):
        return None
    return None
