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
    "const fs = require('fs'); fs.unlink('x', () => {});",
    "const fs = require('fs'); fs.rmSync('x');",
    "require('fs').promises.rename('x', 'y');",
    "require('http').get('http://example.com');",
    "require('net').connect(80, 'example.com');",
    "require('net').connect({ port: 80, host: '10.0.0.1' });",
    "require('net').createServer();",
    "const name = 'clu' + 'ster'; require(name);",
])
def test_dangerous_calls_are_refused_with_one_line(tmp_path, capsys, source):
    p = tmp_path / "s.js"
    p.write_text(f"require('fs');\n{source}\n")
    code = main(["--headless", str(p)])
    err = capsys.readouterr().err
    assert code == 2 and err.startswith("ptview: error: s.js:2:") and err.count("\n") == 1
    assert not pathlib.Path("/tmp/ptview-pwned").exists()


def test_writes_stay_in_memory_and_never_reach_the_disk(tmp_path, capsys):
    p = tmp_path / "s.js"
    p.write_text("const fs = require('fs');\nfs.writeFile('x', 'y', () => {});\nfs.promises.writeFile('z', 'w');\n"
                 "fs.appendFileSync('x', '!');\nfs.mkdirSync('d');\nconsole.log(fs.readFileSync('x', 'utf8'));\n")
    assert main(["--headless", str(p)]) == 0
    assert capsys.readouterr().out == "!\n"  # the async writeFile lands later, on the pool, as in node
    assert sorted(q.name for q in tmp_path.iterdir()) == ["s.js"]


def test_eval_and_function_run_inside_the_sandbox(tmp_path, capsys):
    p = tmp_path / "s.js"
    p.write_text("console.log(eval('1 + 1'), Function('return typeof require')());\n")
    assert main(["--headless", str(p)]) == 0
    assert capsys.readouterr().out == "2 undefined\n"  # a Function body sees globals, not the module's require


def test_a_computed_property_cannot_reach_a_refused_function(tmp_path, capsys):
    p = tmp_path / "s.js"
    p.write_text("const cp = require('child_process');\nconst k = 'ex' + 'ec';\ncp[k]('touch x');\n")
    code = main(["--headless", str(p)])
    assert code == 2 and "child_process.exec is not supported" in capsys.readouterr().err
    assert not (tmp_path / "x").exists()


def test_the_interpreter_never_imports_a_way_out():
    """No eval/exec/subprocess/os.system/sockets/open-for-writing in the script package. ctypes only
    in engine.py, which uses it to reach QuickJS's own C API in the binding's shared object."""
    bad = []
    for path in SCRIPT_PKG.rglob("*.py"):
        tree = ast.parse(path.read_text())
        for node in ast.walk(tree):
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
                bad += [f"{path.name}: import {n}" for n in names
                        if n.split(".")[0] in ("subprocess", "socket", "shutil", "ctypes", "multiprocessing")
                        and not (path.name == "engine.py" and n == "ctypes")]
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


def test_forking_a_missing_module_fails_in_the_child_as_in_node(tmp_path, capsys):
    p = tmp_path / "parent.js"
    p.write_text("const { fork } = require('child_process');\n"
                 "fork(__dirname + '/missing.js').on('exit', (code) => console.log('child exit', code));\n")
    assert main(["--headless", str(p)]) == 0
    out, err = capsys.readouterr()
    assert out == "child exit 1\n" and "Cannot find module" in err


def test_deep_recursion_runs_but_the_process_keeps_its_recursion_limit(tmp_path, capsys):
    import sys

    p = tmp_path / "deep.js"
    p.write_text("function f(n) { return n === 0 ? 0 : 1 + f(n - 1); }\nconsole.log(f(300));\n")
    before = sys.getrecursionlimit()
    assert main(["--headless", str(p)]) == 0
    assert capsys.readouterr().out.strip() == "300"  # 300 JS calls need far more than 1,000 Python frames
    assert sys.getrecursionlimit() == before  # raised for each step only, not for the app around it


def test_a_script_replacing_json_does_not_break_the_host(tmp_path, capsys):
    p = tmp_path / "s.js"
    p.write_text("JSON.parse = () => 42;\nJSON.stringify = () => 'x';\nconsole.log('still', [1, 2], JSON.parse('1'));\n"
                 "setTimeout(() => console.log('timer'), 1);\n")
    assert main(["--headless", str(p)]) == 0
    assert capsys.readouterr().out == "still [ 1, 2 ] 42\ntimer\n"
