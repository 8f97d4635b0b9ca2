"""Every module that draws or prints goes through tui.core.untrusted, or says why it need not.

A new pane or printer fails here until it is put in one of the two lists: a
renderer that shows outside text imports `shown`/`shown_lines` (or the
`one_line` that wraps them); one that shows only ptview's own words, or labels
already made safe by a helper (`chip()`), is listed with the reason.
"""

from __future__ import annotations

import ast
import pathlib
import re

ROOT = pathlib.Path(__file__).resolve().parent.parent
SCANNED = ["widgets/*.py", "tui/*.py", "tui/screens/*.py"]
# Draws (Rich/Textual) or prints: what makes a module a renderer.
RENDERS = re.compile(r"^(from|import) (rich|textual)\b|\bprint\(|\.write\(", re.M)

# Modules that show text from outside ptview: each must import the sanitiser.
SHOWS_OUTSIDE_TEXT = {
    "widgets/attach_view.py": "thread names, paths a thread blocks on",
    "widgets/code_view.py": "script source, its file name",
    "widgets/event_log.py": "event descriptions quoting paths, hosts, errors",
    "widgets/proc_tree.py": "process and thread names, command lines",
    "widgets/script_output.py": "script stdout",
    "widgets/style.py": "chip(): every queue and worker label",
    "tui/app.py": "status line: task labels, script function names and errors",
    "tui/attach_app.py": "activity log and status: paths, sampler errors",
    "tui/cli.py": "error lines echoing the command line",
    "tui/commands/lab_shared.py": "timeline and summary: labels with paths and hosts",
    "tui/pane_app.py": "pane titles (a script's name), the screenshot path",
    "tui/commands/script.py": "error lines: a script's uncaught error, its name",
    "tui/commands/watch.py": "sampler errors",
    "tui/screens/fire_dialog.py": "the argument box and its refusal",
    "tui/screens/task_details.py": "a task's label and life",
    "tui/screens/why.py": "the selected task's label",
    "tui/node_app.py": "the real program's name, its output, its callbacks' sites",
    "tui/commands/node.py": "the timeline of a real program: its files in creation sites",
    "tui/commands/compare.py": "both sides' callbacks with the program's sites",
    "widgets/real_view.py": "request kinds and labels of a real program",
    "tui/present_app.py": "talk captions and titles (the talk author's), the script's name",
    "tui/commands/present.py": "--check's line quoting the talk's path and values",
}
# Modules that draw only ptview's own words, or labels chip() already made safe.
OWN_TEXT_ONLY = {
    "widgets/key_bar.py": "key names and binding descriptions",
    "widgets/loop_view.py": "labels only through chip()",
    "widgets/pool_view.py": "labels only through chip()",
    "widgets/status_line.py": "draws the Text its callers built with shown()",
    "widgets/timeline.py": "task numbers and times",
    "tui/commands/lab.py": "runs the lab; lab_shared prints",
    "tui/commands/tree.py": "prints tui.core.procs.tree.render_text(), which uses shown()",
    "tui/screens/help.py": "ptview's own help",
    "tui/screens/node_help.py": "ptview's own help for --node",
    "tui/themes.py": "colours only, no text",
    "tui/ascii_driver.py": "re-encodes, cell for cell, what the app already made safe",
    "tui/span_update.py": "sends the cells of strips the widgets already made safe, cropped",
    "tui/record_driver.py": "copies into the cast the bytes Textual already sends the terminal, nothing more",
    "tui/stdio.py": "passes a headless script's stdout through exactly, as node prints it; say() prints "
                    "lines its callers built",
}
CORE_PRINTERS = ["tui/core/procs/tree.py", "tui/core/attach/report.py", "tui/core/errors.py"]


def _imports_sanitiser(path: pathlib.Path) -> bool:
    tree = ast.parse(path.read_text())
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module in ("tui.core.untrusted", "tui.core.errors"):
            if any(a.name in ("shown", "shown_lines", "one_line") for a in node.names):
                return True
    return False


def test_every_renderer_is_classified():
    renderers = {str(p.relative_to(ROOT)) for g in SCANNED for p in ROOT.glob(g)
                 if RENDERS.search(p.read_text())}
    unclassified = renderers - SHOWS_OUTSIDE_TEXT.keys() - OWN_TEXT_ONLY.keys()
    assert not unclassified, f"new renderers: say whether they show outside text: {sorted(unclassified)}"


def test_renderers_of_outside_text_import_the_one_sanitiser():
    missing = [m for m in [*SHOWS_OUTSIDE_TEXT, *CORE_PRINTERS] if not _imports_sanitiser(ROOT / m)]
    assert not missing, f"these show outside text without tui.core.untrusted: {missing}"


def test_names_and_command_lines_from_proc_are_decoded_exactly():
    # --json must carry exact values: the readers keep undecodable bytes (surrogateescape, exact());
    # shown() replaces them on a screen. A "replace" decode here would lose them before --json.
    scanner = (ROOT / "tui/core/procs/scanner.py").read_text()
    assert "exact(a) for a in raw" in scanner and "exact(data[lp + 1 : rp])" in scanner
    assert '"replace"' not in scanner
    reader = (ROOT / "tui/core/attach/proc_reader.py").read_text()
    for what in ("exact(a) for a in raw", "exact(_read_small(f\"{self.root}/{pid}/task/{tid}/comm\"))",
                 "exact(data[:end])"):  # argv, a thread's comm, a path read from the process's memory
        assert what in reader, what
