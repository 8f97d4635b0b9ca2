"""The headless lab: fire operations at the model, run until the loop is idle, print.

`ptview --headless --fire pbkdf2x5` prints the timeline (text, or JSON lines
with --json) or only a summary (--summary). The fires form the main module:
they all run synchronously at t=0, in order, as a script's top level would.
"""

from __future__ import annotations

import sys
import time

from tui.commands.lab_shared import attach_printer, main_module, parse_costs, pool_size, print_summary, run_main_module
from tui.core.runtime import Runtime
from tui.core.sim_work import SimWork
from tui.core.spec import SpecError, parse_specs
from tui.errors import UsageError


def run_lab(args) -> int:
    if not args.fire:
        raise UsageError("nothing to run: give at least one --fire SPEC (e.g. --fire pbkdf2x5)")
    try:
        specs = parse_specs(args.fire)
    except SpecError as e:
        raise UsageError(str(e)) from None
    costs = parse_costs(args.cost)
    if args.live:
        from tui.commands.lab_live import run_live

        return run_live(args, specs, costs)
    rt = Runtime(pool_size(args), work=SimWork(args.seed, costs))
    out = sys.stdout
    printer = attach_printer(args, rt, out, f"sim · pool of {rt.pool.size} · seed {args.seed}")
    wall0 = time.perf_counter()
    rt.start(main_module(rt, specs))
    run_main_module(rt)
    ended = rt.run(until=args.until)
    print_summary(args, rt, ended, time.perf_counter() - wall0, printer, out)
    return 0
