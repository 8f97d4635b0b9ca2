"""README's promises, checked on the source: ptview writes only what it is asked to write,
never hands user text to a shell, and signals only the children it started."""

from __future__ import annotations

import ast
import pathlib

ROOT = pathlib.Path(__file__).resolve().parent.parent
SOURCES = sorted(p for d in ("tui", "widgets") for p in (ROOT / d).rglob("*.py"))

SHELL = {"system", "popen", "create_subprocess_shell", "execl", "execlp", "spawnl", "spawnlp"}
DELETE = {"remove", "unlink", "rmdir", "removedirs", "rmtree", "rename", "replace", "truncate"}
SIGNALS = {"kill", "killpg", "send_signal", "terminate", "pidfd_send_signal"}
WRITE_FLAGS = {"O_WRONLY", "O_RDWR", "O_CREAT", "O_TRUNC", "O_APPEND"}
# file → why it may do that
ALLOWED_WRITES = {"tui/core/trace.py": "--trace FILE: the user names the file",
                  "tui/trace_file.py": "--trace FILE: the user names the file (O_EXCL unless --force)",
                  "tui/stdio.py": "fd 1 or 2 themselves, reopened when ptview was started with them closed",
                  "tui/core/asciicast.py": "--record FILE.cast: the user names the file (O_EXCL, never replaced)"}
ALLOWED_DEVNULL = {"tui/stdio.py"}  # placeholders on closed fds; stdout → /dev/null after a failed write
ALLOWED_SIGNALS = {"tui/core/live/loop_io.py": "its own fork children (Popen objects it made), on shutdown",
                   "tui/core/probe/runner.py": "the node it started for --node/--compare (its own Popen), on stop"}


def calls(tree):
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            f = node.func
            name = f.attr if isinstance(f, ast.Attribute) else getattr(f, "id", None)
            yield node, name


def rel(p: pathlib.Path) -> str:
    return p.relative_to(ROOT).as_posix()


def test_no_shell_anywhere():
    bad = []
    for p in SOURCES:
        for node, name in calls(ast.parse(p.read_text())):
            if name in SHELL or any(k.arg == "shell" for k in node.keywords):
                bad.append(f"{rel(p)}:{node.lineno} {name}")
    assert bad == []


def _deletes(node, name) -> bool:
    f = node.func
    base = f.value.id if isinstance(f, ast.Attribute) and isinstance(f.value, ast.Name) else None
    # list.remove and str.replace are fine; os.remove, shutil.rmtree and Path.unlink are not.
    return (name in DELETE and base in ("os", "shutil")) or name in ("unlink", "rmdir", "rmtree")


def test_nothing_deletes_or_renames_files():
    bad = [f"{rel(p)}:{n.lineno} {name}" for p in SOURCES for n, name in calls(ast.parse(p.read_text()))
           if _deletes(n, name)]
    assert bad == []


def test_writes_only_where_the_user_asked():
    bad = []
    for p in SOURCES:
        tree = ast.parse(p.read_text())
        for node, name in calls(tree):
            mode = None
            if name == "open" and len(node.args) >= 2 and isinstance(node.args[1], ast.Constant):
                mode = node.args[1].value
            for k in node.keywords:
                if k.arg == "mode" and isinstance(k.value, ast.Constant):
                    mode = k.value.value
            if isinstance(mode, str) and set(mode) & set("wax+") and rel(p) not in ALLOWED_WRITES:
                bad.append(f"{rel(p)}:{node.lineno} open mode {mode!r}")
            if name in ("write_text", "write_bytes"):
                bad.append(f"{rel(p)}:{node.lineno} {name}")
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and node.attr in WRITE_FLAGS and rel(p) not in ALLOWED_DEVNULL | set(ALLOWED_WRITES):
                bad.append(f"{rel(p)}:{node.lineno} {node.attr}")
    assert bad == []


# `terminate` is also worker_threads' own word: ending a model Worker (a loop, a thread of ptview's
# own) sends no OS signal. These files may call a `terminate` (and nothing else of SIGNALS).
MODEL_TERMINATE = {"tui/app.py": "the K key: Workers.terminate() on a model Worker",
                   "tui/core/script/worker.py": "a script's worker.terminate(): its run ends",
                   "tui/core/script/host_worker.py": "the host of a script's worker.terminate()",
                   "tui/core/script/runner.py": "a Worker's run ends where it is"}


def test_signals_only_from_the_code_that_owns_the_children():
    where = {rel(p) for p in SOURCES for _, name in calls(ast.parse(p.read_text()))
             if name in SIGNALS and not (name == "terminate" and rel(p) in MODEL_TERMINATE)}
    assert where <= set(ALLOWED_SIGNALS), where - set(ALLOWED_SIGNALS)
