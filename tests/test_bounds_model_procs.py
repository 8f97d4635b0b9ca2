"""Issue 14: a run has at most MAX_MODEL_PROCESSES (16) model processes, forks at any depth included.

`fork(__filename)` twice in a module grew without end (gigabytes: each fork is a whole
model process with its own interpreter). The count is shared by the main process and
every process forked from it (tui/core/model_procs.py, held by NodeAPI), so any script
engine's fork takes the same bound.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.reliability_kit import ROOT, cli, one_line_error
from tui.core.model_procs import MAX_MODEL_PROCESSES, ModelProcesses, ProcessLimit


def test_the_bound_is_sixteen_and_counts_the_main_process():
    assert MAX_MODEL_PROCESSES == 16  # documented in the README (Reliability): change both
    procs = ModelProcesses()
    for _ in range(15):
        procs.spawn()
    with pytest.raises(ProcessLimit):
        procs.spawn()


def test_a_module_that_forks_itself_twice_stops_at_the_bound_in_one_line(tmp_path):
    bomb = tmp_path / "bomb.js"
    bomb.write_text("const { fork } = require('child_process');\nconsole.log('up');\n"
                    "fork(__filename);\nfork(__filename);\n")
    # A process of its own with a timeout: unbounded, this grew until the machine gave up.
    r = subprocess.run([sys.executable, "-m", "tui", "--headless", str(bomb)], capture_output=True, text=True,
                       timeout=120, cwd=ROOT)
    assert r.returncode == 2 and one_line_error(r.stderr), r.stderr
    assert r.stderr.startswith("ptview: error: bomb.js:") and "at most 16 model processes" in r.stderr


@pytest.mark.parametrize("forks,code", [(15, 0), (16, 2)])
def test_fifteen_forks_run_and_the_sixteenth_is_refused(tmp_path, forks, code):
    (tmp_path / "child.js").write_text("")
    parent = tmp_path / "parent.js"
    parent.write_text("const { fork } = require('child_process');\n"
                      f"for (let i = 0; i < {forks}; i++) fork(__dirname + '/child.js');\n"
                      "process.on('exit', () => console.log('done'));\n")
    got, out, err = cli("--headless", str(parent))
    assert got == code
    if code == 0:
        assert out == "done\n" and err == ""
    else:
        assert out == "" and one_line_error(err) and err.startswith("ptview: error: parent.js:2:")
