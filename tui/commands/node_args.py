"""The node command line ptview runs for --node and --compare, from ptview's own options."""

from __future__ import annotations

import os

from tui.core.probe.runner import NodeMissing, find_node, probe_command
from tui.errors import UsageError


# node options whose value is the next argument (not the script): `-r mod`, `--import mod`…
FLAGS_WITH_VALUE = frozenset({"-r", "--require", "--import", "--loader", "--experimental-loader", "-C",
                              "--conditions", "--env-file", "--input-type", "--title", "--inspect-port",
                              "--stack-size", "--max-old-space-size", "--max-semi-space-size"})
EVAL_FLAGS = frozenset({"-e", "--eval", "-p", "--print", "-i", "--interactive"})


def split_command(argv: list[str]) -> tuple[list[str], list[str] | None]:
    """`… --node -- node [FLAGS] SCRIPT [ARGS]`: ptview's options before `--`, node's command line after."""
    if "--" in argv:
        i = argv.index("--")
        if "--node" in argv[:i] or "--compare" in argv[:i]:
            return argv[:i], argv[i + 1:]
    return argv, None


def node_argv(args) -> list[str]:
    """The full node command line, probe included, from the parsed options."""
    command = getattr(args, "node_command", None)
    if command is not None:
        if not command:
            raise UsageError("nothing after '--': give the node command line, e.g. -- node --inspect app.js")
        if args.script is not None:
            raise UsageError("give the script either before '--' or in the command after it, not both")
        node_bin = args.node_bin or command[0]
        rest = command[1:]
        flags = []
        while rest and rest[0].startswith("-"):
            flag = rest.pop(0)
            if flag in EVAL_FLAGS:
                raise UsageError(f"node {flag} runs code from the command line: ptview probes a script file")
            flags.append(flag)
            if flag in FLAGS_WITH_VALUE and rest:
                flags.append(rest.pop(0))
        if not rest:
            raise UsageError("the node command after '--' names no script (ptview probes a script, not a REPL)")
        script, extra = rest[0], rest[1:]
    else:
        if args.script is None:
            raise UsageError("--node needs a script: ptview --node SCRIPT.js (or --node -- node [FLAGS] SCRIPT.js)")
        node_bin, flags, script, extra = args.node_bin, [], args.script, []
    _check_script(script)
    try:
        node = find_node(node_bin)
    except NodeMissing as e:
        raise UsageError(str(e)) from None
    argv = probe_command(node, flags, [script, *extra])
    args.node_script = script  # for --compare, which runs the same file on the model
    return argv


def _check_script(path: str) -> None:
    if not os.path.exists(path):
        raise UsageError(f"cannot open script {path!r}: no such file")
    if os.path.isdir(path):
        raise UsageError(f"cannot open script {path!r}: it is a directory")
