"""path.win32 of the JS prelude, byte for byte against node v20.

The expected outputs (prelude_data/path_win32_expected.json) were recorded with
real node (python -m prelude_data.harness path_win32, from tests/); the last test
re-records them when node is on the machine."""
from __future__ import annotations

import pytest

from prelude_data import harness

DATA = harness.load_expected("path_win32")


@pytest.fixture(scope="module")
def outputs():
    return harness.quickjs_outputs(harness.strip(DATA))


@pytest.mark.parametrize("i", range(len(DATA)), ids=[harness.case_id(d) for d in DATA])
def test_matches_node(outputs, i):
    if "known" in DATA[i]:
        assert outputs[i] != DATA[i]["expected"], "a known difference is gone: drop it from KNOWN"
        pytest.xfail(DATA[i]["known"])
    assert outputs[i] == DATA[i]["expected"]


@pytest.mark.skipif(not harness.node_available(), reason="node not installed")
def test_recorded_outputs_are_node_s():
    assert harness.node_outputs(harness.strip(DATA)) == [d["expected"] for d in DATA]
