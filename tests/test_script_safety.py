"""Scripts cannot spawn, write, delete, evaluate code or reach the network (issue 6, Safety)."""

from __future__ import annotations

import ast
import pathlib

import pytest

from tui.cli import main

ROOT = pathlib.Path(__file__).resolve().parent.parent
SCRIPT_PKG = ROOT / "tui" / "core" / "script"


@pytest.mark.parametrize("source", [
    "require('child_process').exec('touch /tmp/ptview-pwned')",
    "const { execSync } = require('child_process'); execSync('id');",
    "const cp = require('child_process'); cp.spawn('sh');",
    "require('fs').writeFile('x', 'y', () => {});",
    "const fs = require('fs'); fs.unlink('x', () => {});",
    "const fs = require('fs'); fs.promises.writeFile('x', 'y');",
    "eval('1 + 1');",
    "Function('return 1')();",
    "require('http').get('http://example.com');",
    "require('net').connect(80, 'example.com');",
    "require('net').connect({ port: 80, host: '10.0.0.1' });",
    "const name = 'child_' + 'process'; require(name);",
])
def test_dangerous_calls_are_refused_before_anything_runs(tmp_path, capsys, source):
    marker = tmp_path / "ran"
    p = tmp_path / "s.js"
    p.write_text(f"require('fs');\n{source}\n")
    code = main(["--headless", str(p)])
    err = capsys.readouterr().err
    assert code == 2 and err.startswith("ptview: error: s.js:2:")
    assert not marker.exists()


def test_a_computed_property_cannot_reach_a_refused_function(tmp_path, capsys):
    p = tmp_path / "s.js"
    p.write_text("const cp = require('child_process');\nconst k = 'ex' + 'ec';\ncp[k]('touch x');\n")
    code = main(["--headless", str(p)])
    err = capsys.readouterr().err
    assert code == 1 and "is not a function" in err  # the module object simply has nothing to call
    assert not (tmp_path / "x").exists()


def test_the_interpreter_never_imports_a_way_out():
    """No eval/exec/subprocess/os.system/sockets/open-for-writing in the script package."""
    bad = []
    for path in SCRIPT_PKG.rglob("*.py"):
        tree = ast.parse(path.read_text())
        for node in ast.walk(tree):
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
                bad += [f"{path.name}: import {n}" for n in names
                        if n.split(".")[0] in ("subprocess", "socket", "shutil", "ctypes", "multiprocessing")]
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("eval", "exec"):
                bad.append(f"{path.name}:{node.lineno} {node.func.id}()")
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
                on_os = isinstance(node.func.value, ast.Name) and node.func.value.id == "os"
                if (on_os and node.func.attr in ("system", "popen", "remove", "unlink", "rmdir", "rename",
                                                 "execv", "execvp", "fork", "kill", "spawnv")) \
                        or node.func.attr in ("write_text", "write_bytes", "unlink"):
                    bad.append(f"{path.name}:{node.lineno} .{node.func.attr}()")
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "open":
                modes = [getattr(a, "value", None) for a in node.args[1:2]]
                modes += [getattr(k.value, "value", None) for k in node.keywords if k.arg == "mode"]
                if any(not isinstance(m, str) or set(m) & set("wax+") for m in modes):
                    bad.append(f"{path.name}:{node.lineno} open() not read-only")
    assert bad == []


def test_connecting_to_a_port_that_listens_is_refused_not_faked(tmp_path, capsys):
    import socket

    srv = socket.socket()
    srv.bind(("127.0.0.1", 0))
    srv.listen(1)
    try:
        port = srv.getsockname()[1]
        p = tmp_path / "s.js"
        p.write_text(f"const net = require('net');\nconst s = net.connect({port}, '127.0.0.1');\n")
        code = main(["--headless", str(p)])
        err = capsys.readouterr().err
        assert code == 2 and f"s.js:2:" in err and "where something listens, is not supported" in err
    finally:
        srv.close()


def test_a_forked_module_is_checked_before_anything_runs(tmp_path, capsys):
    (tmp_path / "child.js").write_text("console.log('child');\nclass C {}\n")
    p = tmp_path / "parent.js"
    p.write_text("console.log('parent');\nrequire('child_process').fork(__dirname + '/child.js');\n")
    code = main(["--headless", str(p)])
    out, err = capsys.readouterr()
    assert code == 2 and out == ""
    assert err == "ptview: error: child.js:2:1: class declarations are not supported\n"


@pytest.mark.parametrize("arg,message", [
    ("process.argv[1]", "fork's module must be a string literal"),
    ("__dirname + '/missing.js'", "fork: cannot read"),
])
def test_fork_needs_a_module_known_and_readable_up_front(tmp_path, capsys, arg, message):
    p = tmp_path / "parent.js"
    p.write_text(f"const {{ fork }} = require('child_process');\nfork({arg});\n")
    assert main(["--headless", str(p)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("ptview: error: parent.js:2:6: ") and message in err


def test_deep_recursion_runs_but_the_process_keeps_its_recursion_limit(tmp_path, capsys):
    import sys

    p = tmp_path / "deep.js"
    p.write_text("function f(n) { return n === 0 ? 0 : 1 + f(n - 1); }\nconsole.log(f(300));\n")
    before = sys.getrecursionlimit()
    assert main(["--headless", str(p)]) == 0
    assert capsys.readouterr().out.strip() == "300"  # 300 JS calls need far more than 1,000 Python frames
    assert sys.getrecursionlimit() == before  # raised for each step only, not for the app around it
