"""A background thread that samples one process's threads and keeps rolling stats.

The UI (or `--watch`) never touches /proc itself: it calls `snapshot()`, or
passes `on_snapshot` to have one delivered from the sampling thread every
`publish_interval` seconds (wire it to `App.call_from_thread`/`post_message`).
Snapshots are frozen dataclasses (snapshot.py); nothing in them is shared with the sampler.

Two horizons per thread: `window` (the last `window_s` seconds, for live
panes) and `run` (everything since start, for the `--watch` report).

For the app:

    sampler = Sampler(pid, on_snapshot=lambda snap: pane.post_message(Sampled(snap)))
    sampler.start()            # on mount; sampler.stop() on unmount (joins the thread)

    snap.workers               pool pane, one row per libuv worker:
        w.activity.label       "futex", "read fifo /tmp/x", "poll DNS query to 10.0.0.2:53", "runnable"
        w.activity.idle        waiting for work (futex) or not
        w.activity_s           how long it has been doing that (a lower bound at start)
        w.window.busy_pct      busy % over the last window_s (10 s)
    snap.saturated             every worker busy now (new requests queue); snap.saturated_since;
                               only meaningful when snap.syscall_readable
    snap.loop                  loop pane: loop.activity.idle (in epoll) / label,
                               loop.window.busy_pct, loop.window.longest_busy_s,
                               loop.busy_for_s (the busy stretch in progress)
    snap.syscall_readable      False: say on screen that only scheduler state is shown
    snap.alive / snap.ended    the process exited ("exited") or sampling stopped
"""

from __future__ import annotations

import threading
import time
from collections import Counter, deque
from collections.abc import Callable
from tui.core.attach.activity import Activity, TargetResolver, classify
from tui.core.attach.proc_reader import ProcessGone, ProcReader, ThreadGone, ThreadRaw, boot_clock
from tui.core.attach.snapshot import Snapshot, Stats, ThreadSnapshot, stats_of
from tui.core.attach.syscalls import syscall_name, table_for
from tui.core.attach.thread_roles import label_threads
from tui.core.procs.naming import set_os_thread_name
from tui.core.procs.roles import LIBUV, MAIN, WORKER_THREAD, node_settings, wait_kind

# A run's activity tally keeps this many distinct (call, target) pairs; more
# (a thread walking a directory tree) go to one "other" row, so memory stays bounded.
_MAX_KEYS = 64
_OTHER = Activity("other", None, idle=False, kind="blocked")
_NAME_REFRESH_S = 1.0  # Node ≥ 24 names a thread just after it starts
# Listing the threads and reading their stat files costs as much as reading
# the syscall lines, and changes slowly (new threads, CPU time in 10 ms ticks):
# do it at about this rate, the syscall lines at the full sampling rate.
_FULL_SCAN_HZ = 4.0
_RESOLVE_TTL_S = 1.0
# The sampler's own cost, whatever the process: a sample reads a file or two per thread
# (~20 µs each), so 20 Hz on 5,000 threads wanted ~2 cores and got ~1 Hz (issue 14). Each
# tick's CPU time (sample and snapshot) is measured on the sampling thread, and the rate
# is lowered so that the sampler stays near CPU_SHARE of one core (the budget is 2 %);
# below MIN_HZ, fewer threads are read per tick instead (in turn, new ones first).
CPU_SHARE = 0.015
MIN_HZ = 2.0
MIN_THREADS_PER_TICK = 64
_COST_WEIGHT = 0.3  # of the newest tick in the running estimate of a tick's cost
_MAX_PERIOD = 2.0  # however dear a tick: the panes still move every 2 s
_GROUPED = (MAIN, LIBUV, WORKER_THREAD)  # shown each in its own place; the rest are "other threads"


class _Track:
    """Mutable per-thread state; only the sampler thread writes it (under the lock)."""

    def __init__(self, tid: int, name: str) -> None:
        self.tid = tid
        self.name = name
        self.role: str | None = None
        self.inferred = False
        self.alive = True
        self.gone_at: float | None = None
        self.state = "?"
        self.activity: Activity | None = None
        self.since = 0.0
        self.stretch_start: float | None = None
        # Already there when sampling began (its start time is before the first sample): its first
        # activity and busy stretch began before we saw them, so their durations are lower bounds.
        self.pre = False
        self.start_boot: float | None = None  # when the thread started, seconds since boot
        self.activity_open = False
        self.stretch_open = False
        # (t, activity, busy, cpu_ticks)
        self.window: deque[tuple[float, Activity, bool, int]] = deque()
        # The window's tallies, kept as samples come and go (recounting 200 samples a thread for
        # every snapshot was most of a snapshot's cost): activities, busy samples, and the busy
        # stretches that end inside it as (first busy, last busy, first idle after) sample times.
        self.win_counts: Counter[Activity] = Counter()
        self.win_busy = 0
        self.win_runs: deque[tuple[float, float, float]] = deque()
        self.win_run: tuple[float, float] | None = None  # the stretch in progress: (first, last) busy sample
        self.run_counts: Counter[Activity] = Counter()
        self.run_samples = 0
        self.run_busy = 0
        self.run_longest = 0.0
        self.first: tuple[float, int] | None = None
        self.last: tuple[float, int] | None = None
        self.last_boot: float | None = None  # the boot clock at its last sample (for its age)
        self.period = 0.0  # the sampling period when it was last sampled
        # Bumped by every change; its last ThreadSnapshot is kept with the version (and period) it
        # was made from: with thousands of threads read in turn, most have not changed since.
        self.version = 0
        self.snap: tuple[tuple, ThreadSnapshot] | None = None


    def clear_window(self) -> None:
        self.version += 1
        self.window.clear()
        self.win_counts.clear()
        self.win_busy = 0
        self.win_runs.clear()
        self.win_run = None


class Sampler:
    def __init__(self, pid: int, hz: float = 20.0, window_s: float = 10.0, *,
                 reader: ProcReader | None = None, clock: Callable[[], float] = time.monotonic,
                 keep_gone: bool = False, resolve_targets: bool = True,
                 on_snapshot: Callable[[Snapshot], None] | None = None,
                 publish_interval: float = 0.25, machine: str | None = None,
                 cpu_share: float = CPU_SHARE) -> None:
        if not hz > 0 or not window_s > 0:
            raise ValueError("hz and window_s must be > 0")
        self.pid = pid
        self.hz = hz  # asked for; the rate achieved is in the snapshots
        self.cpu_share = cpu_share  # of one core, that the sampling thread adapts its rate to
        self.period = 1.0 / hz
        self.min_period = self.period
        self.window_s = window_s
        self._reader = reader or ProcReader()
        self._clock = clock
        self._keep_gone = keep_gone
        self._resolve = resolve_targets
        self._on_snapshot = on_snapshot
        self._publish_interval = publish_interval
        self._names = table_for(machine)
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.finished = threading.Event()  # set when sampling ends for any reason

        self._tracks: dict[int, _Track] = {}
        self._cmdline = self._reader.cmdline(pid)
        # NODE_OPTIONS (--v8-pool-size, --inspect) and UV_THREADPOOL_SIZE: how many threads of each
        # kind Node makes. None when not readable (the same permission as the syscall files).
        environ = getattr(self._reader, "environ", None)
        self._environ = environ(pid) if environ is not None else None
        self._settings = node_settings(self._cmdline, self._environ)
        self._thread_start = getattr(self._reader, "thread_start", None)
        # tid → what it was seen waiting in ("epoll": an event loop, sticky; "futex"): tells a
        # Worker (its own loop) from a libuv pool thread where Node 20 names neither.
        self._waits: dict[int, str] = {}
        self._wait_by_nr: dict[int, str | None] = {}
        self._boot_first: float | None = None
        self._boot_last: float | None = None
        self._sat_open = False
        self._is_node = False
        self._syscall_readable: bool | None = None
        self._alive = True
        self._ended: str | None = None
        self._started_at: float | None = None
        self._last_t: float | None = None
        self._ticks = 0
        self._overruns = 0
        self._names_read_at = float("-inf")
        self._saturated_since: float | None = None
        self._sat_window: deque[tuple[float, bool]] = deque()
        self._sat_run = 0
        self._cache: tuple[int, Snapshot] | None = None
        # (role, state, syscall) → activity, for results that need no target
        # lookup: most threads sit in the same futex/epoll call sample after sample.
        self._memo: dict[tuple[str | None, str, object], Activity] = {}
        # Resolved targets (readlink, socket tables, a peek at memory) are
        # re-done at most once a second while a thread stays in the very same
        # call with the same arguments.
        self._resolved: dict[tuple[int, object], tuple[float, Activity]] = {}
        self._owns_reader = reader is None
        self._full_every = max(1, round(hz / _FULL_SCAN_HZ))
        self.per_tick: int | None = None  # threads read per tick; None: every thread
        self._cursor = 0  # where the next partial tick starts among the known threads
        self._tick_cost: float | None = None  # CPU seconds per tick (sample + snapshot), running estimate
        self._times: deque[float] = deque()  # sample times over the window: the rate achieved
        # Kept between ticks so that a tick costs what it reads, not the number of threads known
        # (with 5,000 threads, recomputing these each tick cost more than reading 64 threads):
        self._order: list[_Track] | None = None  # every track by tid, for snapshots
        self._alive_order: list[int] | None = None  # alive tids, sorted, for partial ticks
        self._pool: list[_Track] | None = None  # alive libuv workers, for saturation
        self._gone: dict[int, float] = {}  # tid → when it went, until it leaves the window
        # For snapshots: the tracks changed since the last one, each track's place, its last
        # ThreadSnapshot, the role groups (loop, pool, Workers, other roles counted), busy others.
        self._dirty: set[_Track] = set()
        self._index: dict[_Track, int] = {}
        self._snaps: list[ThreadSnapshot | None] = []
        self._groups: tuple = (None, [], [], [])
        self._busy_other: dict[int, _Track] = {}

    # -- lifecycle ------------------------------------------------------

    def start(self) -> "Sampler":
        if self._thread is not None:
            raise RuntimeError("sampler already started")
        self._thread = threading.Thread(target=self._run, name="ptview-sampler", daemon=True)
        self._thread.start()
        return self

    def stop(self, timeout: float | None = 2.0) -> None:
        self._stop.set()
        if self._thread is None:
            self._release()  # used by hand through sample_once()
        elif self._thread is not threading.current_thread():
            self._thread.join(timeout)
        with self._lock:
            if self._ended is None:
                self._ended = "stopped"
        self.finished.set()

    def __enter__(self) -> "Sampler":
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def native_id(self) -> int | None:
        """OS thread id of the sampling thread (for measuring its CPU cost)."""
        return self._thread.native_id if self._thread is not None else None

    def _run(self) -> None:
        set_os_thread_name("ptview-sampler")  # so that it shows as itself in top -H and in our own tree
        next_t = self._clock()
        last_pub = float("-inf")
        try:
            while not self._stop.is_set():
                cpu0 = time.thread_time()
                self.sample_once()
                now = self._clock()
                if self._on_snapshot is not None and (now - last_pub >= self._publish_interval or not self._alive):
                    last_pub = now
                    self._on_snapshot(self.snapshot())
                if not self._alive:
                    break
                self.adapt(time.thread_time() - cpu0)
                next_t += self.period
                if next_t < now:
                    # Fell behind (a slow /proc or a busy machine): skip the
                    # missed ticks rather than burst to catch up.
                    missed = int((now - next_t) / self.period) + 1
                    self._overruns += missed
                    next_t += missed * self.period
                self._stop.wait(max(0.0, next_t - now))
        except Exception as e:  # never let the thread die silently: report why it stopped
            with self._lock:
                self._ended = f"sampler error: {type(e).__name__}: {e}"
                self._cache = None
        finally:
            self._release()
            self.finished.set()

    def adapt(self, cost_s: float) -> None:
        """Set the period (and, below MIN_HZ, the threads per tick) from one tick's CPU cost."""
        if self._ticks <= 1:
            return  # the first tick reads every name and labels every thread: a one-off
        est = self._tick_cost = cost_s if self._tick_cost is None else \
            self._tick_cost + _COST_WEIGHT * (cost_s - self._tick_cost)
        period = est / self.cpu_share
        per_tick = self.per_tick
        alive = sum(1 for k in self._tracks.values() if k.alive)
        if period > 1.0 / MIN_HZ:  # too dear even at MIN_HZ: read fewer threads per tick
            base = per_tick if per_tick is not None else max(alive, MIN_THREADS_PER_TICK)
            per_tick = max(MIN_THREADS_PER_TICK, int(base / (period * MIN_HZ)))
        elif per_tick is not None and period < 0.5 / MIN_HZ:  # room again: read more
            per_tick = None if per_tick * 5 // 4 + 1 >= alive else per_tick * 5 // 4 + 1
        if per_tick != self.per_tick:
            self._tick_cost = None  # measure the new size afresh
        with self._lock:
            self.period = min(_MAX_PERIOD, max(self.min_period, period))
            self.per_tick = per_tick
            # Listing thousands of threads is a tick's dearest part: list every 4th tick then.
            self._full_every = max(1 if per_tick is None else 4, round(1.0 / self.period / _FULL_SCAN_HZ))
            self._cache = None

    def _touch(self, track: _Track) -> None:
        """Something about this thread changed: its snapshot is made again."""
        track.version += 1
        self._dirty.add(track)
        if track.role not in _GROUPED:
            if track.alive and track.activity is not None and not track.activity.idle:
                self._busy_other[track.tid] = track
            else:
                self._busy_other.pop(track.tid, None)

    def _tracks_changed(self) -> None:
        """A track was added, removed, relabelled, or went: the kept lists are rebuilt when next needed."""
        self._order = None
        self._alive_order = None
        self._pool = None

    def _pick_known(self) -> list[int]:
        """A partial tick: per_tick of the known alive threads, in turn."""
        alive = self._alive_order
        if alive is None:
            alive = self._alive_order = sorted(tid for tid, k in self._tracks.items() if k.alive)
        k = self.per_tick
        if k is None or len(alive) <= k:
            return alive
        start = self._cursor % len(alive)
        take = alive[start:start + k]
        if len(take) < k:
            take += alive[:k - len(take)]
        self._cursor = start + k
        return take

    def _pick(self, tids: list[int]) -> list[int]:
        """The threads this tick reads: all of them, or per_tick of them, new ones first, then the
        known ones in turn, so that each is read every len/per_tick ticks."""
        k = self.per_tick
        if k is None or len(tids) <= k:
            return tids
        known = self._tracks
        take = [t for t in tids if t not in known][:k]
        old = [t for t in tids if t in known]
        rest = k - len(take)
        if rest > 0 and old:
            start = self._cursor % len(old)
            take += (old[start:] + old[:start])[:rest]
            self._cursor = start + rest
        return take

    # -- one sample -----------------------------------------------------

    def sample_once(self, now: float | None = None) -> bool:
        """Take one sample; False once the process is gone."""
        if not self._alive:
            return False
        r = self._reader
        want_sc = self._syscall_readable is not False
        # Without syscall lines, stat is all there is: read it every time.
        full = self._ticks % self._full_every == 0 or not want_sc
        listed = None
        tids = [] if full else self._pick_known()
        raws = self._read(tids, want_sc, False) if tids else []
        if not raws:
            # A full scan, or a partial one that found nobody: make sure.
            try:
                listed = r.list_tids(self.pid)
            except ProcessGone:
                self._mark_gone(self._clock() if now is None else now)
                return False
            tids = self._pick(listed)
            raws = self._read(tids, want_sc, True)
        t = self._clock() if now is None else now
        raws = [self._carry(x) for x in raws]
        if not raws or all(x.state in ("Z", "X") for x in raws):
            # A zombie still has /proc entries until its parent reaps it.
            self._mark_gone(t)
            return False
        if want_sc:
            readable = any(x.syscall is not None for x in raws)
            if self._syscall_readable is None or not readable:
                self._syscall_readable = readable

        if self._boot_first is None:
            self._boot_first = boot_clock()
        self._boot_last = boot_clock() if self._thread_start is not None else None
        # What a thread waits in only tells Node's threads apart: elsewhere no reason to relabel.
        relabel = self._note_waits(raws) and self._is_node if self._syscall_readable else False
        self._refresh_roles([x.tid for x in raws], t, relabel)
        resolver = TargetResolver(r, self.pid) if (self._resolve and self._syscall_readable) else None
        classified = []
        memo = self._memo
        for raw in raws:
            track = self._tracks[raw.tid]
            key = (track.role, raw.state, raw.syscall)
            act = memo.get(key)
            if act is None:
                hit = self._resolved.get((raw.tid, raw.syscall))
                if hit is not None and t - hit[0] < _RESOLVE_TTL_S:
                    act = hit[1]
                else:
                    act = classify(raw, track.role, resolver, self._names)
                    if act.kind == "blocked":
                        if len(self._resolved) > 4096:
                            self._resolved.clear()
                        self._resolved[(raw.tid, raw.syscall)] = (t, act)
                    else:
                        if len(memo) > 4096:
                            memo.clear()
                        memo[key] = act
            classified.append((track, raw, act))

        with self._lock:
            if self._started_at is None:
                self._started_at = t
            self._ticks += 1
            self._last_t = t
            times = self._times
            times.append(t)
            while times[0] < t - self.window_s:
                times.popleft()
            seen = set()
            for track, raw, act in classified:
                seen.add(track.tid)
                self._record(track, raw, act, t)
            # Gone: read and not found, or not listed. A thread this tick did not read is not gone:
            # a partial tick only looks at what it asked for; a listing (or reading all) at every thread.
            if listed is None and self.per_tick is not None:
                candidates = [tid for tid in tids if tid not in seen]
                there = None
            else:
                candidates = [tid for tid, k in self._tracks.items() if k.alive and tid not in seen]
                there = set(listed) if listed is not None else None
            asked = set(tids) if self.per_tick is not None else None
            for tid in candidates:
                track = self._tracks.get(tid)
                if track is not None and track.alive and (asked is None or tid in asked
                                                          or (there is not None and tid not in there)):
                    track.alive = False
                    track.gone_at = t
                    self._touch(track)
                    self._close_stretch(track, t)
                    self._forget(tid)
                    self._gone[tid] = t
                    self._tracks_changed()
            for tid, gone_at in list(self._gone.items()):
                if t - gone_at > self.window_s:
                    del self._gone[tid]
                    track = self._tracks.get(tid)
                    if track is None or track.alive:
                        continue
                    if self._keep_gone:
                        track.clear_window()  # its run totals are all a report needs
                        self._touch(track)
                    else:
                        del self._tracks[tid]
                        self._tracks_changed()
            self._record_saturation(t)
            self._cache = None
        return True

    def _read(self, tids: list[int], want_sc: bool, want_stat: bool) -> list[ThreadRaw]:
        out = []
        for tid in tids:
            try:
                out.append(self._reader.read_thread(self.pid, tid, want_syscall=want_sc, want_stat=want_stat))
            except ThreadGone:
                continue
        return out

    def _carry(self, raw: ThreadRaw) -> ThreadRaw:
        """Fill in state and CPU ticks skipped on a partial sample from the last full one."""
        if raw.cpu_ticks is not None:
            return raw
        k = self._tracks.get(raw.tid)
        state = "R" if raw.syscall is not None and raw.syscall.running else (k.state if k else "S")
        ticks = k.last[1] if k is not None and k.last is not None else 0
        return ThreadRaw(raw.tid, state, ticks, raw.syscall)

    def _note_waits(self, raws: list[ThreadRaw]) -> bool:
        """Record what each thread waits in; True when that tells something new about a thread."""
        changed = False
        by_nr = self._wait_by_nr
        waits = self._waits
        for raw in raws:
            sc = raw.syscall
            if sc is None or sc.nr is None:
                continue
            kind = by_nr.get(sc.nr, 0)
            if kind == 0:
                kind = by_nr[sc.nr] = wait_kind(syscall_name(sc.nr, self._names))
            if kind is not None:
                old = waits.get(raw.tid)
                if old != kind and old != "epoll":  # once in an event loop, a loop thread
                    waits[raw.tid] = kind
                    changed = True
        return changed

    def _refresh_roles(self, tids: list[int], t: float, relabel: bool = False) -> None:
        # /proc reads and the labeller run outside the lock; only the updates
        # to the tracks, which snapshot() iterates from another thread, are inside.
        known = self._tracks
        names = {tid: self._reader.thread_name(self.pid, tid) or "?" for tid in tids if tid not in known}
        starts = {tid: self._thread_start(self.pid, tid) for tid in names} if self._thread_start else {}
        if t - self._names_read_at >= _NAME_REFRESH_S:
            self._names_read_at = t
            for tid in tids:  # this tick's threads only: the others' turn comes
                name = self._reader.thread_name(self.pid, tid)
                if name and (tid not in known or name != known[tid].name):
                    names[tid] = name
        if not names and not relabel:
            return
        if self.per_tick is not None:  # roles by creation order need every thread, not this tick's
            read = set(tids)
            tids = tids + sorted(tid for tid, k in known.items() if k.alive and tid not in read)
        current = [(tid, names.get(tid) or known[tid].name) for tid in tids]
        try:
            roles = label_threads(current, self.pid, self._cmdline, environ=self._environ,
                                  wait_of=self._waits.get)
        except Exception:
            roles = {}  # a labeller bug must not stop sampling; roles are a bonus
        with self._lock:
            changed = False
            for tid, name in current:
                track = known.get(tid)
                role = roles.get(tid, (None, False))
                if track is None:
                    self._gone.pop(tid, None)  # a tid used again
                    track = known[tid] = _Track(tid, name)
                    start = track.start_boot = starts.get(tid)
                    # Started before the first sample; without a start time, listed by the first one.
                    track.pre = self._ticks == 0 if start is None or self._boot_first is None \
                        else start <= self._boot_first
                elif track.name == name and (track.role, track.inferred) == role:
                    continue  # nothing new: with thousands of threads, most of them
                changed = True
                track.name = name
                track.role, track.inferred = role
                self._touch(track)
            if changed:
                self._tracks_changed()
            self._is_node = any(role for role, _ in roles.values())
            self._cache = None

    def _record(self, track: _Track, raw: ThreadRaw, act: Activity, t: float) -> None:
        track.last_boot = self._boot_last
        track.period = self.period  # what its last sample stands for (a snapshot's stretches end with it)
        if not track.alive:
            self._tracks_changed()
        track.alive = True
        track.state = raw.state
        if act is not track.activity and act != track.activity:
            # Its first activity, if the thread was there before us, began before we looked.
            track.activity_open = track.activity is None and track.pre
            track.activity = act
            track.since = t
        busy = not act.idle
        if busy and track.stretch_start is None:
            track.stretch_start = t
            track.stretch_open = track.run_samples == 0 and track.pre
        elif not busy:
            self._close_stretch(track, t)
        track.window.append((t, act, busy, raw.cpu_ticks))
        track.win_counts[act] += 1
        if busy:
            track.win_busy += 1
            track.win_run = (t, t) if track.win_run is None else (track.win_run[0], t)
        elif track.win_run is not None:
            track.win_runs.append((*track.win_run, t))
            track.win_run = None
        horizon = t - self.window_s
        w = track.window
        if w[0][0] < horizon:
            counts = track.win_counts
            while w and w[0][0] < horizon:
                _t, old, was_busy, _ticks = w.popleft()
                counts[old] -= 1
                if not counts[old]:
                    del counts[old]
                track.win_busy -= was_busy
            first = w[0][0]
            runs = track.win_runs
            while runs and runs[0][1] < first:  # no busy sample of it left in the window
                runs.popleft()
        track.run_samples += 1
        track.run_busy += busy
        if act in track.run_counts or len(track.run_counts) < _MAX_KEYS:
            track.run_counts[act] += 1
        else:
            track.run_counts[_OTHER] += 1
        if track.first is None:
            track.first = (t, raw.cpu_ticks)
        track.last = (t, raw.cpu_ticks)
        self._touch(track)

    def _close_stretch(self, track: _Track, t: float) -> None:
        if track.stretch_start is not None:
            self._touch(track)
            track.run_longest = max(track.run_longest, t - track.stretch_start)
            track.stretch_start = None

    def _record_saturation(self, t: float) -> None:
        workers = self._pool
        if workers is None:
            workers = self._pool = [k for k in self._tracks.values() if k.alive and k.role == LIBUV]
        sat = bool(workers) and all(k.activity is not None and not k.activity.idle for k in workers)
        if sat and self._saturated_since is None:
            self._saturated_since = t
            # Saturation began when the last worker became busy: if every worker was already busy
            # when first seen, that was before the attach, and its duration is a lower bound.
            self._sat_open = all(k.stretch_open for k in workers)
        elif not sat:
            self._saturated_since = None
        self._sat_window.append((t, sat))
        self._sat_run += sat
        while self._sat_window and self._sat_window[0][0] < t - self.window_s:
            self._sat_window.popleft()

    def _forget(self, tid: int) -> None:
        forget = getattr(self._reader, "forget", None)
        if forget is not None:
            forget(self.pid, tid)

    def _release(self) -> None:
        if self._owns_reader:
            close = getattr(self._reader, "close", None)
            if close is not None:
                close()

    def _mark_gone(self, t: float) -> None:
        with self._lock:
            self._alive = False
            self._ended = "exited"
            self._tracks_changed()
            for track in self._tracks.values():
                if track.alive:
                    self._touch(track)
                    track.alive = False
                    track.gone_at = t
                    self._close_stretch(track, self._last_t if self._last_t is not None else t)
            self._cache = None

    # -- snapshots ------------------------------------------------------

    def snapshot(self) -> Snapshot:
        with self._lock:
            if self._cache is not None and self._cache[0] == self._ticks:
                return self._cache[1]
            snap = self._build()
            self._cache = (self._ticks, snap)
            return snap

    def _build(self) -> Snapshot:
        now = self._last_t if self._last_t is not None else self._clock()
        started = self._started_at if self._started_at is not None else now
        snap_of = self._thread_snapshot
        if self._order is None:
            # Threads came, went or changed role: everything afresh.
            self._order = order = [k for _, k in sorted(self._tracks.items())]
            self._index = {k: i for i, k in enumerate(order)}
            self._snaps = [snap_of(k, now) if k.activity is not None else None for k in order]
            alive = [k for k in order if k.alive]
            mains = [k for k in order if k.role == MAIN]
            self._groups = (
                next((k for k in mains if k.tid == self.pid), mains[0] if mains else None),
                [k for k in alive if k.role == LIBUV],
                [k for k in alive if k.role == WORKER_THREAD],
                Counter(k.role or "unknown" for k in alive if k.role not in _GROUPED).most_common(),
            )
            self._busy_other = {k.tid: k for k in alive if k.role not in _GROUPED
                                and k.activity is not None and not k.activity.idle}
        else:
            # Only the threads that changed since the last snapshot (a partial tick reads 64 of thousands).
            for k in self._dirty:
                i = self._index.get(k)
                if i is not None:
                    self._snaps[i] = snap_of(k, now) if k.activity is not None else None
        self._dirty.clear()
        threads = tuple(filter(None, self._snaps))
        loop_k, pool_k, js_k, others = self._groups
        loop = snap_of(loop_k, now) if loop_k is not None and loop_k.activity is not None else None
        workers = [snap_of(k, now) for k in pool_k if k.activity is not None]
        js_workers = [snap_of(k, now) for k in js_k if k.activity is not None]
        busy_others = [snap_of(k, now) for k in list(self._busy_other.values())[:3]]
        workers = tuple(workers)
        ages = [w.age_s for w in workers]
        sat_n = len(self._sat_window)
        return Snapshot(
            pid=self.pid, alive=self._alive, ended=self._ended, is_node=self._is_node,
            syscall_readable=self._syscall_readable, hz=self._hz_now(), hz_run=self._hz_run(now, started),
            hz_asked=self.hz, threads_per_tick=self.per_tick, window_s=self.window_s,
            started_at=started, taken_at=now, ticks=self._ticks,
            # each sample stands for one period: n samples cover n periods
            elapsed_s=(now - started + self.period) if self._ticks else 0.0,
            overruns=self._overruns, threads=threads, loop=loop, workers=workers,
            worker_threads=tuple(js_workers),
            node=self._settings if self._is_node else None, environ_readable=self._environ is not None,
            others=tuple(others), busy_others=tuple(busy_others),
            saturated=self._saturated_since is not None and self._alive,
            saturated_since=self._saturated_since,
            saturated_open=self._sat_open and self._saturated_since is not None,
            # the youngest worker's age: the pool cannot have been saturated for longer
            pool_age_s=min(ages) if ages and None not in ages else None,
            saturated_pct=100.0 * sum(s for _, s in self._sat_window) / sat_n if sat_n else 0.0,
            saturated_run_pct=100.0 * self._sat_run / self._ticks if self._ticks else 0.0,
        )

    def _hz_now(self) -> float:
        """Samples per second achieved over the window: what the panes show now."""
        ts = self._times
        return (len(ts) - 1) / (ts[-1] - ts[0]) if len(ts) > 1 and ts[-1] > ts[0] else 0.0

    def _hz_run(self, now: float, started: float) -> float:
        """Samples per second achieved since the start: what the report's figures rest on."""
        return (self._ticks - 1) / (now - started) if self._ticks > 1 and now > started else 0.0

    def _thread_snapshot(self, k: _Track, now: float) -> ThreadSnapshot:
        key = k.version
        snap = k.snap
        if snap is not None and snap[0] == key:
            return snap[1]
        snap = self._make_thread_snapshot(k, now)
        k.snap = (key, snap)
        return snap

    def _make_thread_snapshot(self, k: _Track, now: float) -> ThreadSnapshot:
        assert k.activity is not None
        last_t = k.last[0] if k.last else now
        ongoing = (last_t - k.stretch_start + k.period) if k.stretch_start is not None else 0.0
        age = (k.last_boot - k.start_boot) if k.start_boot is not None and k.last_boot is not None else None
        return ThreadSnapshot(
            tid=k.tid, name=k.name, role=k.role, role_inferred=k.inferred, alive=k.alive,
            state=k.state, activity=k.activity, since=k.since,
            activity_s=max(0.0, last_t - k.since), busy_for_s=ongoing,
            activity_open=k.activity_open, busy_open=k.stretch_open and k.stretch_start is not None,
            age_s=None if age is None else max(0.0, age),
            window=self._window_stats(k),
            run=stats_of(k.run_samples, k.run_busy, k.first, k.last, max(k.run_longest, ongoing), k.run_counts),
        )

    def _window_stats(self, k: _Track) -> Stats:
        w = k.window
        longest = 0.0
        if w:
            w0 = w[0][0]
            # A stretch that began before the window counts from the window's first sample.
            for start, _last, end in k.win_runs:
                longest = max(longest, end - max(start, w0))
            if k.win_run is not None:
                longest = max(longest, w[-1][0] - max(k.win_run[0], w0) + k.period)
        first = (w[0][0], w[0][3]) if w else None
        last = (w[-1][0], w[-1][3]) if w else None
        return stats_of(len(w), k.win_busy, first, last, longest, k.win_counts)
