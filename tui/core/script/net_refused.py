"""`net.connect` to a loopback port nothing listens on: the one socket story scripts can tell exactly.

Node (lib/net.js): the failed connect destroys the socket; 'error' is
emitted on process.nextTick, and 'close' from the uv_close callback, i.e.
in the close phase, after the immediates of that iteration (SEMANTICS
§3.6). libuv feeds a synchronous connect error to the pending phase
(uv__io_feed, §1.1). A port something does listen on is refused up front:
ptview has no real sockets in scripts, and a made-up answer would be wrong.
"""

from __future__ import annotations

import errno
import ipaddress

from tui.core.callbacks import Callback
from tui.core.script.errors import JSThrow
from tui.core.script.values import UNDEFINED, JSFunction, JSObject, to_number, to_str

LOOPBACK_NAMES = {"localhost": "127.0.0.1"}


def listening_ports() -> set[int] | None:
    """TCP ports in LISTEN state on this machine, from /proc (read-only); None if unknown."""
    ports: set[int] = set()
    found = False
    for path in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            with open(path, encoding="ascii") as f:
                lines = f.read().splitlines()[1:]
        except OSError:
            continue
        found = True
        for line in lines:
            parts = line.split()
            if len(parts) > 3 and parts[3] == "0A":
                ports.add(int(parts[1].rsplit(":", 1)[1], 16))
    return ports if found else None


class Socket(JSObject):
    __slots__ = ("listeners",)

    def __init__(self, proto) -> None:
        super().__init__(proto, None, "Socket")
        self.listeners: dict[str, list] = {}


def install(host) -> JSObject:
    """The `net` module object for scripts."""
    proto = host.realm.obj()

    def on(this, args):
        ev = to_str(args[0]) if args else ""
        fn = args[1] if len(args) > 1 else UNDEFINED
        if not isinstance(this, Socket) or not isinstance(fn, JSFunction):
            host.I.throw("TypeError", 'The "listener" argument must be of type function')
        if ev not in ("error", "close", "connect", "data", "end", "ready", "timeout", "lookup"):
            host.I.unsupported(f"socket.on('{ev}') is not supported")
        this.listeners.setdefault(ev, []).append(fn)
        return this

    proto.props["on"] = proto.props["once"] = host.native("on", on)

    def connect(this, args):
        port, addr = _target(host, args)
        cb = args[-1] if args and isinstance(args[-1], JSFunction) else None
        sock = Socket(proto)
        if cb is not None:
            sock.listeners.setdefault("connect", []).append(cb)
        host.flush()
        _refused(host, sock, addr, port)
        return sock

    return host.obj(connect=host.native("connect", connect), createConnection=host.native("createConnection", connect))


def _target(host, args) -> tuple[int, str]:
    I = host.I
    first = args[0] if args else UNDEFINED
    if isinstance(first, JSObject) and not isinstance(first, JSFunction):
        port, h = first.get("port"), first.get("host")
    else:
        port, h = first, args[1] if len(args) > 1 and isinstance(args[1], str) else "localhost"
    p = to_number(port)
    if not (p == p and 0 < p < 65536 and p == int(p)):
        raise JSThrow(I.make_error("RangeError", f'Port should be > 0 and < 65536. Received {to_str(port)}.',
                                   code="ERR_SOCKET_BAD_PORT"))
    h = "localhost" if h is UNDEFINED else to_str(h)
    addr = LOOPBACK_NAMES.get(h.lower(), h)
    try:
        ip = ipaddress.ip_address(addr)
    except ValueError:
        ip = None
    if ip is None or not ip.is_loopback:
        I.unsupported(f"net.connect to {h!r} is not supported: scripts reach only loopback addresses")
    ports = listening_ports()
    if ports is None or int(p) in ports:
        I.unsupported(f"net.connect to port {int(p)}, where something listens, is not supported: "
                      "ptview models only the refused connection")
    return int(p), h


def _refused(host, sock: Socket, name: str, port: int) -> None:
    rt = host.rt
    loop = rt.loop
    internal = rt.work.cost("internal")
    is_ip = name not in LOOPBACK_NAMES and name.lower() not in LOOPBACK_NAMES
    addr = name if is_ip else LOOPBACK_NAMES[name.lower()]
    task = rt.new_task("net.connect", f"net.connect {name}:{port} (nothing listens: ECONNREFUSED)", port)
    task.waiting_on = "the connect result (pending phase)"
    loop.active_handles += 1
    err = host.I.make_error("Error", f"connect ECONNREFUSED {addr}:{port}")
    err.props.update({"stack": f"Error: connect ECONNREFUSED {addr}:{port}", "errno": float(-errno.ECONNREFUSED),
                      "code": "ECONNREFUSED", "syscall": "connect", "address": addr, "port": float(port)})

    def emit(ev: str, args: list) -> None:
        for fn in list(sock.listeners.get(ev, [])):
            host.enter(fn, args)

    def on_close():
        loop.active_handles -= 1
        rt.finish_task(task, None, None, None, nested=False)
        emit("close", [True])  # lib/net.js: the uv_close callback emits 'close' (hadError)

    def emit_error():
        if not sock.listeners.get("error"):
            host.uncaught(err, "Uncaught")  # an 'error' event without a listener throws
        emit("error", [err])

    def on_connect_failed():
        # afterConnect → destroy(ex): 'error' on nextTick, the handle closed (close phase).
        loop.next_tick(Callback(emit_error, "socket 'error' (ECONNREFUSED)", task.id, "net.error",
                                cost=rt.work.cost("callback")))
        loop.add_closing(Callback(on_close, "net.Socket 'close'", task.id, "net.close", cost=internal))

    def internal_connect():
        # connect() on loopback fails at once; libuv keeps it as delayed_error and feeds the watcher.
        loop.add_pending(Callback(on_connect_failed, f"connect {addr}:{port} failed", task.id, "net.connect",
                                  cost=internal, internal=True))

    if is_ip:
        # lookupAndConnect: an IP address skips the lookup and connects on process.nextTick.
        loop.next_tick(Callback(internal_connect, f"connect {addr}:{port}", task.id, "net.connect",
                                cost=internal, internal=True))
    else:
        # a host name is looked up first: dns.lookup, on the pool (slow I/O).
        host.ensure_pool_size()
        host.api.lookup(name, lambda e, r: internal_connect())
