"""Imports point one way (DESIGN.md, "Architecture"): no circles between files, the core
below everything, and the commands reached only from the command line.

Every import counts, wherever it is written: at the top, inside a function (a lazy import
is still an arrow) and under `if TYPE_CHECKING:` (a name a file needs for its types is a
name it depends on; when two files need it, it moves down, e.g. tui/core/model_host.py).
"""

from __future__ import annotations

import ast
import pathlib

ROOT = pathlib.Path(__file__).resolve().parent.parent
PACKAGES = ("tui", "widgets")
# The pieces the commands share sit below them, in the same package.
COMMAND_SHARED = {"tui.commands.terminal", "tui.commands.pid_arg", "tui.commands.node_args",
                  "tui.commands.lab_shared"}
# The one arrow from a command to another: the lab hands `--live` to its live half.
COMMAND_TO_COMMAND = {("tui.commands.lab", "tui.commands.lab_live")}


def _modules(root: pathlib.Path, packages=PACKAGES) -> dict[str, pathlib.Path]:
    mods = {}
    for pkg in packages:
        for path in (root / pkg).rglob("*.py"):
            parts = list(path.relative_to(root).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            mods[".".join(parts)] = path
    return mods


def _resolve(name: str, mods: dict) -> str | None:
    while name and name not in mods:
        name = name.rpartition(".")[0]
    return name or None


def import_graph(root: pathlib.Path = ROOT, packages=PACKAGES) -> dict[str, set[str]]:
    """module → the modules of ours it imports (a package's __init__ when that is all it names)."""
    mods = _modules(root, packages)
    graph: dict[str, set[str]] = {m: set() for m in mods}
    for name, path in mods.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
            targets = []
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package.split(".")[: len(package.split(".")) - node.level + 1]
                    module = ".".join(base + ([node.module] if node.module else []))
                else:
                    module = node.module or ""
                # `from pkg import mod` names the module mod; `from mod import name` names mod
                targets = [f"{module}.{a.name}" if f"{module}.{a.name}" in mods else module for a in node.names]
            for t in targets:
                r = _resolve(t, mods)
                if r is not None and r != name:
                    graph[name].add(r)
    return graph


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found = []
    counter = 0
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            v, it = work[-1]
            for w in it:
                if w not in index:
                    index[w] = low[w] = counter
                    counter += 1
                    stack.append(w)
                    on_stack.add(w)
                    work.append((w, iter(sorted(graph.get(w, ())))))
                    break
                if w in on_stack:
                    low[v] = min(low[v], index[w])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[v])
                if low[v] == index[v]:
                    comp = []
                    while True:
                        w = stack.pop()
                        on_stack.discard(w)
                        comp.append(w)
                        if w == v:
                            break
                    if len(comp) > 1:
                        found.append(sorted(comp))
    return found


def test_no_module_imports_itself_back_through_others():
    assert circles(import_graph()) == []


def test_the_circle_finder_finds_a_circle(tmp_path):
    # The check above could pass by finding nothing at all: show it finds a planted circle,
    # through a lazy import and a TYPE_CHECKING one.
    pkg = tmp_path / "tui"
    (pkg / "core").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "core" / "__init__.py").write_text("")
    (pkg / "core" / "a.py").write_text("from tui.core.b import B\n")
    (pkg / "core" / "b.py").write_text("def f():\n    from tui.core import c\n")
    (pkg / "core" / "c.py").write_text("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from .a import A\n")
    (pkg / "core" / "d.py").write_text("from tui.core.a import A\n")
    assert circles(import_graph(tmp_path, ("tui",))) == [["tui.core.a", "tui.core.b", "tui.core.c"]]


def test_the_core_imports_only_the_core():
    bad = [f"{m} → {t}" for m, ts in import_graph().items() if m.startswith("tui.core")
           for t in ts if not t.startswith("tui.core")]
    assert bad == []


def test_commands_are_reached_only_from_the_command_line():
    graph = import_graph()
    commands = {m for m in graph if m.startswith("tui.commands.")}
    assert {"tui.commands.app", "tui.commands.lab", "tui.commands.script", "tui.commands.tree",
            "tui.commands.watch", "tui.commands.node", "tui.commands.compare",
            "tui.commands.present"} <= commands
    bad = []
    for m, targets in graph.items():
        for t in targets & (commands - COMMAND_SHARED):
            if m == "tui.cli" or (m, t) in COMMAND_TO_COMMAND:
                continue
            bad.append(f"{m} → {t}")
    assert bad == []


def test_the_commands_shared_pieces_import_no_command():
    graph = import_graph()
    bad = [f"{m} → {t}" for m in COMMAND_SHARED for t in graph[m] if t.startswith("tui.commands.")]
    assert bad == []


def test_widgets_do_not_import_the_app_or_commands():
    # A widget renders a snapshot; the app wires it. Arrows from widgets go to the core only
    # (and to other widgets).
    graph = import_graph()
    bad = [f"{m} → {t}" for m, ts in graph.items() if m.startswith("widgets")
           for t in ts if not (t.startswith("tui.core") or t.startswith("widgets"))]
    assert bad == []
