"""Host functions for timers, immediates and nextTick: each one a NodeAPI call on the model.

The JS side (js/node/timers.js) keeps the Timeout/Immediate objects and registers
the user's function; these functions only schedule the model's callback that
enters it, and return the model's task id (the handle for clear/ref/refresh).
"""

from __future__ import annotations

import math
from typing import Callable


def functions(host) -> dict[str, Callable]:
    rt = host.rt
    api = host.api
    tasks = host.tasks

    def timer(js_id, delay, repeat):
        host.first_use("timers")
        host.flush()
        d = delay
        if isinstance(d, float) and math.isfinite(d) and d == int(d):
            d = int(d)
        if repeat:
            task = api.set_interval(d, lambda e, n: host.enter(js_id, None, True), times=math.inf)
        else:
            task = api.set_timeout(d, lambda e, r: host.enter(js_id))
        tasks[task.id] = task
        return task.id

    def clear_timer(tid):
        task = tasks.pop(tid, None)
        if task is not None and not task.finished:
            rt.loop.timers.clear(task.arg)
            rt.finish_task(task, "cleared", None, None, cancelled=True, nested=False)
        return None

    def timer_ref(tid, on):
        task = tasks.get(tid)
        if task is not None and not task.finished:
            rt.loop.timers.set_ref(task.arg, bool(on))
        return None

    def timer_refresh(tid):
        task = tasks.get(tid)
        if task is not None and not task.finished:
            rt.loop.timers.refresh(task.arg)
        return None

    def timer_start(tid):
        """_idleStart: the loop time the timer was (last) inserted at."""
        task = tasks.get(tid)
        t = task.arg if task is not None else None
        return t.idle_start if t is not None else 0

    def timer_done(tid):
        """A one-shot timer ran: forget its task (the JS object keeps only its id)."""
        tasks.pop(tid, None)
        return None

    def immediate(js_id):
        host.flush()
        task = api.set_immediate(lambda e, r: host.enter(js_id))
        tasks[task.id] = task
        return task.id

    def clear_immediate(tid):
        task = tasks.pop(tid, None)
        if task is not None and not task.finished:
            rt.loop.clear_immediate(task.arg)
            rt.finish_task(task, "cleared", None, None, cancelled=True, nested=False)
        return None

    def tick(js_id):
        api.next_tick(lambda e, r: host.enter(js_id))
        return None

    return {"timer": timer, "clear_timer": clear_timer, "timer_ref": timer_ref, "timer_refresh": timer_refresh,
            "timer_done": timer_done, "timer_start": timer_start, "immediate": immediate, "clear_immediate": clear_immediate,
            "tick": tick}
