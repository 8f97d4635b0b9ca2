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

import json

from tui.core.callbacks import Callback

LOOPBACK_NAMES = {"localhost": "127.0.0.1"}


def _proc_ip(hexaddr: str) -> ipaddress._BaseAddress:
    """/proc/net/tcp{,6}'s local address: 32-bit words in host (little-endian) order."""
    raw = bytes.fromhex(hexaddr)
    words = b"".join(raw[i:i + 4][::-1] for i in range(0, len(raw), 4))
    return ipaddress.ip_address(words)


def listening(addr: str, port: int) -> bool | None:
    """Does something accept TCP connections to addr:port on this machine? From /proc (read-only);
    None if unknown. A wildcard listener (0.0.0.0, ::) counts for every address."""
    target = ipaddress.ip_address(addr)
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
            if len(parts) <= 3 or parts[3] != "0A":
                continue
            ip_hex, _, port_hex = parts[1].rpartition(":")
            if int(port_hex, 16) != port:
                continue
            ip = _proc_ip(ip_hex)
            mapped = getattr(ip, "ipv4_mapped", None)
            if ip.is_unspecified or ip == target or mapped == target:
                return True
    return False if found else None


def functions(host) -> dict:
    def net_connect(port, name_json, js_id):
        """'' once the refused connect is scheduled; else the reason ptview refuses the script."""
        h = json.loads(name_json)
        addr = LOOPBACK_NAMES.get(h.lower(), h)
        try:
            ip = ipaddress.ip_address(addr)
        except ValueError:
            ip = None
        if ip is None or not ip.is_loopback:
            return f"net.connect to {h!r} is not supported: scripts reach only loopback addresses"
        if listening(addr, int(port)) is not False:
            return (f"net.connect to port {int(port)}, where something listens, is not supported: "
                    "ptview models only the refused connection")
        host.flush()
        _refused(host, js_id, h, int(port))
        return ""

    return {"net_connect": net_connect}


def _refused(host, js_id: int, name: str, port: int) -> None:
    rt = host.rt
    loop = rt.loop
    internal = rt.work.cost("internal")
    is_ip = name not in LOOPBACK_NAMES and name.lower() not in LOOPBACK_NAMES
    addr = name if is_ip else LOOPBACK_NAMES[name.lower()]
    task = rt.new_task("net.connect", f"net.connect {name}:{port} (nothing listens: ECONNREFUSED)", port)
    task.waiting_on = "the connect result (pending phase)"
    loop.active_handles += 1
    err = {"name": "Error", "message": f"connect ECONNREFUSED {addr}:{port}", "bare": True,
           "props": {"errno": -errno.ECONNREFUSED, "code": "ECONNREFUSED", "syscall": "connect", "address": addr,
                     "port": port}}

    def on_close():
        loop.active_handles -= 1
        rt.finish_task(task, None, None, None, nested=False)
        host.enter(js_id, {"event": "close", "err": None})  # lib/net.js: the uv_close callback emits 'close'

    def on_connect_failed():
        # afterConnect → destroy(ex): 'error' on nextTick, the handle closed (close phase).
        loop.next_tick(Callback(lambda: host.enter(js_id, {"event": "error", "err": err}, True),
                                "socket 'error' (ECONNREFUSED)", task.id, "net.error", cost=rt.work.cost("callback")))
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
