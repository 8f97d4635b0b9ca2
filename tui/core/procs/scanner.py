"""One pass over the system's processes (and some of their threads), as a diff.

On Linux we read `/proc` ourselves: one `stat` read gives a process's name,
state, parent, CPU times, thread count, start time and RSS, where psutil
would open several files per process through per-method calls, and the
budget is to be no slower than `ps -eLf`. Elsewhere psutil does the work and
threads come without names or states: less to show, never a crash.

A Scanner keeps the previous pass to compute CPU % and the diff, so one
Scanner must be driven from one thread at a time.
"""

from __future__ import annotations

import os
import pwd
import sys
import time
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field

from tui.core.procs.roles import (PTVIEW_POOL, WORKER_THREAD, is_node, label_threads, parse_environ,
                                   role_from_name, wait_kind)
from tui.core.untrusted import exact

# A process or thread is the same one only if its start time is the same too:
# pids and tids are reused.
ProcKey = tuple[int, int]  # (pid, start)
ThreadKey = tuple[int, int]  # (tid, start)



@dataclass(frozen=True, slots=True)
class ProcRow:
    pid: int
    ppid: int
    name: str
    exe: str | None
    cmdline: tuple[str, ...]
    user: str | None
    state: str | None  # one letter as in ps: R S D Z T I ...
    cpu_percent: float | None  # of one core, None until two samples exist
    rss: int | None  # bytes
    num_threads: int
    start: int  # clock ticks since boot on Linux; identity only elsewhere
    create_time: float  # seconds since the epoch
    node: bool
    unreadable: frozenset[str] = frozenset()  # fields we were not allowed to read

    @property
    def key(self) -> ProcKey:
        return (self.pid, self.start)


@dataclass(frozen=True, slots=True)
class ThreadRow:
    tid: int
    pid: int
    name: str | None  # the thread's own comm; None where the OS does not say
    state: str | None
    cpu_percent: float | None
    start: int
    role: str | None = None
    role_inferred: bool = False

    @property
    def key(self) -> ThreadKey:
        return (self.tid, self.start)


@dataclass(frozen=True)
class Snapshot:
    """The system at one instant. Treat the mappings as read-only."""

    time: float  # time.monotonic() of the pass
    procs: Mapping[int, ProcRow]
    threads: Mapping[int, tuple[ThreadRow, ...]]  # only for the pids whose threads were read
    self_pid: int = field(default_factory=os.getpid)


@dataclass(frozen=True)
class Diff:
    added_procs: frozenset[ProcKey] = frozenset()
    removed_procs: frozenset[ProcKey] = frozenset()
    changed_procs: frozenset[ProcKey] = frozenset()
    added_threads: frozenset[ThreadKey] = frozenset()
    removed_threads: frozenset[ThreadKey] = frozenset()
    changed_threads: frozenset[ThreadKey] = frozenset()

    @property
    def empty(self) -> bool:
        return not (
            self.added_procs or self.removed_procs or self.changed_procs
            or self.added_threads or self.removed_threads or self.changed_threads
        )


class ScanResult:
    """A pass: its snapshot, and what changed since the pass before. The diff is worked out
    when first asked for: a one-shot reader (`--tree`) never asks."""

    __slots__ = ("snapshot", "_diff", "_prev")

    def __init__(self, snapshot: Snapshot, diff: Diff | None = None, *, prev: Snapshot | None = None) -> None:
        self.snapshot = snapshot
        self._diff = diff
        self._prev = prev

    @property
    def diff(self) -> Diff:
        if self._diff is None:
            self._diff = diff_snapshots(self._prev, self.snapshot)
            self._prev = None
        return self._diff


def _keyed_diff(old: dict, new: dict) -> tuple[frozenset, frozenset, frozenset]:
    added = frozenset(new.keys() - old.keys())
    removed = frozenset(old.keys() - new.keys())
    # A row the scanner kept is the same object: no field to compare.
    changed = frozenset(k for k in new.keys() & old.keys() if new[k] is not old[k] and new[k] != old[k])
    return added, removed, changed


def diff_snapshots(old: Snapshot | None, new: Snapshot) -> Diff:
    old_p = {r.key: r for r in old.procs.values()} if old else {}
    new_p = {r.key: r for r in new.procs.values()}
    old_t = {t.key: t for ts in old.threads.values() for t in ts} if old else {}
    new_t = {t.key: t for ts in new.threads.values() for t in ts}
    ap, rp, cp = _keyed_diff(old_p, new_p)
    at, rt, ct = _keyed_diff(old_t, new_t)
    return Diff(ap, rp, cp, at, rt, ct)


def _cpu(prev: tuple[float, int] | None, now: float, ticks: int, hz: float) -> float | None:
    if prev is None:
        return None
    dt = now - prev[0]
    if dt <= 0:
        return None
    # Rounded so that jitter below what we display is not reported as a change.
    return round(max(ticks - prev[1], 0) / hz / dt * 100.0, 1)


class Scanner:
    """Scan processes, and the threads of the processes asked for."""

    def __init__(self, proc_root: str = "/proc") -> None:
        self._root = proc_root
        self._linux = sys.platform.startswith("linux") and os.path.isdir(os.path.join(proc_root, "self", "task"))
        self._hz = float(os.sysconf("SC_CLK_TCK")) if self._linux else 100.0
        self._page = os.sysconf("SC_PAGE_SIZE") if self._linux else 4096
        self._btime = _boot_time(proc_root) if self._linux else 0.0
        self._prev: Snapshot | None = None
        self._proc_ticks: dict[ProcKey, tuple[float, int]] = {}
        self._thread_ticks: dict[ThreadKey, tuple[float, int]] = {}
        self._users: dict[int, str] = {}
        self._exe_cache: dict = {}  # (pid, start) -> what _read_details() read
        self._sampled_comms: dict[ProcKey, bytes] = {}
        # Node processes only: the environment each started with (NODE_OPTIONS, UV_THREADPOOL_SIZE;
        # None when not readable), and what their later threads were seen waiting in (wchan):
        # "epoll" (an event loop: a Worker; sticky) or "futex" (a parked pool thread).
        self._environs: dict[ProcKey, dict[str, str] | None] = {}
        self._waits: dict[int, dict[ThreadKey, str]] = {}

    @property
    def linux(self) -> bool:
        return self._linux

    def scan(self, threads_of: Collection[int] | None = (), fresh: Collection[int] | None = None,
             reread: bool = True) -> ScanResult:
        """Read every process, and the threads of the pids in `threads_of`.

        `threads_of=None` reads the threads of every process. `fresh`, when given, is what must
        be read this pass: the processes in it, those of `threads_of`, and any pid the last pass
        did not see; a process outside it that is still listed keeps its last row (its CPU %
        too, the next reading of it averages over the whole gap). A pane that shows 20 rows of
        a 300-process tree reads those 20 each second and the rest now and then; pids that
        appear or go are seen at once. Linux only: elsewhere every pass reads everything.

        `reread=False`: a process whose command line, executable and owner were read before
        (by read_details() or a pass) and whose name is the same is not asked for them again,
        only for its stat; a one-shot reader that read them a moment ago needs no more.
        """
        now = time.monotonic()
        if self._linux:
            procs, threads = self._scan_proc(now, threads_of, fresh, reread)
        else:
            procs, threads = self._scan_psutil(now, threads_of)
        snap = Snapshot(now, procs, threads)
        result = ScanResult(snap, prev=self._prev)
        self._prev = snap
        return result

    def sample_ticks(self, threads_of: Collection[int] | None = ()) -> float:
        """Only the CPU ticks of every process (and of the threads of `threads_of`), as the
        baseline of the next scan's CPU %: one stat file each, no row built. A one-shot reader
        (`--tree`) pays this instead of a full scan: half its cost with 1,000 processes.
        Returns the time of the sample (time.monotonic())."""
        if not self._linux:
            self.scan(threads_of)
            return time.monotonic()
        now = time.monotonic()
        ticks: dict[ProcKey, tuple[float, int]] = {}
        tticks: dict[ThreadKey, tuple[float, int]] = {}
        comms: dict[ProcKey, bytes] = {}
        root = self._root
        try:
            entries = os.listdir(root)
        except OSError:
            entries = []
        for entry in entries:
            if not entry.isdigit():
                continue
            try:
                data = _read_small(f"{root}/{entry}/stat")
                rp = data.rindex(b")")
                f = data[rp + 2:].split()
                pid, total, start, nthreads = int(entry), int(f[11]) + int(f[12]), int(f[19]), int(f[17])
            except (OSError, ValueError, IndexError):
                continue  # gone, or not a process
            ticks[(pid, start)] = (now, total)
            comms[(pid, start)] = data[data.index(b"(") + 1:rp]  # decoded by read_details(), if asked
            if threads_of is not None and pid not in threads_of:
                continue
            if nthreads == 1:
                tticks[(pid, start)] = (now, total)  # as _read_threads: the process is its thread
                continue
            base = f"{self._root}/{entry}/task"
            try:
                tids = os.listdir(base)
            except OSError:
                continue
            for tid in tids:
                try:
                    _name, tf = _parse_stat(_read_small(f"{base}/{tid}/stat"))
                    tticks[(int(tid), int(tf[19]))] = (now, int(tf[11]) + int(tf[12]))
                except (OSError, ValueError, IndexError):
                    continue
        self._proc_ticks = ticks
        self._thread_ticks = tticks
        self._sampled_comms = comms
        return now

    def read_details(self) -> None:
        """The command line, executable and owner of every process the last sample_ticks()
        saw (a process that ended since is skipped), for a scan(reread=False) to come. A
        one-shot reader calls it while it waits between its two samples of the ticks: what
        a full pass reads besides stat, read when nothing else is to be done."""
        if not self._linux:
            return
        cache = self._exe_cache
        for key, raw_comm in self._sampled_comms.items():
            comm = exact(raw_comm)
            got = cache.get(key)
            if got is not None and got[0] == comm:
                continue
            details = self._read_details(f"{self._root}/{key[0]}", comm, None)
            if details is not None:
                cache[key] = details

    def _read_details(self, base: str, comm: str, cached: tuple | None) -> tuple | None:
        """(comm, raw cmdline, cmdline, exe, exe denied, node, uid, cmdline denied) of the
        process at `base`, or None if it is gone. `cached`: the last ones, spares a readlink
        when the command line and name are the same."""
        try:
            uid = os.stat(base).st_uid
        except (OSError, ValueError):
            return None
        cmdline_denied = False
        try:
            raw = _read(base + "/cmdline")
        except PermissionError:
            raw = b""
            cmdline_denied = True
        except OSError:
            raw = b""
        if cached is not None and cached[1] == raw:
            cmdline = cached[2]
        else:
            # Exact (surrogateescape): --json carries the bytes; every screen shows them through shown().
            cmdline = tuple(exact(a) for a in raw.rstrip(b"\0").split(b"\0")) if raw else ()
        # The executable only changes with exec, which changes the command
        # line (or at least the comm) too: spare a readlink per process.
        if cached is not None and cached[0] == comm and cached[1] == raw:
            exe, exe_denied, node = cached[3], cached[4], cached[5]
        else:
            exe_denied = False
            try:
                exe = os.readlink(base + "/exe")
            except PermissionError:
                exe = None
                exe_denied = True
            except OSError:
                exe = None  # kernel threads and zombies have none
            node = is_node(exe, cmdline)
        return (comm, raw, cmdline, exe, exe_denied, node, uid, cmdline_denied)

    # -- Linux: /proc --------------------------------------------------------

    def _scan_proc(self, now: float, threads_of: Collection[int] | None, fresh: Collection[int] | None = None,
                   reread: bool = True):
        procs: dict[int, ProcRow] = {}
        threads: dict[int, tuple[ThreadRow, ...]] = {}
        ticks: dict[ProcKey, tuple[float, int]] = {}
        tticks: dict[ThreadKey, tuple[float, int]] = {}
        comms: dict[int, str] = {}
        exes: dict = {}
        prev_procs = self._prev.procs if self._prev else {}
        prev_threads = self._prev.threads if self._prev else {}
        old_ticks, old_exes = self._proc_ticks, self._exe_cache
        try:
            entries = os.listdir(self._root)
        except OSError:
            entries = []
        for entry in entries:
            if not entry.isdigit():
                continue
            pid = int(entry)
            prev = prev_procs.get(pid)
            if (fresh is not None and prev is not None and pid not in fresh
                    and threads_of is not None and pid not in threads_of):
                key = prev.key
                base = old_ticks.get(key)
                cached = old_exes.get(key)
                if base is not None and cached is not None:
                    procs[pid] = prev  # not read this pass: as it was, ticks kept for the next
                    ticks[key] = base
                    exes[key] = cached
                    continue
            got = self._read_proc(pid, now, prev, exes, reread)
            if got is None:
                continue
            row, total, comm = got
            procs[pid] = row
            comms[pid] = comm
            ticks[row.key] = (now, total)
        self._exe_cache = exes
        self._environs = {k: v for k, v in self._environs.items() if k[0] in procs and procs[k[0]].start == k[1]}
        self._waits = {pid: w for pid, w in self._waits.items() if pid in procs}
        for pid, row in procs.items():
            if threads_of is None or pid in threads_of:
                ts = self._read_threads(row, comms[pid], ticks[row.key][1], now, tticks, prev_threads.get(pid, ()))
                if ts is not None:
                    threads[pid] = ts
        self._proc_ticks = ticks
        self._thread_ticks = tticks
        return procs, threads

    def _read_proc(self, pid: int, now: float, prev: ProcRow | None, exes: dict, reread: bool = True):
        base = f"{self._root}/{pid}"
        try:
            stat = _read_small(base + "/stat")
        except (OSError, ValueError):
            return None  # gone between listdir and here
        try:
            comm, f = _parse_stat(stat)
            state, ppid = f[0].decode(), int(f[1])
            total = int(f[11]) + int(f[12])
            nthreads, start, rss_pages = int(f[17]), int(f[19]), int(f[21])
        except (ValueError, IndexError):
            return None
        key = (pid, start)
        cached = self._exe_cache.get(key)
        if reread or cached is None or cached[0] != comm:
            cached = self._read_details(base, comm, cached)
            if cached is None:
                return None  # gone
        exes[key] = cached
        _comm, _raw, cmdline, exe, exe_denied, node, uid, cmdline_denied = cached
        if cmdline_denied or exe_denied:
            unreadable = frozenset(n for n, d in (("cmdline", cmdline_denied), ("exe", exe_denied)) if d)
        else:
            unreadable = _NOTHING
        # The kernel keeps 15 bytes of a name; argv[0] often has the rest.
        name = comm
        if node and role_from_name(comm) is not None:
            # Node >= 24 renames its main thread (`MainThread`), and the
            # process's comm is the main thread's: name the program instead.
            name = os.path.basename((exe or cmdline[0]).removesuffix(" (deleted)"))
        elif len(comm) == 15 and cmdline:
            full = os.path.basename(cmdline[0].split(" ", 1)[0])
            if full.startswith(comm):
                name = full
        cpu = _cpu(self._proc_ticks.get(key), now, total, self._hz)
        rss = rss_pages * self._page
        user = self._user(uid)
        if (
            prev is not None and prev.start == start and prev.ppid == ppid and prev.name == name
            and prev.state == state and prev.cpu_percent == cpu and prev.rss == rss
            and prev.num_threads == nthreads and prev.cmdline == cmdline and prev.exe == exe
            and prev.user == user and prev.unreadable == unreadable
        ):
            return prev, total, comm  # unchanged: same object, cheap to diff
        row = ProcRow(
            pid=pid, ppid=ppid, name=name, exe=exe, cmdline=cmdline, user=user, state=state,
            cpu_percent=cpu, rss=rss, num_threads=nthreads, start=start,
            create_time=self._btime + start / self._hz, node=node, unreadable=unreadable,
        )
        return row, total, comm

    def _read_threads(self, proc: ProcRow, comm: str, proc_total: int, now: float, tticks: dict,
                      prev: tuple[ThreadRow, ...]) -> tuple[ThreadRow, ...] | None:
        if proc.num_threads == 1:
            # One thread: it is the process, and the process's stat already
            # says it all (CPU deltas match: exited threads add no new time).
            tid, state, start = proc.pid, proc.state or "?", proc.start
            key = (tid, start)
            tticks[key] = (now, proc_total)
            if proc.node:
                role, inferred = _roles(proc, [(tid, comm)]).get(tid, (None, False))
            else:  # as _roles() outside Node, for one thread
                role, inferred = (PTVIEW_POOL if role_from_name(comm) == PTVIEW_POOL else None), False
            cpu = _cpu(self._thread_ticks.get(key), now, proc_total, self._hz)
            o = prev[0] if len(prev) == 1 else None
            if (o is not None and o.tid == tid and o.start == start and o.name == comm and o.state == state
                    and o.cpu_percent == cpu and o.role == role and o.role_inferred == inferred):
                return prev
            return (ThreadRow(tid=tid, pid=tid, name=comm, state=state, cpu_percent=cpu, start=start,
                              role=role, role_inferred=inferred),)
        else:
            base = f"{self._root}/{proc.pid}/task"
            try:
                tids = os.listdir(base)
            except OSError:
                return None
            raw = []
            for entry in tids:
                try:
                    # stat carries the thread's comm too: one read instead of two.
                    name, f = _parse_stat(_read_small(f"{base}/{entry}/stat"))
                    raw.append((int(entry), name, f[0].decode(), int(f[11]) + int(f[12]), int(f[19])))
                except (OSError, ValueError, IndexError):
                    continue  # the thread ended under us
            raw.sort()
        roles = self._roles(proc, raw)
        old = {t.tid: t for t in prev}
        rows = []
        for tid, name, state, total, start in raw:
            key = (tid, start)
            tticks[key] = (now, total)
            role, inferred = roles.get(tid, (None, False))
            cpu = _cpu(self._thread_ticks.get(key), now, total, self._hz)
            o = old.get(tid)
            if (o is not None and o.start == start and o.name == name and o.state == state
                    and o.cpu_percent == cpu and o.role == role and o.role_inferred == inferred):
                rows.append(o)
                continue
            rows.append(ThreadRow(tid=tid, pid=proc.pid, name=name, state=state, cpu_percent=cpu,
                                  start=start, role=role, role_inferred=inferred))
        return tuple(rows)

    def _roles(self, proc: ProcRow, raw: list[tuple]) -> dict[int, tuple[str | None, bool]]:
        threads = [(tid, name) for tid, name, *_ in raw]
        if not proc.node:
            # Outside Node only ptview's own threads have a role worth naming: its pool, its live Workers.
            return {tid: (role, False) for tid, name in threads
                    if (role := role_from_name(name)) in (PTVIEW_POOL, WORKER_THREAD)}
        if not self._linux:
            return label_threads(threads, proc.pid, list(proc.cmdline))
        key = proc.key
        if key in self._environs:
            environ = self._environs[key]
        else:
            try:
                environ = parse_environ(_read(f"{self._root}/{proc.pid}/environ"))
            except OSError:
                environ = None  # another user's process: ptrace permission needed
            self._environs[key] = environ
        old = self._waits.get(proc.pid, {})
        new: dict[ThreadKey, str] = {}
        starts = {tid: start for tid, _n, _s, _t, start in raw}
        base = f"{self._root}/{proc.pid}/task"

        def wait_of(tid: int) -> str | None:
            # Asked only about threads creation order cannot place: a Node 20 process's pool and Workers.
            k = (tid, starts.get(tid, 0))
            seen = old.get(k)
            if seen != "epoll":
                try:
                    kind = wait_kind(exact(_read_small(f"{base}/{tid}/wchan")))  # a kernel symbol
                except OSError:
                    kind = None  # gone, or no permission (then wchan reads "0")
                seen = kind or seen
            if seen:
                new[k] = seen
            return seen

        roles = label_threads(threads, proc.pid, list(proc.cmdline), environ=environ, wait_of=wait_of)
        self._waits[proc.pid] = new
        return roles

    def _user(self, uid: int) -> str:
        user = self._users.get(uid)
        if user is None:
            try:
                user = pwd.getpwuid(uid).pw_name
            except KeyError:
                user = str(uid)
            self._users[uid] = user
        return user

    # -- elsewhere: psutil ---------------------------------------------------

    def _scan_psutil(self, now: float, threads_of: Collection[int] | None):
        # Imported here: only where there is no /proc, and psutil costs the app's first frame.
        import psutil

        procs: dict[int, ProcRow] = {}
        threads: dict[int, tuple[ThreadRow, ...]] = {}
        ticks: dict[ProcKey, tuple[float, int]] = {}
        tticks: dict[ThreadKey, tuple[float, int]] = {}
        attrs = ["pid", "ppid", "name", "exe", "cmdline", "username", "status",
                 "cpu_times", "memory_info", "num_threads", "create_time"]
        for p in psutil.process_iter():
            try:
                info = p.as_dict(attrs, ad_value=_DENIED)
            except (FileNotFoundError, ProcessLookupError, psutil.NoSuchProcess):  # gone while we read it
                continue
            unreadable = frozenset(k for k, v in info.items() if v is _DENIED)
            val = {k: (None if v is _DENIED else v) for k, v in info.items()}
            create = val["create_time"] or 0.0
            start = int(create * 100)
            cpu = val["cpu_times"]
            total = int(((cpu.user + cpu.system) if cpu else 0.0) * self._hz)
            cmdline = tuple(val["cmdline"] or ())
            status = val["status"]
            row = ProcRow(
                pid=info["pid"], ppid=val["ppid"] or 0, name=val["name"] or "?",
                exe=val["exe"] or None, cmdline=cmdline, user=val["username"],
                state=_status_letter(status) if status else None,
                cpu_percent=_cpu(self._proc_ticks.get((info["pid"], start)), now, total, self._hz),
                rss=val["memory_info"].rss if val["memory_info"] else None,
                num_threads=val["num_threads"] or 0, start=start, create_time=create,
                node=is_node(val["exe"], cmdline), unreadable=unreadable,
            )
            procs[row.pid] = row
            ticks[row.key] = (now, total)
            if threads_of is None or row.pid in threads_of:
                try:
                    ts = p.threads()
                except (psutil.Error, OSError):
                    continue
                rows = []
                for t in sorted(ts):
                    total_t = int((t.user_time + t.system_time) * self._hz)
                    key = (t.id, 0)
                    tticks[key] = (now, total_t)
                    main = row.node and t.id == row.pid
                    rows.append(ThreadRow(
                        tid=t.id, pid=row.pid, name=None, state=None,
                        cpu_percent=_cpu(self._thread_ticks.get(key), now, total_t, self._hz),
                        start=0, role="main" if main else None,
                    ))
                threads[row.pid] = tuple(rows)
        self._proc_ticks = ticks
        self._thread_ticks = tticks
        return procs, threads


_DENIED = object()
_NOTHING: frozenset[str] = frozenset()


def _status_letter(status: str) -> str:
    import psutil

    return {
        psutil.STATUS_RUNNING: "R", psutil.STATUS_SLEEPING: "S", psutil.STATUS_DISK_SLEEP: "D",
        psutil.STATUS_STOPPED: "T", psutil.STATUS_ZOMBIE: "Z", psutil.STATUS_DEAD: "X",
        psutil.STATUS_IDLE: "I",
    }.get(status, "?")


def _read(path: str) -> bytes:
    fd = os.open(path, os.O_RDONLY)
    try:
        chunks = []
        while True:
            chunk = os.read(fd, 65536)
            if not chunk:
                break
            chunks.append(chunk)
            if len(chunk) < 4096:  # /proc hands a small file over in one read
                break
        return b"".join(chunks)
    finally:
        os.close(fd)


def _read_small(path: str) -> bytes:
    """A stat file: well under a page, one read."""
    fd = os.open(path, os.O_RDONLY)
    try:
        return os.read(fd, 4096)
    finally:
        os.close(fd)


def _parse_stat(data: bytes) -> tuple[str, list[bytes]]:
    """(comm, fields from `state` on). comm may hold spaces and parentheses."""
    lp = data.index(b"(")
    rp = data.rindex(b")")
    return exact(data[lp + 1 : rp]), data[rp + 2 :].split()


def _boot_time(root: str) -> float:
    try:
        for line in _read(f"{root}/stat").splitlines():
            if line.startswith(b"btime "):
                return float(line.split()[1])
    except OSError:
        pass
    import psutil

    return psutil.boot_time()
