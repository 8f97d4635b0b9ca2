"""Host functions for process, os, net (the refused loopback connect) and child_process.fork."""

from __future__ import annotations

import json
import os
import platform
from typing import Callable

from tui.core.script import fork, net_refused


def functions(host) -> dict[str, Callable]:
    def process_info():
        w = host.worker
        if w is None:
            argv = ["/usr/bin/node", host.filename] + list(host.argv)
            cwd = os.path.dirname(host.filename)
        else:
            # a Worker's process.argv: node's, then the script (or '[worker eval]'), then options.argv
            argv = ["/usr/bin/node", "[worker eval]" if w.spec.get("eval") else host.filename] + list(host.argv)
            cwd = os.path.dirname(host.hub.main.filename)
        return json.dumps({
            "argv": argv, "cwd": cwd, "pid": host.pid, "ppid": host.ppid,
            "platform": "linux", "arch": "x64", "execPath": "/usr/bin/node", "child": host.child_of is not None,
            "worker": w is not None, "threadId": host.thread,
        })

    def _set_env(key, value):
        if value is None:
            host.env.pop(key, None)
        else:
            host.env[key] = value
        if key == "UV_THREADPOOL_SIZE" and host.env is host.hub.main.env:
            # the process's environment (a Worker's is a copy unless SHARE_ENV): libuv reads it at
            # the first pool request
            host.hub.main.env_pool = value

    def set_pool_env(v_json):
        v = json.loads(v_json)
        _set_env("UV_THREADPOOL_SIZE", None if v is None else str(v))
        return None

    def env_get(key_json):
        v = host.env.get(json.loads(key_json))
        return None if v is None else json.dumps(v)

    def env_set(key_json, v_json):
        _set_env(json.loads(key_json), str(json.loads(v_json)))
        return None

    def env_delete(key_json):
        _set_env(json.loads(key_json), None)
        return None

    def env_keys():
        return json.dumps(list(host.env))

    def memory_usage():
        used = host.engine.memory_used()
        return json.dumps({"rss": 40 * 1024 * 1024 + used, "heapTotal": 4 * 1024 * 1024 + used,
                           "heapUsed": used, "external": 1024 * 1024, "arrayBuffers": 16 * 1024})

    def os_info():
        return json.dumps({"cpus": os.cpu_count() or 1, "platform": "linux", "release": platform.release(),
                           "hostname": "localhost", "arch": "x64", "EOL": "\n", "totalmem": 8 << 30,
                           "freemem": 4 << 30, "homedir": "/home/node", "tmpdir": "/tmp"})

    out = {"process_info": process_info, "set_pool_env": set_pool_env, "memory_usage": memory_usage,
           "os_info": os_info, "env_get": env_get, "env_set": env_set, "env_delete": env_delete,
           "env_keys": env_keys}
    out.update(net_refused.functions(host))
    out.update(fork.functions(host))
    return out
