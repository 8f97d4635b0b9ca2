"""Probe lines (probe.js) → events in the foundation's schema (README, "Output").

One `Decoder` per node process. It keeps what a line alone does not say: each
live resource's type, trigger and creation site (bounded: `MAX_RESOURCES`,
oldest forgotten first, as promises are only destroyed when collected), and
the phase the loop is inferred to be in (tui.core.probe.kinds).

Events are dicts, as `Event.to_dict()` gives them for the model, plus
`async_id`, `trigger`, `kind`, `site`, `api` and `phase_inferred`:
- `submit`   a resource was created (init): `op` its type, `detail` `user` or `internal`;
- `callback` its callback started (before): `phase` inferred, `detail` `user`,
  `internal`, `nextTick` or `microtask` (the queue it came from), `internal`
  true for node's own resources;
- `after`    its callback returned; `destroy`; `resolve` (a promise settled);
- `process`  first: node's `pid`, `detail` its version;
- `phase`    the inferred phase changed (`timers`, `check`, `poll`, `main`), or
  `exit` (`result`: the exit code).
"""

from __future__ import annotations

from collections import OrderedDict

from tui.core.probe import kinds as K

MAX_RESOURCES = 50_000   # live resources remembered (id → type, trigger, site)
FORMAT = "1"


class Resource:
    __slots__ = ("id", "type", "kind", "trigger", "site", "api", "user", "origin")

    def __init__(self, rid, rtype, trigger, site, api, user, origin):
        self.id = rid
        self.type = rtype
        self.kind = K.kind_of(rtype)
        self.trigger = trigger
        self.site = site
        self.api = api
        self.user = user
        self.origin = origin  # the program's site this resource descends from (its own, or its trigger's)


class ProbeFormatError(ValueError):
    """A line the probe does not write: another program on the fd, or a newer probe."""


class Decoder:
    def __init__(self, max_resources: int = MAX_RESOURCES) -> None:
        self.resources: OrderedDict[int, Resource] = OrderedDict()
        self.max_resources = max_resources
        self.stack: list[int] = []     # callbacks entered and not returned (innermost last)
        self.phase = "main"            # inferred: the main module runs until the first loop callback
        self.pid: int | None = None
        self.version: str | None = None
        self.exit_code: int | None = None
        self.lines = 0
        self.forgotten = 0             # resources dropped to stay within max_resources

    def feed(self, line: str) -> list[dict]:
        """Events for one probe line (without its newline or with it)."""
        f = line.rstrip("\n").split("\t")
        self.lines += 1
        tag = f[0]
        try:
            if tag == "h":
                if len(f) < 5 or f[4] != FORMAT:
                    raise ProbeFormatError(f"probe format {f[4] if len(f) > 4 else '?'}, expected {FORMAT}")
                self.pid, self.version = int(f[1]), f[2]
                return [{"t": 0.0, "ev": "process", "pid": self.pid, "detail": f"node {self.version}"}]
            t = int(f[1]) / 1000.0
            if tag == "i":
                return [self._init(t, int(f[2]), f[3], int(f[4]), int(f[6]), f[7], f[8])]
            rid = int(f[2])
        except ProbeFormatError:
            raise
        except (IndexError, ValueError):
            raise ProbeFormatError(f"bad probe line {line[:80]!r}") from None
        if tag == "b":
            return self._before(t, rid)
        if tag == "a":
            return self._after(t, rid)
        if tag == "d":
            return [self._ev(t, "destroy", rid, self.resources.pop(rid, None))]
        if tag == "r":
            return [self._ev(t, "resolve", rid, self.resources.get(rid))]
        if tag == "x":
            self.exit_code = rid
            return [{"t": round(t, 3), "ev": "phase", "phase": "exit", "result": rid}]
        raise ProbeFormatError(f"unknown probe line {line[:80]!r}")

    def _init(self, t: float, rid: int, rtype: str, trigger: int, depth: int, api: str, site: str) -> dict:
        own = site if site != "-" else None
        parent = self.resources.get(trigger)
        origin = own or (parent.origin if parent is not None else None)
        user = K.is_users(rtype, depth) and (own is not None or depth == K.V8_JOB)
        res = Resource(rid, rtype, trigger, own, api if api != "-" else None, user, origin)
        resources = self.resources
        resources[rid] = res
        if len(resources) > self.max_resources:
            resources.popitem(last=False)
            self.forgotten += 1
        d = self._ev(t, "submit", rid, res)
        d["trigger"] = trigger
        d["detail"] = "user" if user else "internal"
        if res.api:
            d["api"] = res.api
        if origin:
            d["site"] = origin
        return d

    def _before(self, t: float, rid: int) -> list[dict]:
        res = self.resources.get(rid)
        out = []
        kind = res.kind if res is not None else K.OTHER
        if not self.stack and kind in K.PHASE_OF and K.PHASE_OF[kind] != self.phase:
            # Entered from the loop (nothing else running): the loop is in this resource's phase.
            self.phase = K.PHASE_OF[kind]
            out.append({"t": round(t, 3), "ev": "phase", "phase": self.phase, "phase_inferred": True})
        self.stack.append(rid)
        d = self._ev(t, "callback", rid, res)
        d["phase"] = self.phase
        d["phase_inferred"] = True
        if res is not None:
            d["trigger"] = res.trigger
            d["detail"] = K.QUEUE_OF.get(kind) or ("user" if res.user else "internal")
            if not res.user:
                d["internal"] = True  # node's own (a stream's tick, readFile's next step)
            if res.origin:
                d["site"] = res.origin
        out.append(d)
        return out

    def _after(self, t: float, rid: int) -> list[dict]:
        stack = self.stack
        if rid in stack:
            while stack and stack.pop() != rid:
                pass  # a callback that threw skips its own after: unwind to this one
        return [self._ev(t, "after", rid, self.resources.get(rid))]

    def _ev(self, t: float, ev: str, rid: int, res: Resource | None) -> dict:
        d = {"t": round(t, 3), "ev": ev, "task": rid}
        if res is not None:
            d["op"] = res.type
            d["kind"] = res.kind
        d["async_id"] = rid
        return d
