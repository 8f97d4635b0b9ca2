"""Conformance: each tests/conformance/NAME.js prints through ptview exactly NAME.out.

The .out files are real `node` v20 output, except the scripts marked
`ptview-expected: rules` (pool timing measured with Date.now() rounds): their
output is what libuv's rules give on the model, because real node's timings
depend on the machine's cores (see the comment at the top of each).
`ptview-exit: N` marks a script whose process exit status is N (default 0).
`conformance/PENDING_ENGINE.txt` names (one a line, `#` starts the reason) the
scripts ptview does not print correctly yet: the ptview test skips them; the
node test still checks every script.
`python tests/conformance_tool.py record NAME...` records a new script's .out
(20 runs, refused if they differ); `... pending --write` regenerates the list.
"""

from __future__ import annotations

import pathlib
import re
import shutil
import subprocess

import pytest

from tui.cli import main

HERE = pathlib.Path(__file__).resolve().parent / "conformance"
SCRIPTS = sorted(HERE.glob("*.js"))
_PENDING_FILE = HERE / "PENDING_ENGINE.txt"
PENDING = ({line.split("#")[0].strip() for line in _PENDING_FILE.read_text().splitlines()} - {""}
           if _PENDING_FILE.exists() else set())


def _exit_code(src: str) -> int:
    m = re.search(r"ptview-exit: (\d+)", src)
    return int(m.group(1)) if m else 0


def test_there_are_at_least_30_conformance_scripts_each_with_its_output():
    assert len(SCRIPTS) >= 30
    assert all(p.with_suffix(".out").exists() for p in SCRIPTS)


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.stem)
def test_ptview_prints_what_node_prints(script, capsys, monkeypatch):
    if script.stem in PENDING:
        pytest.skip("listed in conformance/PENDING_ENGINE.txt")
    monkeypatch.delenv("UV_THREADPOOL_SIZE", raising=False)
    code = main(["--headless", str(script)])
    out = capsys.readouterr().out
    assert out == script.with_suffix(".out").read_text()
    assert code == _exit_code(script.read_text())


NODE = shutil.which("node")
NODE_CHECKED = [p for p in SCRIPTS if "ptview-expected: rules" not in p.read_text()]


@pytest.mark.skipif(NODE is None, reason="node is not installed")
@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.stem)
def test_committed_outputs_still_match_real_node(script):
    if script not in NODE_CHECKED:
        pytest.skip("pool timing: the .out is what libuv's rules give; real node's depends on the machine's cores")
    env = {"PATH": "/usr/bin:/bin"}
    r = subprocess.run([NODE, script.name], cwd=HERE, capture_output=True, text=True, timeout=60, env=env)
    assert r.stdout == script.with_suffix(".out").read_text()
    assert r.returncode == _exit_code(script.read_text())


def test_pending_engine_names_existing_scripts():
    assert PENDING <= {p.stem for p in SCRIPTS}


def test_rules_scripts_are_few_and_say_why():
    rules = [p for p in SCRIPTS if p not in NODE_CHECKED]
    assert 0 < len(rules) <= 8
    for p in rules:
        assert "not from node" in p.read_text() or "from libuv's rules" in p.read_text()
