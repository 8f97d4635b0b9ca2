"""`ptview --compare SCRIPT.js`: the script on ptview's model and on real node, callback by callback.

Prints "same order: N callbacks" (exit 0), or the first divergence with both
sides' context (exit 1). Node runs the script RUNS times: when node itself
shows more than one order, the script is timing-dependent and is reported
as such (exit 0 when the model's order is one of node's, else 3) rather than
as a model bug. Exit 2: ptview cannot run it (no node, the model refuses the
script). The script's own output is not shown (both sides print it).
"""

from __future__ import annotations

import os
import subprocess
import sys

from tui.errors import UsageError
from tui.core.probe import compare as C
from tui.core.probe.describe import short_site
from tui.core.probe.runner import NodeRun
from tui.core.script.errors import ScriptError
from tui.core.script.runner import error_line
from tui.core.untrusted import shown

RUNS = 3
SAME, DIVERGED, ERROR, TIMING = 0, 1, 2, 3


def run_compare(args) -> int:
    from tui.commands.node_args import node_argv

    if args.headless is False and args.json:
        raise UsageError("--compare prints a report; --json is not supported with it")
    argv = node_argv(args)            # checks the script and finds node (exit 2 without)
    script = args.node_script
    try:
        with open(script, encoding="utf-8") as f:
            source = f.read()
    except (OSError, UnicodeDecodeError) as e:
        raise UsageError(f"cannot read script {script!r}: {getattr(e, 'strerror', None) or e}") from None
    try:
        model = C.model_steps(C.run_model(script, source))
    except ScriptError as e:
        print(f"{error_line(script, e)} (the model cannot run it, so there is nothing to compare)", file=sys.stderr)
        return ERROR
    runs = [C.real_steps(_run_node(argv)) for _ in range(RUNS)]
    verdict = C.judge(model, runs)
    out = sys.stdout
    name = shown(os.path.basename(script))
    if verdict.same and not verdict.timing_dependent:
        out.write(f"same order: {len(model)} callbacks ({name}, model and node over {RUNS} runs)\n")
        return SAME
    if verdict.timing_dependent:
        out.write(f"timing-dependent: node ran {name}'s callbacks in {verdict.orders} different orders "
                  f"over {RUNS} runs; ")
        if verdict.same:
            out.write(f"the model's order ({len(model)} callbacks) is one of them\n")
            return SAME
        out.write("the model's is none of them (first divergence from node's first run below)\n")
    _divergence(out, verdict)
    return TIMING if verdict.timing_dependent else DIVERGED


def _run_node(argv: list[str]) -> list[dict]:
    events: list[dict] = []
    with NodeRun(argv, on_event=lambda e: events.append(e) if e["ev"] == "callback" else None,
                 stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) as run:
        run.start()
        run.wait()
    return events


def _divergence(out, v: C.Verdict) -> None:
    at = v.at
    out.write(f"first divergence at callback {at + 1} (model {len(v.model)} callbacks, node {len(v.real)}):\n")
    for side, steps in (("model", v.model), ("node", v.real)):
        out.write(f"  {side}:\n")
        for i, s in C.context(steps, at):
            mark = ">" if i == at else " "
            if s is None:
                out.write(f"  {mark} {i + 1:5}  (no more callbacks)\n")
                continue
            site = f"  {short_site(s.site)}" if s.site else ""
            which = f" #{s.rank + 1}" if s.rank is not None else ""
            out.write(f"  {mark} {i + 1:5}  {s.kind:<9} {shown(s.what)}{which}{site}\n")
