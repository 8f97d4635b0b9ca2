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

import json

from tui.core.callbacks import Callback
from tui.core.model_procs import ProcessLimit
from tui.core.script.errors import NodeJSError, ScriptError
from tui.core.script.source import ScriptSourceError, read_script


def functions(host) -> dict:
    children: dict[int, "ForkedChild"] = {}

    def fork(path_json, argv_json, js_id):
        """The child's pid, or why ptview refuses to start it."""
        path = os.path.normpath(os.path.join(os.path.dirname(host.filename), json.loads(path_json)))
        try:
            host.api.procs.spawn()  # before anything is built: a fork bomb stops at the bound
        except ProcessLimit as e:
            return str(e)  # the JS side refuses with the fork() call's place
        try:
            source = read_script(path)
        except ScriptSourceError as e:
            if os.path.lexists(path):  # there, but not a file ptview reads (a FIFO, a device, too big)
                return f"fork: cannot read {e.path}: {e.why}"
            # missing: node starts the child anyway; it fails to load its module and exits 1
            source = (f"const e = new Error({json.dumps(f'Cannot find module {path!r}')}); "
                      "e.code = 'MODULE_NOT_FOUND'; throw e;\n")
        c = ForkedChild(host, js_id, path, source, [str(a) for a in json.loads(argv_json)])
        children[c.pid] = c
        return c.pid

    def child_send(pid, msg_json):
        c = children.get(pid)
        if c is not None:
            c.to_child(msg_json)
        return True

    def child_disconnect(pid):
        c = children.get(pid)
        if c is not None:
            c.run.host.parent_disconnected()
        return None

    def process_send(msg_json):
        child = host.child_of
        if child is None or not host.connected:
            raise NodeJSError("Error", "Channel closed", "ERR_IPC_CHANNEL_CLOSED")
        host.flush()
        child.to_parent(msg_json)
        return True

    def process_disconnect():
        if host.child_of is not None and host.connected:
            host.parent_disconnected()
            host.child_of.child_disconnected()
        return None

    def channel_ref(on):
        if host.child_of is not None:
            host.set_channel_ref(bool(on))
        return None

    return {"fork": fork, "child_send": child_send, "child_disconnect": child_disconnect,
            "process_send": process_send, "process_disconnect": process_disconnect, "channel_ref": channel_ref}


class ForkedChild:
    def __init__(self, host, js_id: int, path: str, source: str, argv: list[str]) -> None:
        self.host = host
        self.js_id = js_id
        rt = host.rt
        self.rt = rt
        host.next_pid += 1
        self.pid = host.next_pid
        host.flush()
        task = rt.new_task("child_process.fork", f"child_process.fork {os.path.basename(path)} → pid {self.pid}",
                           self.pid)
        task.waiting_on = "the child (its own loop and pool), over the IPC pipe"
        self.task = task
        rt.consume(rt.work.cost("fork.spawn"))  # uv_spawn: fork + exec on the loop thread
        self.offset = rt.clock.now() + rt.work.latency("fork.boot")
        rt.loop.active_handles += 1  # the process handle keeps the parent alive until the child is gone
        self.run = host.new_run(path, source, seed=rt.work.seed + self.pid, costs=None,
                             pool_env=host.env_pool, write=host.write, write_err=host.write_err,
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

    def to_child(self, message: str) -> None:
        """parent → child: the child's loop sees it in its poll phase."""
        if not self.connected or self.exited:
            return
        crt = self.run.rt
        at_child = self.rt.clock.now() + self.rt.work.latency("net.rtt") - self.offset
        chost = self.run.host

        def deliver():
            crt.loop.io_ready_now(Callback(lambda: chost.emit_process("message", json.loads(message)),
                                           "IPC message from the parent",
                                           None, "child.message", cost=crt.work.cost("internal"), internal=True))

        crt.at(max(at_child, crt.clock.now()), deliver)
        self._schedule()

    def to_parent(self, message: str) -> None:
        """child → parent, called from the child's process.send."""
        crt = self.run.rt
        at = crt.clock.now() + self.offset + crt.work.latency("net.rtt")
        loop = self.rt.loop

        def deliver():
            loop.io_ready_now(Callback(lambda: self._emit("message", [json.loads(message)]), f"child {self.pid} 'message'",
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
        self.host.enter(self.js_id, {"event": ev, "args": args}, True)

    def _exited(self, code: int | None) -> None:
        if self.exited:
            return
        self.exited = True
        rt = self.rt
        loop = rt.loop
        internal = rt.work.cost("internal")
        code_v = int(code if code is not None else 0)

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
