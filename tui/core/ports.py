"""MessagePorts between loops of one process (worker_threads), as node's src/node_messaging.cc has them.

A MessagePort is a `uv_async_t` on the loop of the thread that owns it
(`MessagePort : HandleWrap`, `uv_async_init(env->event_loop(), &async_, onmessage)`).
`postMessage` appends the message to the *other* port's incoming queue and calls
`uv_async_send` on it (`MessagePortData::AddToIncomingQueue` → `TriggerAsync`); the owner's
loop wakes in its poll phase, and `MessagePort::OnMessage` takes the queued messages one
by one, each through `MakeCallback` (so nextTicks and microtasks run after each), up to
max(the queue's length when it starts, 1000) at a time, re-arming the async for the rest.
A port delivers nothing until started (`start()`, or a 'message' listener, which also refs
it: `setupPortReferencing` in lib/internal/worker/io.js); a new port is unref'd.
`close()` closes this handle (its 'close' runs in the close phase) and sends the other side
a close message, which closes it in turn when its OnMessage reaches it. Messages posted to
a closed or detached port are dropped.

Here a Port holds its loop's Runtime; a message is opaque (the script host passes
serialized text, Worker internals pass tuples). Crossing threads, a message reaches the
receiving runtime at the sender's present time through `rt.at()` (and the receiving
thread's link is woken); on the same thread it is queued at once.
"""

from __future__ import annotations

import itertools
from collections import deque
from functools import partial
from typing import TYPE_CHECKING, Any, Callable

from tui.core.callbacks import Callback

if TYPE_CHECKING:
    from tui.core.runtime import Runtime

CLOSE = object()   # the close message one side sends the other (MessagePortData::Disentangle)
PROCESSING_LIMIT = 1000
_handle_seq = itertools.count(1)   # uv_async_init order (the loop's queue of async handles)


def wake(rt: "Runtime") -> None:
    link = getattr(rt, "link", None)
    if link is not None and hasattr(link, "wake"):
        link.wake()


class Port:
    __slots__ = ("id", "rt", "peer", "group", "queue", "started", "closed", "refd", "pending", "seq",
                 "on_message", "on_close", "label", "op", "__weakref__")

    def __init__(self, pid: int, rt: "Runtime | None", label: str = "MessagePort", op: str = "worker.message") -> None:
        self.id = pid
        self.rt = rt
        self.peer: Port | None = None
        self.group: set | None = None     # a BroadcastChannel's members (the same name), or None
        self.queue: deque = deque()
        self.started = False
        self.closed = False
        self.refd = False
        self.pending = False
        self.seq = next(_handle_seq)
        self.on_message: Callable[[Any], None] | None = None
        self.on_close: Callable[[], None] | None = None
        self.label = label
        self.op = op

    # -- sending ----------------------------------------------------------------------------

    def post(self, msg: Any, sender: "Runtime") -> bool:
        """postMessage: False when nothing was sent (this side closed, or no other side)."""
        if self.closed or self.rt is None and self.group is None:
            return False
        if self.group is not None:
            for other in sorted(self.group, key=_port_seq):
                if other is not self and not other.closed:
                    other._deliver(msg, sender)
            return True
        peer = self.peer
        if peer is None or peer.closed:
            return False
        peer._deliver(msg, sender)
        return True

    def _deliver(self, msg: Any, sender: "Runtime") -> None:
        rt = self.rt
        if rt is sender or rt is None:
            self.arrive(msg)
        else:
            rt.at(sender.clock.now(), partial(self.arrive, msg))
            wake(rt)

    # -- receiving ----------------------------------------------------------------------------

    def arrive(self, msg: Any) -> None:
        if self.closed:
            return
        self.queue.append(msg)
        if self.started or msg is CLOSE:
            self.trigger()

    def trigger(self) -> None:
        """TriggerAsync: uv_async_send on this port's handle."""
        if not self.pending and self.rt is not None and not self.closed:
            self.pending = True
            self.rt.loop.async_send(self)

    def callbacks(self):
        """MessagePort::OnMessage: one callback per message taken (its JS runs when the loop runs it)."""
        queue = self.queue
        limit = max(len(queue), PROCESSING_LIMIT)
        cost = self.rt.work.costs["internal"] if self.rt is not None else 0.0
        while queue and not self.closed and self.rt is not None:
            if not self.started and queue[0] is not CLOSE:
                if CLOSE not in queue:
                    return
                queue.remove(CLOSE)
                queue.appendleft(CLOSE)
            if limit == 0:
                self.trigger()
                return
            limit -= 1
            msg = queue.popleft()
            if msg is CLOSE:
                yield Callback(self.close, f"{self.label} closed by the other side", None, self.op, cost=cost,
                               internal=True)
                return
            yield Callback(partial(self._emit, msg), self.label, None, self.op, cost=cost, internal=True)

    def _emit(self, msg: Any) -> None:
        if self.on_message is not None and not self.closed:
            self.on_message(msg)

    def receive(self) -> Any:
        """receiveMessageOnPort: the oldest queued message, or CLOSE/None (nothing)."""
        if not self.queue or self.queue[0] is CLOSE:
            return None
        return self.queue.popleft()

    def drain(self) -> None:
        """drainMessagePort: every queued message now, synchronously (a Worker's exit)."""
        while self.queue and not self.closed:
            msg = self.queue.popleft()
            if msg is CLOSE:
                self.close()
                return
            self._emit(msg)

    # -- the handle ------------------------------------------------------------------------------

    def start(self) -> None:
        self.started = True
        if self.queue:
            self.trigger()

    def stop(self) -> None:
        self.started = False

    def ref(self, on: bool = True) -> None:
        on = bool(on) and not self.closed and self.rt is not None
        if on != self.refd:
            self.refd = on
            self.rt.loop.active_handles += 1 if on else -1

    def close(self, notify: bool = True) -> None:
        """port.close(): this handle closes ('close' in its close phase); the other side hears of it."""
        if self.closed:
            return
        self.ref(False)
        self.closed = True
        self.queue.clear()
        rt = self.rt
        if self.group is not None:
            self.group.discard(self)
        elif notify and self.peer is not None:
            peer = self.peer
            self.peer = None
            if peer.peer is self and not peer.closed:
                peer._deliver(CLOSE, rt if rt is not None else peer.rt)
        if rt is not None and self.on_close is not None:
            rt.loop.add_closing(Callback(self.on_close, f"{self.label} 'close'", None, self.op,
                                         cost=rt.work.costs["internal"], internal=True))

    def detach(self) -> None:
        """Transferred away: its handle on this loop is gone; messages wait in its queue."""
        self.ref(False)
        self.started = False
        self.pending = False
        self.rt = None
        self.on_message = None
        self.on_close = None

    def attach(self, rt: "Runtime") -> None:
        """Received in a message on `rt`'s thread: a new handle there (unstarted, unref'd)."""
        self.rt = rt
        self.seq = next(_handle_seq)
        self.pending = False


def _port_seq(p: Port) -> int:
    return p.seq


def entangle(a: Port, b: Port) -> None:
    a.peer = b
    b.peer = a
