import pathlib
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


@pytest.fixture
def live():
    """Make live runtimes (real threads) for a test: (rt, api, driver, events); all shut down after it."""
    from tui.core.live.driver import LiveDriver
    from tui.core.live.runtime import LiveRuntime
    from tui.core.ops import NodeAPI

    made = []

    def make(pool_size=4, **kw):
        rt = LiveRuntime(pool_size, **kw)
        made.append(rt)
        events: list = []
        rt.events.subscribe(events.append)
        return rt, NodeAPI(rt), LiveDriver(rt), events

    yield make
    for rt in made:
        rt.shutdown()
