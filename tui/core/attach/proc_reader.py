"""Reading one process's threads from /proc, from outside, without stopping it.

Everything here is a plain read of a /proc file. The only files that need
ptrace permission are `task/TID/syscall`, `fd/N` links and `mem`; when they
are refused the callers get `None` and carry on with `stat`, which anyone in
the same pid namespace may read.

Every read can race with the thread or the process going away (or an fd being
closed and reused): those surface as `ThreadGone` / `ProcessGone` or `None`,
never as an OSError the caller has to know about.
"""

from __future__ import annotations

import errno
import functools
import os
import socket
import stat as stat_mod
import sys
import time
from dataclasses import dataclass

from tui.core.untrusted import exact


class ProcessGone(Exception):
    """The process no longer exists (or is a zombie: nothing left to sample)."""


class ThreadGone(Exception):
    """The thread exited between listing and reading it."""


@dataclass(frozen=True)
class SyscallLine:
    """One read of /proc/PID/task/TID/syscall.

    `running`: on a CPU right now (the kernel cannot say which call).
    `nr is None` and not running: off CPU but not inside a system call
    (preempted in user space, or in a page fault).
    """

    running: bool
    nr: int | None
    args: tuple[int, ...] = ()


@dataclass(frozen=True)
class ThreadRaw:
    tid: int
    state: str  # R S D T t Z X I, from stat; "" when stat was not read
    cpu_ticks: int | None  # utime + stime, clock ticks; None when stat was not read
    syscall: SyscallLine | None  # None: not readable (no ptrace permission)


@functools.lru_cache(maxsize=512)  # an idle thread's line is the same sample after sample
def parse_syscall(text: str) -> SyscallLine:
    text = text.strip()
    if text == "running" or not text:
        return SyscallLine(running=text == "running", nr=None)
    fields = text.split()
    nr = int(fields[0])
    if nr < 0:
        return SyscallLine(running=False, nr=None)
    # fields: nr arg1..arg6 sp pc; the stack and program counter are of no use here, except
    # that both are 0 for a kernel thread (no user-space registers): its "0 0x0 ..." is not a
    # read(2), so it is no call at all (kthreadd used to show as "busy: read").
    if len(fields) >= 9 and int(fields[7], 16) == 0 and int(fields[8], 16) == 0:
        return SyscallLine(running=False, nr=None)
    return SyscallLine(running=False, nr=nr, args=tuple(int(f, 16) for f in fields[1:7]))


def parse_stat(text: str) -> tuple[str, str, int]:
    """(comm, state, utime+stime) from a stat line; comm may hold spaces and parens."""
    lpar, rpar = text.index("("), text.rindex(")")
    comm = text[lpar + 1 : rpar]
    rest = text[rpar + 2 :].split()
    # rest[0] is field 3 (state); utime, stime are fields 14, 15.
    return comm, rest[0], int(rest[11]) + int(rest[12])


def _read_small(path: str, size: int = 4096) -> bytes:
    # os.open/os.read: a Python file object costs several times more per
    # read, and the sampler does hundreds of these a second.
    fd = os.open(path, os.O_RDONLY | os.O_CLOEXEC)
    try:
        return os.read(fd, size)
    finally:
        os.close(fd)


@dataclass(frozen=True)
class SocketInfo:
    proto: str  # tcp, tcp6, udp, udp6, unix
    local: str | None
    remote: str | None
    remote_port: int | None
    listening: bool = False
    path: str | None = None


_TCP_LISTEN = "0A"


def _hex_addr(text: str) -> tuple[str, int] | None:
    """'0100007F:0035' → ('127.0.0.1', 53); None for the all-zero address."""
    host, port_hex = text.split(":")
    raw = bytes.fromhex(host)
    if sys.byteorder == "little":
        # The kernel prints each 32-bit word of the address in host order.
        raw = b"".join(raw[i : i + 4][::-1] for i in range(0, len(raw), 4))
    port = int(port_hex, 16)
    if not any(raw) and port == 0:
        return None
    if len(raw) == 4:
        return socket.inet_ntop(socket.AF_INET, raw), port
    ip = socket.inet_ntop(socket.AF_INET6, raw)
    if ip.startswith("::ffff:") and "." in ip:
        return ip[7:], port  # v4-mapped: what the user typed was IPv4
    return f"[{ip}]", port


def parse_inet_table(text: str, proto: str) -> dict[int, SocketInfo]:
    out: dict[int, SocketInfo] = {}
    for line in text.splitlines()[1:]:
        f = line.split()
        if len(f) < 10:
            continue
        try:
            local, remote, inode = _hex_addr(f[1]), _hex_addr(f[2]), int(f[9])
        except ValueError:
            continue
        out[inode] = SocketInfo(
            proto=proto,
            local=f"{local[0]}:{local[1]}" if local else None,
            remote=f"{remote[0]}:{remote[1]}" if remote and remote[1] else None,
            remote_port=remote[1] if remote and remote[1] else None,
            listening=proto.startswith("tcp") and f[3] == _TCP_LISTEN,
        )
    return out


def parse_unix_table(text: str) -> dict[int, SocketInfo]:
    out: dict[int, SocketInfo] = {}
    for line in text.split("\n")[1:]:  # not splitlines(): a path may hold U+2028 or U+0085
        f = line.split(None, 7)
        if len(f) < 7:
            continue
        try:
            inode = int(f[6])
        except ValueError:
            continue
        out[inode] = SocketInfo(proto="unix", local=None, remote=None, remote_port=None,
                                path=f[7].strip() if len(f) > 7 else None)
    return out


def describe_socket(info: SocketInfo | None) -> str:
    if info is None:
        return "socket"
    if info.proto == "unix":
        return f"unix socket {info.path}" if info.path else "unix socket"
    if info.remote_port == 53:
        # glibc's resolver (getaddrinfo on a pool thread) talks to the name
        # server over UDP, falling back to TCP: port 53 is the tell.
        return f"DNS query to {info.remote}"
    if info.proto.startswith("tcp"):
        if info.listening:
            return f"listening on {info.local}"
        return info.remote or "tcp socket"
    return f"udp {info.remote}" if info.remote else "udp socket"


_GONE_ERRNOS = (errno.ENOENT, errno.ESRCH)
_MAX_ENVIRON = 1 << 20  # an environment is rarely above a few KiB; a process can make it huge
try:
    CLK_TCK = os.sysconf("SC_CLK_TCK")
except (ValueError, OSError, AttributeError):
    CLK_TCK = 100


def boot_clock() -> float:
    """Seconds since boot on the clock stat's starttime counts in (suspend included)."""
    try:
        return time.clock_gettime(time.CLOCK_BOOTTIME)
    except (AttributeError, OSError):
        return time.monotonic()
# Per-thread files stay open between samples: pread at offset 0 regenerates a
# /proc seq file, and skipping open/close halves the cost of a sample. An open
# fd also pins the task, so a recycled tid can never be mistaken for the old
# thread. Past this many fds (huge thread counts) files are opened per read.
_MAX_CACHED_FDS = 1024


class ProcReader:
    """Reads /proc for one machine. Not thread-safe: one sampler owns one reader."""

    def __init__(self, proc_root: str = "/proc") -> None:
        self.root = proc_root
        self._fds: dict[tuple[int, int, str], int] = {}

    def _task_file(self, pid: int, tid: int, name: str) -> bytes:
        key = (pid, tid, name)
        fd = self._fds.get(key)
        if fd is None:
            fd = os.open(f"{self.root}/{pid}/task/{tid}/{name}", os.O_RDONLY | os.O_CLOEXEC)
            if len(self._fds) >= _MAX_CACHED_FDS:
                try:
                    return os.read(fd, 4096)
                finally:
                    os.close(fd)
            self._fds[key] = fd
        try:
            return os.pread(fd, 4096, 0)
        except OSError:
            del self._fds[key]
            os.close(fd)
            raise

    def forget(self, pid: int, tid: int) -> None:
        """Close what is kept open for a thread that has gone."""
        for name in ("stat", "syscall"):
            fd = self._fds.pop((pid, tid, name), None)
            if fd is not None:
                os.close(fd)

    def close(self) -> None:
        for fd in self._fds.values():
            os.close(fd)
        self._fds.clear()

    # -- process level --------------------------------------------------

    def list_tids(self, pid: int) -> list[int]:
        try:
            names = os.listdir(f"{self.root}/{pid}/task")
        except (FileNotFoundError, ProcessLookupError, NotADirectoryError):
            raise ProcessGone(pid) from None
        return sorted(int(n) for n in names if n.isdigit())

    def process_state(self, pid: int) -> str | None:
        """State letter of the process (its main thread); None if it is gone."""
        try:
            return parse_stat(_read_small(f"{self.root}/{pid}/stat").decode(errors="replace"))[1]
        except (FileNotFoundError, ProcessLookupError, ValueError, IndexError):
            return None

    def is_kernel_thread(self, pid: int) -> bool:
        # A kernel thread has no user-space registers: its syscall line reads
        # "0 0x0 ..." (a read(2) that is not one), so there is nothing to watch.
        try:
            text = _read_small(f"{self.root}/{pid}/stat").decode(errors="replace")
            flags = int(text[text.rindex(")") + 2:].split()[6])
        except (OSError, ValueError, IndexError):
            return False
        return bool(flags & 0x00200000)  # PF_KTHREAD

    def cmdline(self, pid: int) -> list[str]:
        try:
            raw = _read_small(f"{self.root}/{pid}/cmdline", 65536)
        except OSError:
            return []
        return [exact(a) for a in raw.split(b"\0") if a]  # exact: shown() is for screens

    def environ(self, pid: int) -> dict[str, str] | None:
        """The environment the process started with (NODE_OPTIONS, UV_THREADPOOL_SIZE); None when
        not readable (it needs ptrace permission, as `syscall` does). Values are exact: shown() on a screen."""
        from tui.core.procs.roles import parse_environ

        try:
            fd = os.open(f"{self.root}/{pid}/environ", os.O_RDONLY | os.O_CLOEXEC)
        except OSError:
            return None
        try:
            chunks = []
            size = 0
            while size < _MAX_ENVIRON:
                chunk = os.read(fd, 65536)
                if not chunk:
                    break
                chunks.append(chunk)
                size += len(chunk)
        except OSError:
            return None
        finally:
            os.close(fd)
        return parse_environ(b"".join(chunks))

    def thread_start(self, pid: int, tid: int) -> float | None:
        """When the thread started, in seconds since boot (stat's starttime); None if gone."""
        try:
            text = exact(self._task_file(pid, tid, "stat"))
            return int(text[text.rindex(")") + 2:].split()[19]) / CLK_TCK
        except (OSError, ValueError, IndexError):
            return None

    def exe(self, pid: int) -> str | None:
        try:
            return os.readlink(f"{self.root}/{pid}/exe")
        except OSError:
            return None

    # -- thread level ---------------------------------------------------

    def thread_name(self, pid: int, tid: int) -> str | None:
        try:
            return exact(_read_small(f"{self.root}/{pid}/task/{tid}/comm")).rstrip("\n")
        except OSError:
            return None

    def read_thread(self, pid: int, tid: int, want_syscall: bool = True,
                    want_stat: bool = True) -> ThreadRaw:
        """One thread's state. With `want_stat=False` stat is read only when the
        syscall line cannot tell (not in a call, or not readable); otherwise
        `state` is "" and `cpu_ticks` None, for the caller to carry over."""
        sc: SyscallLine | None = None
        if want_syscall:
            try:
                sc = parse_syscall(self._task_file(pid, tid, "syscall").decode(errors="replace"))
            except PermissionError:
                sc = None
            except OSError as e:
                if e.errno == errno.ENOENT and os.path.isdir(f"{self.root}/{pid}/task/{tid}"):
                    sc = None  # a kernel built without the syscall file: same as no permission
                elif e.errno in _GONE_ERRNOS:
                    raise ThreadGone(tid) from None
                else:
                    sc = SyscallLine(running=False, nr=None)  # EIO etc. while the thread exits
            except ValueError:
                sc = SyscallLine(running=False, nr=None)
        if not want_stat and sc is not None and (sc.running or sc.nr is not None):
            return ThreadRaw(tid=tid, state="", cpu_ticks=None, syscall=sc)
        try:
            _, state, ticks = parse_stat(exact(self._task_file(pid, tid, "stat")))
        except OSError as e:
            if e.errno in _GONE_ERRNOS:
                raise ThreadGone(tid) from None
            raise
        except (ValueError, IndexError):
            raise ThreadGone(tid) from None  # an empty read: the task is being torn down
        return ThreadRaw(tid=tid, state=state, cpu_ticks=ticks, syscall=sc)

    # -- what an argument points at -------------------------------------

    def fd_link(self, pid: int, fd: int) -> str | None:
        try:
            return os.readlink(f"{self.root}/{pid}/fd/{fd}")
        except OSError:
            return None  # closed since the syscall was read, or no permission

    def fd_is_fifo(self, pid: int, fd: int) -> bool:
        try:
            return stat_mod.S_ISFIFO(os.stat(f"{self.root}/{pid}/fd/{fd}").st_mode)
        except OSError:
            return False

    def path_is_fifo(self, pid: int, path: str) -> bool:
        # Through /proc/PID/root: the path as the process sees it (its own
        # mount namespace and chroot). stat does not open, so a FIFO stays untouched.
        try:
            return stat_mod.S_ISFIFO(os.stat(f"{self.root}/{pid}/root{path}").st_mode)
        except (OSError, ValueError):
            return False

    def sockets(self, pid: int) -> dict[int, SocketInfo]:
        """inode → socket, from the process's own network namespace."""
        out: dict[int, SocketInfo] = {}
        for proto in ("tcp", "tcp6", "udp", "udp6"):
            try:
                text = _read_small(f"{self.root}/{pid}/net/{proto}", 1 << 22).decode(errors="replace")
            except OSError:
                continue
            out.update(parse_inet_table(text, proto))
        try:
            # Socket paths are anyone's names: exact here (--json), shown() on a screen.
            out.update(parse_unix_table(exact(_read_small(f"{self.root}/{pid}/net/unix", 1 << 22))))
        except OSError:
            pass
        return out

    def read_mem(self, pid: int, addr: int, size: int) -> bytes | None:
        """Peek at the process's memory (needs the same permission as `syscall`)."""
        if addr <= 0 or size <= 0:
            return None
        try:
            fd = os.open(f"{self.root}/{pid}/mem", os.O_RDONLY | os.O_CLOEXEC)
        except OSError:
            return None
        try:
            return os.pread(fd, size, addr)
        except (OSError, OverflowError):
            return None
        finally:
            os.close(fd)

    def read_c_string(self, pid: int, addr: int, limit: int = 4096) -> str | None:
        data = self.read_mem(pid, addr, 256)
        if data and b"\0" not in data and len(data) == 256:
            data = self.read_mem(pid, addr, limit)
        if not data:
            return None
        end = data.find(b"\0")
        if end < 0:
            return None  # not a string, or longer than any sane path
        return exact(data[:end])
