"""Every prelude module loads in a bare QuickJS context: no process, no timers,
no host helpers (the engine may load them before its own globals exist)."""
from __future__ import annotations

import pytest

from prelude_loader import make_context, sources

NAMES = sorted(sources())


@pytest.fixture(scope="module")
def ctx():
    c = make_context()
    assert c.eval("typeof process + typeof setTimeout + typeof URL") == "undefinedundefinedundefined"
    return c


@pytest.mark.parametrize("name", NAMES)
def test_module_loads_without_process_or_timers(ctx, name):
    assert ctx.eval(f"typeof require({name!r})") in ("object", "function")


def test_the_node_modules_are_all_there():
    for name in ("util", "events", "path", "assert", "buffer", "string_decoder", "querystring", "url",
                 "stream", "stream/promises", "internal/abort", "internal/errors", "internal/structured_clone",
                 "internal/encoding", "internal/fs/streams"):
        assert name in NAMES
