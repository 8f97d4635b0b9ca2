"""Host functions for worker_threads (js/node/worker_threads.js), SharedArrayBuffer and Atomics.

Messages cross as text: the JS side serializes a structured clone (internal/worker_serdes.js)
and the ports carry (text, [moved port ids]); see tui/core/ports.py for how they are delivered
and tui/core/script/worker.py for the Workers themselves.
"""

from __future__ import annotations

import json
import math
import os
from typing import Callable

from tui.core.callbacks import Callback
from tui.core.ports import CLOSE
from tui.core.script.engine import sab_hold
from tui.core.script.errors import NodeJSError, ScriptError
from tui.core.script.worker import MAX_WORKERS, Waiter, WorkerThread, worker_source
from tui.core.threads import set_ref


def functions(host) -> dict[str, Callable]:
    def hub():
        return host.hub

    def port(pid):
        p = host.hub.ports.get(int(pid))
        return p

    def wt_info():
        w = host.worker
        return json.dumps({
            "isMainThread": w is None,
            "threadId": host.thread,
            "parentPort": w.public_w.id if w is not None else None,
            "workerData": w.spec.get("workerData") if w is not None else None,
            "environmentData": w.spec.get("environmentData") if w is not None else None,
            "resourceLimits": w.spec.get("resourceLimits") if w is not None else None,
            "eval": bool(w.spec.get("eval")) if w is not None else False,
        })

    def wt_channel():
        a = hub().new_port(host.rt)
        b = hub().new_port(host.rt)
        a.peer, b.peer = b, a
        return json.dumps([a.id, b.id])

    def wt_broadcast(name_json):
        name = json.loads(name_json)
        p = hub().new_port(host.rt, f"BroadcastChannel {name}")
        group = hub().groups.setdefault(name, set())
        group.add(p)
        p.group = group
        return p.id

    def wt_port_listen(pid, js_id):
        p = port(pid)
        if p is None:
            return False
        js_id = int(js_id)

        def on_message(msg):
            text, ids = msg
            host.enter(js_id, {"m": text, "p": ids}, True)

        p.on_message = on_message
        p.on_close = lambda: host.enter(js_id, {"close": True}, True)
        return True

    def wt_port_post(pid, text, ids_json):
        p = port(pid)
        if p is None or p.rt is not host.rt:
            return False
        host.flush()
        ids = json.loads(ids_json)
        for i in ids:
            moved = hub().ports.get(i)
            if moved is not None:
                moved.detach()
        return p.post((text, ids), host.rt)

    def wt_port_attach(pid):
        p = port(pid)
        if p is not None and p.rt is None and not p.closed:
            p.attach(host.rt)
        return True

    def wt_port_start(pid):
        p = port(pid)
        if p is not None and p.rt is host.rt:
            p.start()
        return None

    def wt_port_stop(pid):
        p = port(pid)
        if p is not None:
            p.stop()
        return None

    def wt_port_ref(pid, on):
        p = port(pid)
        if p is not None and p.rt is host.rt:
            p.ref(bool(on))
        return None

    def wt_port_hasref(pid):
        p = port(pid)
        return bool(p is not None and p.refd)

    def wt_port_close(pid):
        p = port(pid)
        if p is not None and p.rt is host.rt:
            host.flush()
            p.close()
        return None

    def wt_port_receive(pid):
        p = port(pid)
        if p is None:
            return None
        msg = p.receive()
        if msg is None or msg is CLOSE:
            return None
        return json.dumps({"m": msg[0], "p": msg[1]})

    def wt_worker_new(spec_json, js_id):
        spec = json.loads(spec_json)
        if hub().alive() >= MAX_WORKERS:
            return f"new Worker: more than {MAX_WORKERS} Workers alive at once (ptview's bound)"
        base = os.path.dirname(host.filename)
        if not spec.get("eval"):
            spec["filename"] = os.path.normpath(os.path.join(base, spec["filename"]))
        got = worker_source(spec, base)
        if isinstance(got, str):
            return got
        spec["filename"], spec["source"] = got
        env = spec.get("env")
        if env == "share":
            spec["env_dict"] = host.env
        elif isinstance(env, dict):
            spec["env_dict"] = {str(k): str(v) for k, v in env.items()}
        else:
            spec["env_dict"] = dict(host.env)
        host.made_stdout()   # the Worker's stdout is piped into this thread's process.stdout now
        try:
            w = WorkerThread(hub(), host, spec, int(js_id))
        except ScriptError:
            raise
        return json.dumps({"threadId": w.tid, "publicPort": w.public.id, "internalPort": w.internal.id})

    def wt_worker_terminate(tid):
        w = hub().workers.get(int(tid))
        if w is not None:
            host.flush()
            w.stop()   # worker.terminate()
        return None

    def wt_worker_ref(tid, on):
        w = hub().workers.get(int(tid))
        if w is not None and not w.finished:
            set_ref(w.rt, bool(on))
        return None

    def worker_fatal(text_json):
        """An uncaught exception in this Worker: the error goes to the parent, the Worker exits 1."""
        from tui.core.script.errors import ScriptExit

        host.flush()
        text = json.loads(text_json)
        host.worker._flush_stdio()   # node's output buffered so far goes first, then the error
        if text is not None:
            host.worker.post_error(text)
        host.request_exit(ScriptExit(1))
        return None

    # -- SharedArrayBuffer memory and Atomics ------------------------------------------------------

    def sab_key(obj):
        addr = host.engine.sab_address(obj)
        if addr:
            sab_hold(addr)   # in flight: kept until the run ends (a message may be read much later)
            host.sab_held.append(addr)
        return float(addr)   # a float crosses exactly (an address is < 2^53); an int would be cut to 32 bits

    def sab_wrap(addr):
        return host.engine.sab_wrap(int(addr))

    def sab_address(obj):
        return float(host.engine.sab_address(obj))

    def atomics_wait(addr, timeout):
        """Atomics.wait after the value matched: block this thread in model time."""
        host.flush()
        rt = host.rt
        t = float(timeout)
        deadline = None if math.isinf(t) else rt.clock.now() + max(0.0, t)
        w = Waiter(int(addr), host.thread, host.worker)
        hub().add_waiter(w)
        try:
            if host.worker is not None:
                return _wait_worker(host, w, deadline)
            return _wait_main(host, w, deadline)
        finally:
            hub().drop_waiter(w)

    def atomics_notify(addr, count):
        host.flush()
        c = float(count)
        return hub().notify(int(addr), math.inf if math.isinf(c) else int(c), host.rt.clock.now())

    def atomics_wait_async(addr, timeout, js_id):
        """Atomics.waitAsync: the promise settles on this thread's loop (a task V8 posts)."""
        host.flush()
        rt = host.rt
        w = Waiter(int(addr), host.thread, None)
        js = int(js_id)
        state = {"done": False}

        def settle(value):
            # V8 posts the resolution as a task: it runs even if nothing else keeps the loop alive
            # (node drains platform tasks before it exits), but a wait alone does not keep it alive
            if state["done"]:
                return
            state["done"] = True
            hub().drop_waiter(w)
            rt.loop.active_handles += 1

            def run():
                rt.loop.active_handles -= 1
                host.enter(js, value)

            rt.loop.io_ready_now(Callback(run, "Atomics.waitAsync settles", None, "worker.atomics",
                                          cost=rt.work.cost("internal"), internal=True))

        w.worker = _AsyncWaiter(lambda t: rt.at(t, lambda: settle("ok")), rt)
        hub().add_waiter(w)
        t = float(timeout)
        if not math.isinf(t):
            rt.at(rt.clock.now() + max(0.0, t), lambda: settle("timed-out"))
        return None

    return {
        "wt_info": wt_info, "wt_channel": wt_channel, "wt_broadcast": wt_broadcast,
        "wt_port_listen": wt_port_listen, "wt_port_post": wt_port_post, "wt_port_attach": wt_port_attach,
        "wt_port_start": wt_port_start, "wt_port_stop": wt_port_stop, "wt_port_ref": wt_port_ref,
        "wt_port_hasref": wt_port_hasref, "wt_port_close": wt_port_close, "wt_port_receive": wt_port_receive,
        "wt_worker_new": wt_worker_new, "wt_worker_terminate": wt_worker_terminate, "wt_worker_ref": wt_worker_ref,
        "worker_fatal": worker_fatal,
        "sab_key": sab_key, "sab_wrap": sab_wrap, "sab_address": sab_address,
        "atomics_wait": atomics_wait, "atomics_notify": atomics_notify, "atomics_wait_async": atomics_wait_async,
    }


class _AsyncWaiter:
    """What Hub.notify calls for a waitAsync waiter: settle it on its own loop."""

    def __init__(self, settle_at, rt) -> None:
        self._settle_at = settle_at
        self._rt = rt

    def resume_at(self, t: float) -> None:
        self._settle_at(t)
        link = getattr(self._rt, "link", None)
        if link is not None and hasattr(link, "wake"):
            link.wake()


def _wait_worker(host, w: Waiter, deadline: float | None) -> str:
    """A Worker blocks: it hands the baton back until notified or its deadline (model time)."""
    worker = host.worker
    rt = host.rt
    while not w.notified and not worker.terminating:
        resume = math.inf if deadline is None else deadline
        if deadline is not None and rt.clock.now() >= deadline:
            break
        worker._yield(resume)
        t = min(worker._until, resume)
        if t > rt.clock.now():
            rt.consume(t - rt.clock.now())   # blocked: its clock moves to where the others are
    return "ok" if w.notified else "timed-out"


def _wait_main(host, w: Waiter, deadline: float | None) -> str:
    """The main thread blocks (node allows it): the process's other threads go on in model time."""
    import heapq

    rt = host.rt
    heap = rt._heap
    clock = rt.clock
    while not w.notified:
        if heap and (deadline is None or heap[0][0] <= deadline) and heap[0][0] != math.inf:
            te, _, fn = heapq.heappop(heap)
            clock.forward(te)
            rt.loop.blocked_ms += 0
            fn()
            continue
        if deadline is None:
            raise ScriptError("Atomics.wait on the main thread waits forever: nothing can notify it "
                              "(node would hang here)")
        break
    if not w.notified and deadline is not None:
        clock.advance(deadline)
    return "ok" if w.notified else "timed-out"


__all__ = ["functions", "NodeJSError"]
