"""Which command a command line asks for, and which options that command uses.

argparse accepts any mix of options; the commands each read a few. An option the chosen
command does not read used to be dropped silently (`--tree --watch 1` printed the tree,
`--serve --live` served the sim, `ptview --fire pbkdf2` opened the app without firing):
now it is one line naming both. The table is the one place that says what goes with what.
"""

from __future__ import annotations

import argparse

from tui.errors import UsageError

# The commands: the option that selects each (mode flags exclude each other).
MODE_FLAGS = ("--tree", "--watch", "--serve", "--headless", "--node", "--compare", "--present", "--check")

# command → the options it reads (besides its own mode flag).
USES: dict[str, frozenset[str]] = {
    "tree": frozenset({"--pid", "--json"}),
    "watch": frozenset({"--seconds", "--json"}),
    "serve": frozenset({"--port", "--host", "--public-url", "--seed", "--pool-size", "--sim"}),
    "lab": frozenset({"--fire", "--sim", "--live", "--pool-size", "--seed", "--json", "--summary", "--cost",
                      "--until"}),
    # script_cmd refuses --live, --fire, --summary and --until itself, with its own reasons.
    "script": frozenset({"--sim", "--live", "--fire", "--summary", "--until", "--pool-size", "--seed", "--json",
                         "--cost", "--trace", "--force"}),
    "script app": frozenset({"--sim", "--pool-size", "--seed", "--cost", "--theme"}),
    "attach": frozenset({"--pid", "--refresh", "--theme"}),
    "present": frozenset({"--record", "--theme"}),
    "check": frozenset(),
    "app": frozenset({"--sim", "--live", "--pool-size", "--seed", "--pid", "--refresh", "--theme"}),
    # Real node (tui/commands/node.py, tui/commands/compare.py): the program runs as it is, so no model options.
    "node": frozenset({"--headless", "--json", "--node-bin"}),
    "node app": frozenset({"--node-bin", "--refresh"}),
    "compare": frozenset({"--node", "--node-bin", "--headless"}),
}

# How a message names each command ("--json does nothing with --serve").
NAMED = {"tree": "--tree", "watch": "--watch", "serve": "--serve", "lab": "--headless",
         "script": "a script (--headless SCRIPT.js)", "script app": "a script in the app (ptview SCRIPT.js)",
         "attach": "--pid in the app (attach)", "present": "--present", "check": "--check",
         "app": "the app (no --headless)",
         "node": "--headless --node", "node app": "--node in the app", "compare": "--compare"}

# Where an option belongs, for the message.
FOR = {
    "--fire": "the headless lab: --headless --fire SPEC", "--summary": "the headless lab (--headless)",
    "--until": "the headless lab (--headless)", "--json": "--headless, --tree and --watch",
    "--cost": "the sim model: --headless, or a script", "--trace": "a script: --headless SCRIPT.js --trace FILE",
    "--force": "--trace", "--seconds": "--watch PID", "--port": "--serve", "--host": "--serve",
    "--public-url": "--serve: ptview --serve --public-url URL", "--refresh": "the app",
    "--pid": "--tree and the app", "--pool-size": "the lab, the app and scripts", "--seed": "the sim model",
    "--sim": "the lab and the app", "--live": "the lab and the app", "--node-bin": "--node and --compare",
    "--record": "--present TALK.toml", "--theme": "--present and the app",
}


def given(args: argparse.Namespace, parser: argparse.ArgumentParser) -> list[str]:
    """The options given a value other than their default, as their flags (--pool-size)."""
    out = []
    for action in parser._actions:
        if not action.option_strings or action.dest in ("help", "version"):
            continue
        if getattr(args, action.dest) != action.default:
            out.append(action.option_strings[0])
    return out


def mode_of(args: argparse.Namespace, parser: argparse.ArgumentParser) -> str:
    """The command this command line runs; UsageError for two commands or an option it ignores."""
    flags = given(args, parser)
    if args.compare or args.node:
        return _real_node_mode(args, flags)
    modes = [f for f in MODE_FLAGS if f in flags]
    if len(modes) > 1:
        raise UsageError(f"{modes[0]} and {modes[1]} exclude each other: give one")
    if args.script is not None and modes and modes[0] != "--headless":
        raise UsageError(f"a script and {modes[0]} exclude each other: give one")
    if args.sim and args.live:
        raise UsageError("--sim and --live exclude each other")
    if args.tree:
        mode = "tree"
    elif args.watch is not None:
        mode = "watch"
    elif args.serve:
        mode = "serve"
    elif args.present is not None:
        mode = "present"
    elif args.check is not None:
        mode = "check"
    elif args.headless:
        mode = "script" if args.script is not None else "lab"
    elif args.script is not None:
        mode = "script app"
    elif args.pid is not None and not args.sim and not args.live:
        mode = "attach"
    else:
        mode = "app"
    for flag in flags:
        if flag in MODE_FLAGS or flag in USES[mode]:
            continue
        if flag == "--trace" and args.script is None:
            raise UsageError("--trace needs a script: ptview --headless SCRIPT.js --trace FILE")
        raise UsageError(f"{flag} does nothing with {NAMED[mode]}: it is for {FOR.get(flag, 'another command')}")
    if args.force and args.trace is None:
        raise UsageError("--force does nothing without --trace FILE")
    return mode


def _real_node_mode(args: argparse.Namespace, flags: list[str]) -> str:
    """--node and --compare run a real node: --headless is their switch, not a command of its own."""
    mode = "compare" if args.compare else "node" if args.headless else "node app"
    for flag in flags:
        if flag in ("--node", "--compare") or flag in USES[mode]:
            continue
        raise UsageError(f"{flag} does nothing with {NAMED[mode]}: it is for {FOR.get(flag, 'another command')}")
    return mode
