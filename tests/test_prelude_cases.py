"""The JS prelude's modules, case by case, byte for byte against node v20.

Each data set's expected outputs (prelude_data/NAME_expected.json) were recorded
with real node (`python -m prelude_data.harness NAME`, from tests/); the last
test re-records them when node is on the machine. A case marked "known" is a
documented difference, expected to stay one.
"""
from __future__ import annotations

import pytest

from prelude_data import harness

SETS = [
    "assert",  # assert (AssertionError messages, throws/rejects, deep equality)
    "buffer",  # buffer (Buffer encodings, slices, numbers, errors, inspect)
    "events",  # events (EventEmitter order, errors, warnings, once/on)
    "fsstream",  # fs.ReadStream and fs.WriteStream (internal/fs/streams)
    "misc",  # util helpers, util.types, node errors, AbortController/EventTarget
    "more",  # string_decoder, querystring, structuredClone, TextEncoder/TextDecoder
    "path",  # path (POSIX)
    "path_win32",  # path.win32
    "stream",  # stream (event order of Readable, Writable, Duplex, Transform, pipe, pipeline, finished)
    "url",  # url (WHATWG URL, URLSearchParams, file URLs, legacy parse/format)
    "inspect",  # util.inspect / util.format
]
DATA = {name: harness.load_expected(name) for name in SETS}
CASES = [(name, i) for name in SETS for i in range(len(DATA[name]))]


@pytest.fixture(scope="module")
def outputs():
    return {name: harness.quickjs_outputs(harness.strip(DATA[name])) for name in SETS}


@pytest.mark.parametrize("name, i", CASES, ids=[f"{n}-{harness.case_id(DATA[n][i])}" for n, i in CASES])
def test_matches_node(outputs, name, i):
    case = DATA[name][i]
    if "known" in case:
        assert outputs[name][i] != case["expected"], "a known difference is gone: drop it from KNOWN"
        pytest.xfail(case["known"])
    assert outputs[name][i] == case["expected"]


def test_at_least_150_inspect_cases():
    assert len(DATA["inspect"]) >= 150


@pytest.mark.skipif(not harness.node_available(), reason="node not installed")
@pytest.mark.parametrize("name", SETS)
def test_recorded_outputs_are_node_s(name):
    assert harness.node_outputs(harness.strip(DATA[name])) == [d["expected"] for d in DATA[name]]
