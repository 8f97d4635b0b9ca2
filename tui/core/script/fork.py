"""child_process.fork for scripts: the child module runs in its own model process.

Node's fork (SEMANTICS §3.7) starts a new process with its own event loop
and its own threadpool; parent and child talk over an IPC pipe that each
side's loop watches with epoll. Here the child is another ScriptRun — its
own Runtime, loop, pool and clock — interpreted by ptview (nothing is
spawned). The two clocks are kept in step: the child's time 0 is when it
has booted (parent time at fork + fork.spawn + fork.boot), and the parent
runs the child up to its own time before each of its own steps' events.
Messages are JSON copies (Node's default 'json' serialization) delivered in
the other side's poll phase; the child's exit reaches the parent in poll
('exit'), then the IPC channel's close callback emits 'close'.
"""

from __future__ import annotations

import math
import os

from tui.core.callbacks import Callback
from tui.core.model_procs import ProcessLimit
from tui.core.script.errors import ScriptError
from tui.core.script.values import UNDEFINED, JSFunction, JSObject, to_str

EVENTS = ("message", "exit", "close", "disconnect", "spawn", "error")


class ChildHandle(JSObject):
    """The parent's ChildProcess object."""

    __slots__ = ("listeners", "child")

    def __init__(self, proto) -> None:
        super().__init__(proto, None, "ChildProcess")
        self.listeners: dict[str, list] = {}
        self.child: "ForkedChild | None" = None


def install(host) -> JSObject:
    proto = host.realm.obj()

    def on(this, args):
        ev = to_str(args[0]) if args else ""
        fn = args[1] if len(args) > 1 else UNDEFINED
        if not isinstance(this, ChildHandle) or not isinstance(fn, JSFunction):
            host.I.throw("TypeError", 'The "listener" argument must be of type function')
        if ev not in EVENTS:
            host.I.unsupported(f"child.on('{ev}') is not supported")
        this.listeners.setdefault(ev, []).append(fn)
        return this

    def send(this, args):
        if not isinstance(this, ChildHandle) or this.child is None:
            host.I.throw("TypeError", "send called on something that is not a child process")
        this.child.to_child(host.copy_message(args[0] if args else UNDEFINED))
        return True

    proto.props["on"] = proto.props["once"] = host.native("on", on)
    proto.props["send"] = host.native("send", send)

    def fork(this, args):
        if not args or not isinstance(args[0], str):
            host.I.unsupported("fork's module must be a string")
        path = os.path.abspath(args[0])
        known = host.children.get(path)
        if known is None:
            host.I.unsupported(f"fork({args[0]!r}): ptview forks only modules it checked before running "
                               "(a string literal, __filename, or __dirname + '/file.js')")
        extra = args[1] if len(args) > 1 else UNDEFINED
        argv = [to_str(x) for x in host.I.iterate(extra)] if isinstance(extra, JSObject) else []
        if len(args) > 2:
            host.I.unsupported("fork options are not supported")
        try:
            host.api.procs.spawn()  # before anything is built: a fork bomb stops at the bound
        except ProcessLimit as e:
            node = host.I.current  # the fork() call: where the one-line error points
            raise ScriptError(str(e), *((node.loc.start.line, node.loc.start.column + 1) if node else ())) from None
        h = ChildHandle(proto)
        h.child = ForkedChild(host, h, path, known, argv)
        return h

    return host.obj(fork=host.native("fork", fork))


class ForkedChild:
    def __init__(self, host, handle: ChildHandle, path: str, known: tuple, argv: list[str]) -> None:
        from tui.core.script.runner import ScriptRun

        self.host = host
        self.handle = handle
        rt = host.rt
        self.rt = rt
        host.next_pid += 1
        self.pid = host.next_pid
        handle.props["pid"] = float(self.pid)
        host.flush()
        task = rt.new_task("child_process.fork", f"child_process.fork {os.path.basename(path)} → pid {self.pid}",
                           self.pid)
        task.waiting_on = "the child (its own loop and pool), over the IPC pipe"
        self.task = task
        rt.consume(rt.work.cost("fork.spawn"))  # uv_spawn: fork + exec on the loop thread
        self.offset = rt.clock.now() + rt.work.latency("fork.boot")
        rt.loop.active_handles += 1  # the process handle keeps the parent alive until the child is gone
        source, tree = known
        env = host.env_obj.get("UV_THREADPOOL_SIZE")
        self.run = ScriptRun(path, source, seed=rt.work.seed + self.pid, costs=None,
                             pool_env=None if env is UNDEFINED else to_str(env), write=host.write,
                             write_err=host.write_err, tree=tree, children=host.children,
                             child_of=self, argv=argv, next_pid=host.next_pid, procs=host.api.procs)
        self.run.rt.work.costs.update(rt.work.costs)
        self.connected = True
        self.exited = False
        self._pump_at: float | None = None
        self.run.start()
        self._schedule()

    # -- keeping the two clocks in step ---------------------------------------------------------

    def _schedule(self) -> None:
        if self.exited:
            return
        crt = self.run.rt
        t = crt.next_time() if not crt.done else crt.clock.now()
        if t == math.inf:
            return  # the child waits for a message: to_child() wakes it
        at = max(t + self.offset, self.rt.clock.now())
        if self._pump_at is not None and self._pump_at <= at:
            return
        self._pump_at = at
        self.rt.at(at, self._pump)

    def _pump(self) -> None:
        self._pump_at = None
        run = self.run
        now = self.rt.clock.now()
        try:
            while not run.done:
                if run.rt.done:
                    run.step()  # the child's loop has ended: let it finish (exit listeners, code)
                    break
                t = run.rt.next_time()
                if t == math.inf or t + self.offset > now:
                    break
                run.step()
        except ScriptError as e:
            if e.file is None:
                e.file = os.path.basename(run.filename)
            raise
        if run.done:
            self._exited(run.exit_code)
        else:
            self._schedule()

    # -- IPC --------------------------------------------------------------------------------------

    def to_child(self, message) -> None:
        """parent → child: the child's loop sees it in its poll phase."""
        if not self.connected or self.exited:
            return
        crt = self.run.rt
        at_child = self.rt.clock.now() + self.rt.work.latency("net.rtt") - self.offset
        chost = self.run.host

        def deliver():
            crt.loop.io_ready_now(Callback(lambda: chost.emit_process_message(message), "IPC message from the parent",
                                           None, "child.message", cost=crt.work.cost("internal"), internal=True))

        crt.at(max(at_child, crt.clock.now()), deliver)
        self._schedule()

    def to_parent(self, message) -> None:
        """child → parent, called from the child's process.send."""
        crt = self.run.rt
        at = crt.clock.now() + self.offset + crt.work.latency("net.rtt")
        loop = self.rt.loop

        def deliver():
            loop.io_ready_now(Callback(lambda: self._emit("message", [message]), f"child {self.pid} 'message'",
                                       self.task.id, "child.message", cost=self.rt.work.cost("internal"),
                                       internal=True))

        self.rt.at(max(at, self.rt.clock.now()), deliver)

    def child_disconnected(self) -> None:
        """The IPC channel closed (the child's process.disconnect(), or its exit): 'disconnect' in poll."""
        if not self.connected:
            return
        self.connected = False
        crt = self.run.rt
        at = crt.clock.now() + self.offset + crt.work.latency("net.rtt")
        loop = self.rt.loop
        self.rt.at(max(at, self.rt.clock.now()),
                   lambda: loop.io_ready_now(Callback(lambda: self._emit("disconnect", []),
                                                      f"child {self.pid} IPC channel closed", self.task.id,
                                                      "child.disconnect", cost=self.rt.work.cost("internal"),
                                                      internal=True)))

    def _emit(self, ev: str, args: list) -> None:
        for fn in list(self.handle.listeners.get(ev, [])):
            self.host.enter(fn, args)

    def _exited(self, code: int | None) -> None:
        if self.exited:
            return
        self.exited = True
        rt = self.rt
        loop = rt.loop
        internal = rt.work.cost("internal")
        code_v = float(code if code is not None else 0)

        self.child_disconnected()  # the pipe's EOF comes first: 'disconnect' before 'exit'

        def on_exit():
            # ChildProcess onexit: emit 'exit', then maybeClose() emits 'close' in the same call.
            loop.active_handles -= 1
            rt.finish_task(self.task, f"exit code {int(code_v)}", None, None, nested=False)
            self._emit("exit", [code_v, None])
            self._emit("close", [code_v, None])

        at = self.run.rt.clock.now() + self.offset + rt.work.latency("fork.exit")
        rt.at(max(at, rt.clock.now()),
              lambda: loop.io_ready_now(Callback(on_exit, f"child {self.pid} 'exit'", self.task.id, "child.exit",
                                                 cost=internal, internal=True)))
