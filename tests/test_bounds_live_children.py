"""Issue 14: at most MAX_LIVE_CHILDREN (8) real children at once in live mode.

Before: `--live --fire forkx40` started 40 interpreters (788 MB) and 100 presses of
`f` in the app 100 (2.4 GB). Now the headless lab refuses, in one line, a count
known up front; the app says so and forks what fits; and the runtime itself fails
a fork past the cap as Node fails one the kernel refuses (spawn EAGAIN).
"""

from __future__ import annotations

import json
import subprocess
import sys

import psutil

from tests.reliability_kit import ROOT, cli, one_line_error
from tui.app import PtviewApp
from tui.core.live.loop_io import MAX_LIVE_CHILDREN


def test_the_cap_is_eight():
    assert MAX_LIVE_CHILDREN == 8  # documented in the README (Reliability): change both


def test_headless_refuses_more_forks_than_the_cap_in_one_line():
    code, out, err = cli("--headless", "--live", "--fire", "forkx40")
    assert code == 2 and out == "" and one_line_error(err)
    assert "40 children, but live mode runs at most 8 at once" in err
    code, out, err = cli("--headless", "--live", "--fire", "forkx5", "--fire", "pbkdf2:1", "--fire", "forkx4:10")
    assert code == 2 and one_line_error(err) and "--fire forkx5 --fire forkx4:10: 9 children" in err


# Twelve forks from one callback (as the app's burst, or keys faster than the loop), each
# child staying 300 ms; the number of real children is counted by psutil at every turn of
# the loop. In a child process of its own, so that nobody else's children are counted.
_TWELVE = """
import json, sys
sys.path.insert(0, {root!r})
import psutil
from tui.core.live.driver import LiveDriver
from tui.core.live.runtime import LiveRuntime
from tui.core.ops import NodeAPI

rt = LiveRuntime(1)
driver = LiveDriver(rt)
api = NodeAPI(rt)
results = []
me = psutil.Process()

def fork():
    api.fork(lambda e, r: results.append(e.code if e else "ok"), stay_ms=300)

def main():
    rt.loop.active_handles += 1  # as the app's TTY handle: the loop stays for the last fork
    for _ in range(12):
        fork()

rt.start(main)
most = 0
while len(results) < 12 or rt.loop_io.live_children():
    driver.pump()
    most = max(most, len(me.children()))
    driver.wait(0.02)
first = list(results)
rt.post(fork)  # they are gone: there is room again
while len(results) < 13:
    driver.pump()
    driver.wait(0.02)
rt.shutdown()
print(json.dumps({{"most": most, "first": first, "again": results[12], "left": len(me.children())}}))
"""


def test_no_more_than_eight_real_children_exist_at_once():
    r = subprocess.run([sys.executable, "-c", _TWELVE.format(root=ROOT)], capture_output=True, text=True,
                       timeout=120)
    assert r.returncode == 0, r.stderr
    got = json.loads(r.stdout)
    assert got["most"] == 8  # never more, and the eight did run
    assert got["first"].count("ok") == 8 and got["first"].count("EAGAIN") == 4
    assert got["again"] == "ok" and got["left"] == 0


def _children() -> list[psutil.Process]:
    return [p for p in psutil.Process().children() if "tui.core.live.child" in " ".join(p.cmdline())]


async def test_the_app_says_so_and_does_not_fork_past_the_cap():
    app = PtviewApp(live=True, autoplay=False, pool_size=1)
    async with app.run_test(size=(100, 30)) as pilot:
        notes = []
        app.notify = lambda message, **kw: notes.append(message)
        for i in range(MAX_LIVE_CHILDREN):
            await pilot.press("f")
            for _ in range(500):  # until the key's poll callback has spawned the child
                app.driver.advance(0)
                if len(app.rt.loop_io.live_children()) > i:
                    break
                await pilot.pause(0.01)
        assert len(app.rt.loop_io.live_children()) == MAX_LIVE_CHILDREN and notes == []
        tasks = len(app.rt.tasks)
        for key in ("f", "f", "b"):  # each child stays 5 s: they are all still there
            await pilot.press(key)
            await pilot.pause()
            app.driver.advance(0)
        assert len(app.rt.tasks) == tasks  # nothing fired
        assert len(notes) == 3 and all("at most 8 children at once" in n for n in notes)
        assert len(_children()) == MAX_LIVE_CHILDREN
        await pilot.press("q")
    assert _children() == []
