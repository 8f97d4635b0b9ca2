"""Host functions for dns: lookup is getaddrinfo on the model's pool (slow I/O); resolve is c-ares
on the loop. Answers come from the model (no query leaves the machine)."""

from __future__ import annotations

import json
from typing import Callable

from tui.core.ops import is_ip
from tui.core.script.host_io import _results, operations


def functions(host) -> dict[str, Callable]:
    api, start, finish = operations(host)

    # -- dns ------------------------------------------------------------------------------------------

    def dns_lookup(h_json, js_id):
        name = json.loads(h_json)
        start()

        def done(err, _shown):
            if err is not None:
                return finish(js_id, err)
            literal = is_ip(name)
            addr = name if literal else _results(cell["task"], "dns.lookup")[0]
            finish(js_id, None, [addr, literal or is_ip(addr) or 4])

        cell = {"task": api.lookup(name, done)}
        return cell["task"].id

    def dns_resolve(h_json, js_id):
        name = json.loads(h_json)
        host.flush()

        def done(err, shown):
            if err is not None:
                return finish(js_id, err)
            finish(js_id, None, [x.strip() for x in str(shown).strip("[]").split(",") if x.strip()])

        return api.resolve(name, done).id

    return {"dns_lookup": dns_lookup, "dns_resolve": dns_resolve}
