"""A process that starts RATE short-lived children a second until SIGUSR1, then reaps them all.

Used by tests/test_reliability_procs.py (seconds) and tests/soak/procs_churn.py (a minute):
`python tests/soak/churn.py RATE` prints "ready", then after SIGUSR1 "stopped N" once every
child is reaped, and stays (childless) until it is terminated.
"""

import os
import random
import signal
import sys
import time


def _die_with_parent() -> None:
    # If the test that started us dies without cleaning up, stop forking 200 a second for nobody.
    try:
        import ctypes
        import ctypes.util

        ctypes.CDLL(ctypes.util.find_library("c") or None).prctl(1, signal.SIGTERM, 0, 0, 0)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def main() -> None:
    _die_with_parent()
    rate = float(sys.argv[1]) if len(sys.argv) > 1 else 200.0
    stop = []
    signal.signal(signal.SIGUSR1, lambda *_: stop.append(1))
    print("ready", flush=True)
    started = reaped = 0
    t0 = time.monotonic()
    while not stop:
        due = int((time.monotonic() - t0) * rate)
        while started < due and not stop:
            if os.fork() == 0:
                time.sleep(random.uniform(0.0, 0.05))  # lives 0-50 ms: some are seen, some are not
                os._exit(0)
            started += 1
        while True:
            try:
                pid, _ = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                break
            if pid == 0:
                break
            reaped += 1
        time.sleep(0.002)
    while True:
        try:
            os.waitpid(-1, 0)
            reaped += 1
        except ChildProcessError:
            break
    print(f"stopped {started} {reaped}", flush=True)
    signal.pause()


if __name__ == "__main__":
    main()
