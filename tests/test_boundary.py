"""The headless core must not import Textual (DESIGN.md, Architecture)."""

import ast
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
CORE = ROOT / "tui" / "core"
# Modules outside tui/core that the headless paths (lab, --tree, --watch) load.
HEADLESS_ENTRY_MODULES = ["tui.cli", "tui.commands.lab", "tui.commands.tree", "tui.commands.watch", "tui.commands.script", "tui.commands.lab_live"]


def _core_modules() -> list[str]:
    mods = []
    for path in sorted(CORE.rglob("*.py")):
        rel = path.relative_to(ROOT).with_suffix("")
        parts = list(rel.parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        mods.append(".".join(parts))
    return mods


def test_core_sources_never_name_textual():
    offenders = []
    for path in CORE.rglob("*.py"):
        tree = ast.parse(path.read_text(), filename=str(path))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for n in names:
                if n == "textual" or n.startswith("textual.") or n == "widgets" or n.startswith("widgets."):
                    offenders.append(f"{path.relative_to(ROOT)}:{node.lineno} imports {n}")
    assert offenders == []


def test_importing_the_core_does_not_load_textual():
    mods = _core_modules() + HEADLESS_ENTRY_MODULES
    assert len(mods) > 3, "the core should have modules to check"
    code = (
        "import importlib, sys\n"
        f"for m in {mods!r}:\n"
        "    importlib.import_module(m)\n"
        "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
