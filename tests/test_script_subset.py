"""Scripts outside the subset are refused before anything runs: one line, line:column, exit 2."""

from __future__ import annotations

import pytest

from tui.cli import main


def _run(tmp_path, capsys, source: str, *extra: str):
    p = tmp_path / "script.js"
    p.write_text(source)
    code = main(["--headless", str(p), *extra])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("source,message", [
    ("console.log('ran');\nclass A {}\n", "script.js:2:1: class declarations are not supported"),
    ("console.log('ran');\nconst x = a ?? 1;\n", "script.js:2:13: nullish coalescing (??) is not supported"),
    ("console.log('ran');\nconst o = {};\no?.p;\n", "script.js:3:2: optional chaining (?.) is not supported"),
    ("import fs from 'fs';\n", "script.js:1:1: ES modules (import/export) are not supported: use require()"),
    ("console.log('ran');\nconst r = /x+/;\n", "script.js:2:11: regular expressions are not supported"),
    ("function* g() {}\n", "script.js:1:1: generator functions are not supported"),
    ("const o = { get x() { return 1; } };\n", "script.js:1:13: getters are not supported"),
    ("console.log('ran');\n  fetch('x');\n", "script.js:2:3: 'fetch' is not supported (not a global ptview provides)"),
    ("require('http');\n", "script.js:1:9: require('http') is not supported"),
    ("const s = new Set();\n", "script.js:1:11: new is only supported for Promise, Error, TypeError, RangeError and Array"),
    ("console.log('ran');\n[1].flatMap((x) => x);\n", "script.js:2:5: '.flatMap' is not supported"),
    ("console.log('ran');\nlet x = ;\n", "script.js:2:9: syntax error: Unexpected token ;"),
])
def test_outside_the_subset_is_one_line_with_line_and_column_and_nothing_runs(tmp_path, capsys, source, message):
    code, out, err = _run(tmp_path, capsys, source)
    assert code == 2
    assert out == ""  # the console.log before the construct never ran
    assert err.count("\n") == 1 and err.startswith("ptview: error: ")
    assert message in err
    assert "Traceback" not in err


def test_an_infinite_loop_is_stopped_by_the_step_budget(tmp_path, capsys):
    code, out, err = _run(tmp_path, capsys, "console.log('before');\nwhile (true) {\n  let x = 1;\n}\n")
    assert code == 2
    assert out == "before\n"
    assert err.count("\n") == 1
    assert "step budget" in err and "infinite loop" in err and "script.js:" in err


def test_a_timer_that_never_stops_is_stopped_by_a_budget(tmp_path, capsys):
    code, out, err = _run(tmp_path, capsys, "let n = 0;\nsetInterval(() => { n++; }, 1000);\n")
    assert code == 2 and err.count("\n") == 1
    assert "a timer that never stops" in err


def test_busy_wait_ends_and_costs_model_time(tmp_path, capsys):
    src = "const s = Date.now();\nlet i = 0;\nwhile (Date.now() - s < 50) { i++; }\nconsole.log(Date.now() - s >= 50, i > 100);\n"
    code, out, err = _run(tmp_path, capsys, src)
    assert (code, out, err) == (0, "true true\n", "")


def test_uncaught_exception_is_exit_1_with_one_line_on_stderr(tmp_path, capsys):
    code, out, err = _run(tmp_path, capsys, "console.log('a');\nconst o = null;\no.length;\n")
    assert code == 1 and out == "a\n"
    assert err.count("\n") == 1 and "TypeError: Cannot read properties of null (reading 'length')" in err


def test_missing_script_is_a_usage_error(tmp_path, capsys):
    code = main(["--headless", str(tmp_path / "nope.js")])
    assert code == 2 and "nope.js: no such file" in capsys.readouterr().err


def test_script_and_fire_exclude_each_other(tmp_path, capsys):
    p = tmp_path / "s.js"
    p.write_text("")
    assert main(["--headless", str(p), "--fire", "pbkdf2"]) == 2
    assert "not both" in capsys.readouterr().err


def test_the_script_is_an_optional_positional_argument():
    from tui.cli import build_parser

    assert build_parser().parse_args(["demo.js"]).script == "demo.js"
    assert build_parser().parse_args(["--headless", "--fire", "pbkdf2"]).script is None
