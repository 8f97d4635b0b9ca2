"""Hostile text for the untrusted-text tests: a real process named to attack the terminal.

Any local user can choose a process's name (`/proc/self/comm`), a thread's
name, an argv (`exec -a`) and a file's name. Every payload below is one a
terminal obeys when sent raw: a window title (OSC 0), the clipboard (OSC 52),
a C1 CSI (U+009B, "clear screen" with `2J`), a right-to-left override that
reorders what follows (U+202E), and a byte that is not UTF-8 (0xff).
"""

from __future__ import annotations

import os
import subprocess
import sys
import unicodedata
from contextlib import contextmanager
from pathlib import Path

TITLE = b"\x1b]0;pwned\x07"
CLIPBOARD = b"\x1b]52;c;aGk=\x07"
C1_CLEAR = "\u009b2J".encode()
RLO = "\u202e".encode()

PROC_COMM = TITLE + RLO + b"\xff"  # 14 bytes: the kernel keeps 15
THREAD_COMM = CLIPBOARD + "\u009b".encode()  # 15 bytes
ARGV0 = TITLE + CLIPBOARD + C1_CLEAR + RLO + b"\xff"
SCRIPT_NAME = TITLE + RLO + b".py"  # argv[1]: what the process pane shows after the name
FIFO_NAME = b"fifo" + TITLE + "\u009b".encode() + RLO

# What shown() makes of them: the same text, made visible.
TITLE_SHOWN = "^[]0;pwned^G"
CLIPBOARD_SHOWN = "^[]52;c;aGk=^G"

_CHILD = r"""
import os, sys, threading
open("/proc/self/comm", "wb").write({proc_comm!r})
ready = threading.Event()

def named():
    with open(f"/proc/self/task/{{threading.get_native_id()}}/comm", "wb") as f:
        f.write({thread_comm!r})
    ready.set()
    if len(sys.argv) > 1:
        open(sys.argv[1], "rb")  # a FIFO with no writer: blocks in openat(2) on a hostile path
    else:
        threading.Event().wait()

threading.Thread(target=named, daemon=True).start()
ready.wait()
print("ready", flush=True)
sys.stdin.read()
"""


@contextmanager
def hostile_process(tmp_path: Path, fifo: bool = False):
    """A Python child whose argv[0], script name, process name and a thread's name are hostile;
    with `fifo`, that thread blocks opening a FIFO whose name is hostile too. Yields the Popen."""
    d = os.fsencode(tmp_path)
    with open(os.path.join(d, SCRIPT_NAME), "w") as f:
        f.write(_CHILD.format(proc_comm=PROC_COMM, thread_comm=THREAD_COMM))
    argv = [ARGV0, SCRIPT_NAME]
    if fifo:
        os.mkfifo(os.path.join(d, FIFO_NAME))
        argv.append(os.path.join(d, FIFO_NAME))
    p = subprocess.Popen(argv, executable=sys.executable, cwd=d, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    try:
        assert p.stdout.readline() == b"ready\n"  # names set: no sleep, the child says so
        yield p
    finally:
        p.kill()
        p.wait()
        p.stdin.close()
        p.stdout.close()


def bad_characters(text: str, allow: str = "\n") -> list[str]:
    """Every character a terminal could obey or that reorders text: controls but `allow`, DEL, C1,
    format (bidi) characters, line separators, and lone surrogates (undecoded bytes)."""
    bad = []
    for c in text:
        if c in allow:
            continue
        o = ord(c)
        if o < 0x20 or o == 0x7F or 0x80 <= o <= 0x9F or unicodedata.category(c) in ("Cf", "Cs", "Zl", "Zp"):
            bad.append(c)
    return bad


def assert_clean(text: str) -> None:
    bad = bad_characters(text)
    assert not bad, f"raw control characters reached the output: {sorted(set(bad))!r}"
