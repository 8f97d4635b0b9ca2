"""Host functions for process, os, net (the refused loopback connect) and child_process.fork."""

from __future__ import annotations

import json
import os
import platform
from typing import Callable

from tui.core.script import fork, net_refused


def functions(host) -> dict[str, Callable]:
    def process_info():
        env = {"UV_THREADPOOL_SIZE": host.pool_env} if host.pool_env is not None else {}
        return json.dumps({
            "argv": ["/usr/bin/node", host.filename] + list(host.argv),
            "env": env, "cwd": os.path.dirname(host.filename), "pid": host.pid, "ppid": host.ppid,
            "platform": "linux", "arch": "x64", "execPath": "/usr/bin/node", "child": host.child_of is not None,
        })

    def set_pool_env(v_json):
        # process.env.UV_THREADPOOL_SIZE as the script left it: libuv reads it at the first pool request
        v = json.loads(v_json)
        host.env_pool = None if v is None else str(v)
        return None

    def memory_usage():
        used = host.engine.memory_used()
        return json.dumps({"rss": 40 * 1024 * 1024 + used, "heapTotal": 4 * 1024 * 1024 + used,
                           "heapUsed": used, "external": 1024 * 1024, "arrayBuffers": 16 * 1024})

    def os_info():
        return json.dumps({"cpus": os.cpu_count() or 1, "platform": "linux", "release": platform.release(),
                           "hostname": "localhost", "arch": "x64", "EOL": "\n", "totalmem": 8 << 30,
                           "freemem": 4 << 30, "homedir": "/home/node", "tmpdir": "/tmp"})

    out = {"process_info": process_info, "set_pool_env": set_pool_env, "memory_usage": memory_usage,
           "os_info": os_info}
    out.update(net_refused.functions(host))
    out.update(fork.functions(host))
    return out
