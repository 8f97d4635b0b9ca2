"""Issue 14: `--trace FILE` never destroys a file by accident and says why it will not write."""

from __future__ import annotations

import errno
import json
import os

import pytest

from reliability_kit import cli, one_line_error
from tui import trace_file


@pytest.fixture
def here(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "s.js").write_text('console.log("out"); setTimeout(() => {}, 2);\n')
    return tmp_path


@pytest.mark.parametrize("argv,needle", [
    (["--trace", ""], "--trace '' is empty"),
    (["--trace", "s.js", "--force"], "is the script itself"),
    (["--trace", "hard.js", "--force"], "is the script itself"),   # a hard link: same inode, other name
    (["--trace", "old.json"], "'old.json' exists: add --force"),
    (["--trace", "link.json"], "is a symbolic link"),
    (["--trace", "link.json", "--force"], "is a symbolic link"),
    (["--trace", "dir"], "is a directory"),
    (["--trace", "old.json/t.json"], "is not a directory"),
    (["--trace", "-", "--json"], "both write to stdout"),
])
def test_a_trace_target_that_would_destroy_or_mislead_is_refused(here, argv, needle):
    (here / "old.json").write_text("keep me")
    os.link(here / "s.js", here / "hard.js")
    os.symlink(here / "victim.txt", here / "link.json")
    (here / "dir").mkdir()
    code, out, err = cli("--headless", "s.js", *argv)
    assert code == 2 and out == "" and one_line_error(err) and needle in err, err
    assert (here / "old.json").read_text() == "keep me"
    assert (here / "s.js").read_text().startswith("console.log")
    assert not (here / "victim.txt").exists()


def test_force_replaces_an_existing_trace(here):
    (here / "old.json").write_text("stale")
    code, out, err = cli("--headless", "s.js", "--trace", "old.json", "--force")
    assert code == 0 and out == "out\n", err
    assert "traceEvents" in json.loads((here / "old.json").read_text())


def test_dash_is_stdout_with_the_trace_alone(here):
    code, out, err = cli("--headless", "s.js", "--trace", "-")
    assert code == 0 and err == "out\n"  # the script's own output moves to stderr: stdout stays JSON
    assert "traceEvents" in json.loads(out)


def test_a_file_or_link_that_appears_after_the_check_is_not_followed_or_clobbered(tmp_path):
    # The check runs before the script; the open at the end is O_EXCL|O_NOFOLLOW: no race.
    p = tmp_path / "t.json"
    trace_file.check(str(p), False, None)
    p.write_text("appeared")
    with pytest.raises(OSError) as e:
        trace_file.open_for_writing(str(p), False)
    assert e.value.errno == errno.EEXIST and p.read_text() == "appeared"
    link = tmp_path / "l.json"
    os.symlink(tmp_path / "victim", link)
    with pytest.raises(OSError) as e:
        trace_file.open_for_writing(str(link), True)
    assert e.value.errno == errno.ELOOP and not (tmp_path / "victim").exists()
