"""A scripted /proc for the attach sampler: a Node 20-looking process whose threads' activity a
test sets per tick, and a manual clock. Shared by the sampler's unit tests and the layout tests."""

from __future__ import annotations

import dataclasses

from tui.core.attach import syscalls
from tui.core.attach.proc_reader import ProcessGone, SyscallLine, ThreadGone, ThreadRaw
from tui.core.attach.sampler import Sampler

X = {v: k for k, v in syscalls.X86_64.items()}


class FakeSource:
    def __init__(self, fds=None, mem=None, fifos=(), socks=None):
        self.fds, self.mem, self.fifos, self.socks = fds or {}, mem or {}, set(fifos), socks or {}

    def fd_link(self, pid, fd):
        return self.fds.get(fd)

    def fd_is_fifo(self, pid, fd):
        return fd in self.fifos

    def path_is_fifo(self, pid, path):
        return path in self.fifos

    def sockets(self, pid):
        return self.socks

    def read_mem(self, pid, addr, size):
        data = self.mem.get(addr)
        return None if data is None else data[:size]

    def read_c_string(self, pid, addr, limit=4096):
        data = self.mem.get(addr)
        return None if data is None else data.split(b"\0")[0].decode()


def raw(nr=None, *args, state="S", running=False, ticks=0, tid=1):
    return ThreadRaw(tid, state, ticks, SyscallLine(running, nr, tuple(args)))


class Clock:
    def __init__(self):
        self.t = 0.0

    def __call__(self):
        return self.t


class FakeProc(FakeSource):
    """A Node 20-looking process whose thread activity a test scripts per tick."""

    def __init__(self, pid=100, workers=4):
        super().__init__(fds={20: "/tmp/a.fifo"}, fifos={20})
        self.pid = pid
        self.main = pid
        self.workers = list(range(pid + 10, pid + 10 + workers))
        self.tids = [pid] + list(range(pid + 1, pid + 7)) + self.workers
        self.now: dict[int, ThreadRaw] = {}
        self.gone = False
        self.deny = False
        self.ticks = 0
        self.env: dict[str, str] | None = None  # /proc/PID/environ; None: not readable
        self.starts: dict[int, float] = {}  # tid → start, seconds since boot (absent: unknown)

    def set(self, tid, r):
        self.now[tid] = dataclasses.replace(r, tid=tid)

    # ProcReader surface
    def cmdline(self, pid):
        return ["/usr/bin/node", "app.js"]

    def thread_name(self, pid, tid):
        return "node"

    def environ(self, pid):
        return self.env

    def thread_start(self, pid, tid):
        return self.starts.get(tid)

    def list_tids(self, pid):
        if self.gone:
            raise ProcessGone(pid)
        return list(self.tids)

    def read_thread(self, pid, tid, want_syscall=True, want_stat=True):
        if tid not in self.tids:
            raise ThreadGone(tid)
        self.ticks += 1
        r = self.now.get(tid) or raw(X["futex"] if tid != self.main else X["epoll_pwait"], tid=tid)
        r = dataclasses.replace(r, cpu_ticks=self.ticks)
        if self.deny or not want_syscall:
            r = dataclasses.replace(r, syscall=None)
        return r


def make(proc, clock, **kw):
    return Sampler(proc.pid, hz=10, window_s=2.0, reader=proc, clock=clock, machine="x86_64", **kw)


def run(sampler, clock, n, dt=0.1):
    for _ in range(n):
        sampler.sample_once()
        clock.t += dt


