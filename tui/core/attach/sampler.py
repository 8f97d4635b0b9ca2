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
        w.activity.label       "futex", "read fifo /tmp/x", "poll DNS query to 10.0.0.2:53", "on CPU"
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
from tui.core.attach.proc_reader import ProcessGone, ProcReader, ThreadGone, ThreadRaw
from tui.core.attach.snapshot import Snapshot, Stats, ThreadSnapshot, stats_of
from tui.core.attach.syscalls import table_for
from tui.core.attach.thread_roles import label_threads

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
        # (t, activity, busy, cpu_ticks)
        self.window: deque[tuple[float, Activity, bool, int]] = deque()
        self.run_counts: Counter[Activity] = Counter()
        self.run_samples = 0
        self.run_busy = 0
        self.run_longest = 0.0
        self.first: tuple[float, int] | None = None
        self.last: tuple[float, int] | None = None
        # Its last ThreadSnapshot and what it was made from: with thousands of threads read in
        # turn, most have not changed since the last snapshot (which cost ~16 µs a thread).
        self.snap: tuple[tuple, ThreadSnapshot] | None = None


class Sampler:
    def __init__(self, pid: int, hz: float = 20.0, window_s: float = 10.0, *,
                 reader: ProcReader | None = None, clock: Callable[[], float] = time.monotonic,
                 keep_gone: bool = False, resolve_targets: bool = True,
                 on_snapshot: Callable[[Snapshot], None] | None = None,
                 publish_interval: float = 0.25, machine: str | None = None) -> None:
        if not hz > 0 or not window_s > 0:
            raise ValueError("hz and window_s must be > 0")
        self.pid = pid
        self.hz = hz  # asked for; the rate achieved is in the snapshots
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
        period = est / CPU_SHARE
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
        tids = [] if full else self._pick(self._alive_tids())
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

        self._refresh_roles([x.tid for x in raws], t)
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
            # Gone: read and not found, or not listed. A thread this tick did not read is not gone.
            asked = set(tids) if self.per_tick is not None else None
            there = set(listed) if listed is not None else None
            for tid, track in list(self._tracks.items()):
                if track.alive and tid not in seen and (asked is None or tid in asked
                                                         or (there is not None and tid not in there)):
                    track.alive = False
                    track.gone_at = t
                    self._close_stretch(track, t)
                    self._forget(tid)
                if not track.alive and track.gone_at is not None and t - track.gone_at > self.window_s:
                    if self._keep_gone:
                        track.window.clear()  # its run totals are all a report needs
                    else:
                        del self._tracks[tid]
            self._record_saturation(t)
            self._cache = None
        return True

    def _alive_tids(self) -> list[int]:
        return [tid for tid, k in self._tracks.items() if k.alive]

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

    def _refresh_roles(self, tids: list[int], t: float) -> None:
        # /proc reads and the labeller run outside the lock; only the updates
        # to the tracks, which snapshot() iterates from another thread, are inside.
        known = self._tracks
        names = {tid: self._reader.thread_name(self.pid, tid) or "?" for tid in tids if tid not in known}
        if t - self._names_read_at >= _NAME_REFRESH_S:
            self._names_read_at = t
            for tid in tids:  # this tick's threads only: the others' turn comes
                name = self._reader.thread_name(self.pid, tid)
                if name and (tid not in known or name != known[tid].name):
                    names[tid] = name
        if not names:
            return
        if self.per_tick is not None:  # roles by creation order need every thread, not this tick's
            read = set(tids)
            tids = tids + sorted(tid for tid, k in known.items() if k.alive and tid not in read)
        current = [(tid, names.get(tid) or known[tid].name) for tid in tids]
        try:
            roles = label_threads(current, self.pid, self._cmdline)
        except Exception:
            roles = {}  # a labeller bug must not stop sampling; roles are a bonus
        with self._lock:
            for tid, name in current:
                track = known.get(tid)
                if track is None:
                    track = known[tid] = _Track(tid, name)
                track.name = name
                track.role, track.inferred = roles.get(tid, (None, False))
            self._is_node = any(role for role, _ in roles.values())
            self._cache = None

    def _record(self, track: _Track, raw: ThreadRaw, act: Activity, t: float) -> None:
        track.alive = True
        track.state = raw.state
        if act is not track.activity and act != track.activity:
            track.activity = act
            track.since = t
        busy = not act.idle
        if busy and track.stretch_start is None:
            track.stretch_start = t
        elif not busy:
            self._close_stretch(track, t)
        track.window.append((t, act, busy, raw.cpu_ticks))
        horizon = t - self.window_s
        while track.window and track.window[0][0] < horizon:
            track.window.popleft()
        track.run_samples += 1
        track.run_busy += busy
        if act in track.run_counts or len(track.run_counts) < _MAX_KEYS:
            track.run_counts[act] += 1
        else:
            track.run_counts[_OTHER] += 1
        if track.first is None:
            track.first = (t, raw.cpu_ticks)
        track.last = (t, raw.cpu_ticks)

    def _close_stretch(self, track: _Track, t: float) -> None:
        if track.stretch_start is not None:
            track.run_longest = max(track.run_longest, t - track.stretch_start)
            track.stretch_start = None

    def _record_saturation(self, t: float) -> None:
        workers = [k for k in self._tracks.values() if k.alive and k.role == "libuv worker"]
        sat = bool(workers) and all(k.activity is not None and not k.activity.idle for k in workers)
        if sat and self._saturated_since is None:
            self._saturated_since = t
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
            for track in self._tracks.values():
                if track.alive:
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
        threads = tuple(self._thread_snapshot(k, now) for _, k in sorted(self._tracks.items())
                        if k.activity is not None)
        loop = next((s for s in threads if s.role == "main" and s.tid == self.pid), None)
        if loop is None:
            loop = next((s for s in threads if s.role == "main"), None)
        workers = tuple(s for s in threads if s.role == "libuv worker" and s.alive)
        sat_n = len(self._sat_window)
        return Snapshot(
            pid=self.pid, alive=self._alive, ended=self._ended, is_node=self._is_node,
            syscall_readable=self._syscall_readable, hz=self._hz_now(), hz_run=self._hz_run(now, started),
            hz_asked=self.hz, threads_per_tick=self.per_tick, window_s=self.window_s,
            started_at=started, taken_at=now, ticks=self._ticks,
            # each sample stands for one period: n samples cover n periods
            elapsed_s=(now - started + self.period) if self._ticks else 0.0,
            overruns=self._overruns, threads=threads, loop=loop, workers=workers,
            saturated=self._saturated_since is not None and self._alive,
            saturated_since=self._saturated_since,
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
        key = (k.last, k.alive, k.name, k.role, k.inferred, k.stretch_start, k.activity, k.since)
        if k.snap is not None and k.snap[0] == key:
            return k.snap[1]
        snap = self._make_thread_snapshot(k, now)
        k.snap = (key, snap)
        return snap

    def _make_thread_snapshot(self, k: _Track, now: float) -> ThreadSnapshot:
        assert k.activity is not None
        last_t = k.last[0] if k.last else now
        ongoing = (last_t - k.stretch_start + self.period) if k.stretch_start is not None else 0.0
        return ThreadSnapshot(
            tid=k.tid, name=k.name, role=k.role, role_inferred=k.inferred, alive=k.alive,
            state=k.state, activity=k.activity, since=k.since,
            activity_s=max(0.0, last_t - k.since), busy_for_s=ongoing,
            window=self._window_stats(k),
            run=stats_of(k.run_samples, k.run_busy, k.first, k.last, max(k.run_longest, ongoing), k.run_counts),
        )

    def _window_stats(self, k: _Track) -> Stats:
        w = k.window
        counts: Counter[Activity] = Counter()
        busy_n = 0
        longest = 0.0
        start: float | None = None
        for t, act, busy, _ticks in w:
            counts[act] += 1
            if busy:
                busy_n += 1
                if start is None:
                    start = t
            elif start is not None:
                longest = max(longest, t - start)
                start = None
        if start is not None:
            longest = max(longest, w[-1][0] - start + self.period)
        first = (w[0][0], w[0][3]) if w else None
        last = (w[-1][0], w[-1][3]) if w else None
        return stats_of(len(w), busy_n, first, last, longest, counts)
