"""Where module source comes from: ptview's JS files (bootstrap, host modules, Node's prelude) and the
script's own relative requires, read-only through source.read_script (the one reader of script files).

Builtin `X` is looked up, in order, in `prelude/X.js` (Node's JavaScript-level
modules: util, events, path, assert, buffer, url…, written in JS) and
`js/node/X.js` (host-backed modules: timers, fs, process…). `timers/promises`
is the file `timers_promises.js`.
"""

from __future__ import annotations

import functools
import json
import os
from importlib import resources

from tui.core.script.source import ScriptSourceError, read_script

PACKAGE = "tui.core.script"
SEARCH = ("prelude", "js/node")

# Builtins node has and ptview does not model: refused with one line (exit 2), never faked.
REFUSED = {
    "http": "http servers and requests are not supported: scripts reach only the model's loopback",
    "https": "https is not supported: scripts reach only the model's loopback",
    "http2": "http2 is not supported: scripts reach only the model's loopback",
    "tls": "tls is not supported: scripts reach only the model's loopback",
    "dgram": "dgram is not supported: scripts reach only the model's loopback",
    "cluster": "cluster is not supported: use child_process.fork",
    "vm": "vm is not supported",
    "inspector": "inspector is not supported",
    "v8": "v8 is not supported: ptview's engine is QuickJS",
    "repl": "repl is not supported",
    "module": "module is not supported",
}


def _js_file(rel: str) -> str | None:
    try:
        f = resources.files(PACKAGE).joinpath(rel)
        return f.read_text(encoding="utf-8") if f.is_file() else None
    except (OSError, ValueError):
        return None


@functools.lru_cache(maxsize=None)
def bootstrap_source() -> str:
    src = _js_file("js/bootstrap.js")
    assert src is not None, "tui/core/script/js/bootstrap.js is missing from the package"
    return src


@functools.lru_cache(maxsize=None)
def builtin_source(name: str) -> str | None:
    if not name or "." in name or "\\" in name or name.startswith("/"):
        return None
    for d in SEARCH:
        for file in (name + ".js", name.replace("/", "_") + ".js"):
            src = _js_file(f"{d}/{file}")
            if src is not None:
                return src
    return None


def refused(name: str) -> str:
    """'' if `name` is not a refused builtin, else the error (JSON) require should throw."""
    key = name.removeprefix("node:")
    msg = REFUSED.get(key)
    if msg is None:
        return ""
    return json.dumps({"name": "Error", "message": msg, "code": "ERR_PTVIEW_UNSUPPORTED", "refuse": True})


def resolve_path(directory: str, name: str) -> str:
    base = os.path.normpath(os.path.join(directory, name))
    for cand in (base, base + ".js", base + ".json", os.path.join(base, "index.js")):
        if os.path.isfile(cand):
            return cand
    return base


def read_module(directory: str, name: str) -> dict:
    """require('./x'): {path, source, json} or {error} shaped as node's MODULE_NOT_FOUND."""
    path = resolve_path(directory, name)
    if not os.path.isfile(path):
        return {"error": {"name": "Error", "code": "MODULE_NOT_FOUND", "message": f"Cannot find module '{path}'"}}
    try:
        src = read_script(path)  # regular files only, size-capped, UTF-8 as node decodes it
    except ScriptSourceError as e:
        return {"error": {"name": "Error", "message": f"cannot read {e.path}: {e.why}"}}
    return {"path": path, "source": src, "json": path.endswith(".json")}
