"""Shared by the tests/test_reliability_*.py suites: run the CLI in-process, run as nobody."""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys

from tui.cli import main

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NOBODY = 65534


def cli(*argv: str) -> tuple[int, str, str]:
    """`ptview ARGV` in this process (a fresh interpreter per run would make fuzzing 100x slower)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


def one_line_error(err: str) -> bool:
    return err.startswith("ptview: error: ") and err.count("\n") == 1 and err.endswith("\n")


def can_drop_privileges() -> bool:
    return os.geteuid() == 0 and hasattr(os, "setresuid")


# Python and its site-packages may be unreadable for nobody (a pyenv under /root): import as root,
# then drop to nobody before ptview runs, so the code under test runs with nobody's rights.
_AS_NOBODY = """
import os, sys
sys.path.insert(0, {root!r})
import encodings.idna, psutil, tui.cli, tui.lab, tui.lab_live, tui.tree_cmd, tui.core.live.runtime, tui.core.live.driver
os.setgroups([])
os.setresgid({uid}, {uid}, {uid})
os.setresuid({uid}, {uid}, {uid})
os.chdir("/")
sys.exit(tui.cli.main({argv!r}))
"""


def run_as_nobody(argv: list[str], timeout: float = 60) -> subprocess.CompletedProcess:
    code = _AS_NOBODY.format(root=ROOT, uid=NOBODY, argv=list(argv))
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=timeout)


def setpriv_nobody_python_works() -> str | None:
    """None if `setpriv` can run this Python with its packages as nobody, else why not."""
    if os.geteuid() != 0:
        return "not root: cannot switch to nobody"
    try:
        r = subprocess.run(["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups",
                            sys.executable, "-c", "import psutil, textual, aiofiles, esprima"],
                           capture_output=True, text=True, timeout=30, cwd="/")
    except (OSError, subprocess.TimeoutExpired) as e:
        return f"setpriv unavailable: {e}"
    if r.returncode != 0:
        last = (r.stderr.strip().splitlines() or ["?"])[-1]
        return f"nobody cannot run {sys.executable} with its packages here ({last})"
    return None
