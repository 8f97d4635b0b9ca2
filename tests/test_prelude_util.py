"""util.inspect / util.format of the JS prelude, byte for byte against node v20.

The expected outputs (prelude_data/inspect_expected.json) were recorded with
real node; the last test re-records them when node is on the machine."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from prelude_data import harness

DATA = Path(__file__).parent / "prelude_data"


def _load(name):
    return json.loads((DATA / f"{name}_expected.json").read_text())


INSPECT = _load("inspect")


@pytest.fixture(scope="module")
def inspect_outputs():
    cases = [{k: v for k, v in d.items() if k != "expected"} for d in INSPECT]
    return harness.quickjs_outputs(cases)


@pytest.mark.parametrize("i", range(len(INSPECT)), ids=[
    f"{d['kind']}:{d['src'][:40]}{':' + d['opts'] if 'opts' in d else ''}" for d in INSPECT])
def test_inspect_matches_node(inspect_outputs, i):
    assert inspect_outputs[i] == INSPECT[i]["expected"]


def test_at_least_150_inspect_cases():
    assert len(INSPECT) >= 150


@pytest.mark.skipif(not harness.node_available(), reason="node not installed")
def test_recorded_outputs_are_node_s():
    cases = [{k: v for k, v in d.items() if k != "expected"} for d in INSPECT]
    assert harness.node_outputs(cases) == [d["expected"] for d in INSPECT]
