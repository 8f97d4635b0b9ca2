"""The engine's limits (issue 14): what node throws is a catchable error here too; what would
hang or exhaust ptview ends with one line and exit 2, never a traceback."""

from __future__ import annotations

import pytest

from tui.cli import main


def _run(tmp_path, capsys, src: str, name: str = "demo.js") -> tuple[int, str, str]:
    p = tmp_path / name
    p.write_text(src)
    code = main(["--headless", str(p)])
    out, err = capsys.readouterr()
    return code, out, err


def test_390_calls_deep_with_50_nested_parentheses_each_print_what_node_prints(tmp_path, capsys):
    o, c = "(" * 50, ")" * 50
    code, out, err = _run(tmp_path, capsys, f"function f(n) {{ return n === 0 ? 50 : {o}50 + f(n - 1){c}; }}\n"
                                            "console.log(f(390));\n")
    assert (code, out, err) == (0, "19550\n", "")


def test_a_thousand_plus_terms_print_1001(tmp_path, capsys):
    code, out, _ = _run(tmp_path, capsys, "console.log(" + " + ".join(["1"] * 1001) + ");\n")
    assert (code, out) == (0, "1001\n")


def test_recursion_as_deep_as_node_allows_runs_and_deeper_is_a_catchable_range_error(tmp_path, capsys):
    code, out, _ = _run(tmp_path, capsys, """\
function r(n) { return n === 0 ? 0 : 1 + r(n - 1); }
console.log(r(10000));
function d() { d(); }
try { d(); } catch (e) { console.log(e instanceof RangeError, e.message); }
""")
    assert code == 0
    assert out == "10000\ntrue Maximum call stack size exceeded\n"


def test_string_and_array_bombs_are_range_errors_as_in_node(tmp_path, capsys):
    code, out, err = _run(tmp_path, capsys, """\
const show = (f) => { try { f(); console.log('ok'); } catch (e) { console.log(e.name + ': ' + e.message); } };
show(() => 'x'.repeat(2 ** 30));
show(() => 'x'.padStart(1e9));
const a = []; a.length = 4294967295; console.log(a.length);
show(() => a.push(1));
let s = 'ab'; show(() => { for (let i = 0; i < 40; i++) s = s + s; });
""")
    assert code == 0, err
    assert out == ("RangeError: Invalid string length\nRangeError: Invalid string length\n4294967295\n"
                   "RangeError: Invalid array length\nRangeError: Invalid string length\n")


def test_running_out_of_memory_is_one_line_and_exit_2(tmp_path, capsys):
    code, out, err = _run(tmp_path, capsys, "const a = [];\nfor (let i = 0; i < 1e9; i++) a.push('x' + i);\n")
    assert code == 2 and out == ""
    assert err == "ptview: error: demo.js: stopped at the memory limit of 256 MiB\n"


def test_an_endless_loop_is_stopped_by_the_cpu_limit_with_one_line(tmp_path, capsys, monkeypatch):
    from tui.core.script import engine

    monkeypatch.setattr(engine, "CPU_LIMIT_S", 0.5)
    code, out, err = _run(tmp_path, capsys, "console.log('before');\nwhile (true) {}\n")
    assert code == 2 and out == "before\n"
    assert err.startswith("ptview: error: demo.js: stopped after 0.5 s of CPU") and err.count("\n") == 1


def test_an_endless_loop_cannot_catch_its_way_past_the_cpu_limit(tmp_path, capsys, monkeypatch):
    from tui.core.script import engine

    monkeypatch.setattr(engine, "CPU_LIMIT_S", 0.3)
    code, out, _ = _run(tmp_path, capsys, "for (;;) { try { for (;;) {} } catch (e) { console.log('caught'); } }\n")
    assert code == 2 and out == ""


@pytest.mark.parametrize("src, message", [
    ("null.x;", "Cannot read properties of null (reading 'x')"),
    ("const o = {}; o.a.b;", "Cannot read properties of undefined (reading 'b')"),
    ("const o = {}; o.a.b = 1;", "Cannot set properties of undefined (setting 'b')"),
    ("const o = {}; o.nope();", "o.nope is not a function"),
    ("undefinedVar;", "undefinedVar is not defined"),
    ("const k = 1; k = 2;", "Assignment to constant variable."),
])
def test_v8_messages_where_node_words_them_differently_from_quickjs(tmp_path, capsys, src, message):
    code, out, _ = _run(tmp_path, capsys, f"try {{ {src} }} catch (e) {{ console.log(e.message); }}\n")
    assert (code, out) == (0, message + "\n")


def test_an_uncaught_exception_prints_like_node_and_exits_1(tmp_path, capsys):
    code, out, err = _run(tmp_path, capsys, "console.log('a');\nfunction f() {\n  throw new Error('boom');\n}\nf();\n")
    assert code == 1 and out == "a\n"
    assert err.startswith(f"{tmp_path}/demo.js:3\n  throw new Error('boom');\n  ^\n\nError: boom\n"
                          f"    at f ({tmp_path}/demo.js:3:9)\n")
    assert err.endswith("\n\nNode.js v20.20.2\n")


def test_a_process_exit_cannot_be_caught(tmp_path, capsys):
    code, out, _ = _run(tmp_path, capsys, "try { process.exit(3); } catch (e) { console.log('caught'); }\n"
                                          "console.log('after');\n")
    assert (code, out) == (3, "")


def test_a_module_ptview_does_not_model_is_refused_with_its_place(tmp_path, capsys):
    code, out, err = _run(tmp_path, capsys, "console.log('ran');\nconst http = require('http');\n")
    assert code == 2 and out == "ran\n"
    assert err.startswith("ptview: error: demo.js:2:14: http servers and requests are not supported")


def test_an_es_module_is_refused_with_the_place_of_its_first_import(tmp_path, capsys):
    code, out, err = _run(tmp_path, capsys, "// an ES module\n  import fs from 'fs';\nconsole.log(fs);\n")
    assert (code, out) == (2, "")
    assert err == "ptview: error: demo.js:2:3: ES modules (import/export) are not supported: use require()\n"


def test_a_syntax_error_prints_like_node_and_exits_1(tmp_path, capsys):
    code, out, err = _run(tmp_path, capsys, "const x = ;\n")
    assert code == 1 and out == ""
    assert err.startswith(f"{tmp_path}/demo.js:1\nconst x = ;\n          ^\n\nSyntaxError: Unexpected token ';'\n")


def test_stacks_are_formatted_on_first_read_as_v8_does(tmp_path, capsys):
    code, out, _ = _run(tmp_path, capsys, """\
class MyErr extends Error { constructor(m) { super(m); this.name = 'MyErr'; } }
console.log(new MyErr('x').stack.split('\\n')[0]);
const o = {}; Error.captureStackTrace(o); console.log(o.stack.split('\\n')[0]);
function f() { return new Error('in f').stack; }
console.log(f());
""")
    assert code == 0
    assert out == (f"MyErr: x\nError\nError: in f\n    at f ({tmp_path}/demo.js:4:23)\n"
                   f"    at Object.<anonymous> ({tmp_path}/demo.js:5:13)\n")
