"""ptview (sim) with 10,000 pbkdf2 queued behind four busy workers: the flood for run.py.

    python bench/flood_app.py [--jobs 10000]

The jobs are fired as one keypress would fire them (a TTY read in the poll
phase), before the first frame; each takes ~0.5 s of model time, so the
queue stays full for the whole measurement.
"""

from __future__ import annotations

import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--jobs", type=int, default=10_000)
    a = ap.parse_args()
    from tui.app import PtviewApp
    from tui.core.callbacks import Callback

    app = PtviewApp(live=False, seed=1)

    def flood() -> None:
        for _ in range(a.jobs):
            app.api.pbkdf2(750_000)

    app.rt.loop.io_ready_now(Callback(flood, "bench: flood", op="tty.keypress", cost=0.02))
    app.run()


if __name__ == "__main__":
    main()
