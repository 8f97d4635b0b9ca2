"""`ptview --watch PID [--seconds S] [--json]`: sample a running process, print a summary.

Exit status: 0 after a full window or when the process exits while watched
(what was sampled is still reported, with a note on stderr); 2 for a pid that
does not exist or cannot be read; 1 if the sampler itself failed; 130 on ^C
(after printing what was sampled).
"""

from __future__ import annotations

import argparse
import json
import os
import sys

from tui.errors import UsageError
from tui.core.attach.proc_reader import ProcReader
from tui.core.attach.report import to_doc, to_text
from tui.core.attach.sampler import Sampler
from tui.core.untrusted import shown

HZ = 20.0


def _check_target(pid: int) -> None:
    if not os.path.isdir("/proc/self/task"):
        raise UsageError("--watch reads /proc and needs Linux")
    state = ProcReader().process_state(pid)
    if state is None:
        raise UsageError(f"no process with pid {pid}")
    if ProcReader().is_kernel_thread(pid):
        raise UsageError(f"pid {pid} is a kernel thread: it has no user-space threads to watch")
    if state in ("Z", "X"):
        raise UsageError(f"process {pid} has already exited (a zombie waiting for its parent)")
    try:
        os.listdir(f"/proc/{pid}/task")
    except PermissionError:
        raise UsageError(f"cannot read the threads of pid {pid}: permission denied") from None
    except FileNotFoundError:
        raise UsageError(f"no process with pid {pid}") from None


def run_watch(args: argparse.Namespace) -> int:
    pid: int = args.watch
    seconds: float = args.seconds
    _check_target(pid)
    # The report uses whole-run totals; the rolling window stays at its (bounded) default.
    sampler = Sampler(pid, hz=HZ, keep_gone=True)
    code = 0
    sampler.start()
    try:
        sampler.finished.wait(seconds)
    except KeyboardInterrupt:
        code = 130
    finally:
        sampler.stop()
    snap = sampler.snapshot()
    if snap.ended == "exited":
        print(f"ptview: process {pid} exited after {snap.elapsed_s:.1f} s; reporting what was sampled",
              file=sys.stderr)
    elif snap.ended and snap.ended.startswith("sampler error"):
        print(f"ptview: {shown(snap.ended)}", file=sys.stderr)  # an OS error may quote a path
        code = code or 1
    if snap.syscall_readable is False:
        # As root, "run as root" is no advice: then ptrace itself is fenced off (YAMA
        # ptrace_scope 3, a container without CAP_SYS_PTRACE, kernel lockdown).
        why = ("ptrace is restricted here even for root (kernel.yama.ptrace_scope, a container, lockdown)"
               if os.geteuid() == 0 else "needs ptrace permission: run as the process's user or root")
        print(f"ptview: cannot read /proc/{pid}/task/*/syscall ({why}); showing scheduler state and CPU only",
              file=sys.stderr)
    text = json.dumps(to_doc(snap, requested_s=seconds)) if args.json else to_text(snap)
    print(text, flush=True)  # a failed write: tui/stdio.py says it in one line (quiet for EPIPE)
    return code
