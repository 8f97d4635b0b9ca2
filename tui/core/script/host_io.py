"""What the host's fs, dns, crypto and zlib functions share: node's error objects, pool results.

Each async host function takes the id of a registered JS continuation and returns at
once; the model's completion callback enters it with a JSON payload `{"err": {...}}` or
`{"ok": ...}` (bytes as hex). The model decides when (which worker, which poll phase).
"""

from __future__ import annotations

import errno as _errno
import os

from tui.core.errors import NodeError
from tui.core.script.errors import NodeJSError

def node_error(err: NodeError) -> dict:
    """A libuv/c-ares error as node builds it in C++: message 'CODE: text, syscall 'path'', errno, code…"""
    code, msg = err.code, err.message
    # property order as node's uvException/dnsException: errno, code, syscall, path/hostname
    d = {"name": "Error", "message": msg, "bare": True, "props": {}}
    if code == "ENOTFOUND":
        syscall, _, host = msg.partition(" ENOTFOUND ")
        d["props"] = {"errno": -3008, "code": code, "syscall": syscall, "hostname": host}
        return d
    num = getattr(_errno, code, None)
    if num is not None:
        d["props"]["errno"] = -num
    d["props"]["code"] = code
    if ", " in msg:
        syscall, _, path = msg.split(", ", 1)[1].partition(" ")
        d["props"]["syscall"] = syscall
        if path.startswith("'") and path.endswith("'"):
            d["props"]["path"] = path[1:-1]
    return d


def _os_error(e: OSError, syscall: str, path: str) -> NodeJSError:
    code = _errno.errorcode.get(e.errno or 0, "EIO")
    text = os.strerror(e.errno or 0).lower() if e.errno else "i/o error"
    if code == "ENOENT":
        text = "no such file or directory"
    return NodeJSError("Error", f"{code}: {text}, {syscall} '{path}'", None,
                       {"errno": -(e.errno or 5), "code": code, "syscall": syscall, "path": path}, bare=False)


def _results(task, op: str) -> list:
    return [j.result for j in task.jobs if j.op == op and j.error is None]


def _size(r) -> int:
    return r if isinstance(r, int) else len(r)


def operations(host):
    """What every async host function needs: start() (charge the call, create the pool), finish()."""
    api = host.api

    def start():
        # node's own JS for the call (argument checks, the request object): the model's "main_op"
        host.pending_ms += host.rt.work.cost("main_op")
        host.flush()
        host.ensure_pool_size()

    def finish(js_id, err, ok=None):
        host.enter(js_id, {"err": node_error(err)} if err is not None else {"ok": ok})

    return api, start, finish
