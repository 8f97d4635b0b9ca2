"""A few seconds of the soak (tests/soak/soak.py runs it for minutes): seeded random firing
of every operation, good and bad arguments, random cancels; nothing raises, memory stays
flat, the counters add up and nothing is left running.
"""

from __future__ import annotations

import os
import sys

import pytest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "soak"))

import soak  # noqa: E402


def check(f: dict) -> None:
    j, t = f["jobs"], f["tasks"]
    assert f["fired"] > 100 and j["submitted"] > f["fired"]  # it really was busy
    assert f["jobs_add_up"] and j["submitted"] == j["done"] + j["failed"] + j["cancelled"] + j["in_flight"]
    assert f["tasks_add_up"] and t["submitted"] == t["done"] + t["failed"] + t["cancelled"] + f["tasks_in_flight"]
    assert t["failed"] > 0  # the bad arguments did fail, as they should
    assert f["kept_tasks"] <= 500 + f["tasks_in_flight"]  # finished tasks are forgotten past 500
    lo, hi = f["rss_settled_min_max"]
    assert hi - lo < 40, f["rss_mib"]


@pytest.mark.skipif(not os.path.exists("/proc/self/statm"), reason="reads RSS from /proc")
def test_sim_soak_for_seconds():
    f = soak.run("sim", seconds=4.0, seed=7)
    check(f)
    assert f["tasks_in_flight"] == 0 and f["jobs"]["in_flight"] == 0  # sim always drains


@pytest.mark.skipif(not os.path.exists("/proc/self/statm"), reason="reads RSS from /proc")
def test_live_soak_for_seconds():
    f = soak.run("live", seconds=4.0, seed=7, fires_per_s=150)
    check(f)
    assert f["children_left"] == 0
