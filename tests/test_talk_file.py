"""Talk files (issue 16): parsed with their lines, every beat reached, `--check` in one line."""

from __future__ import annotations

import textwrap

import pytest

from tui.cli import main
from tui.core.talk.check import check_talk, plan_scene
from tui.core.talk.load import load_talk
from tui.core.talk.model import TalkError
from tui.core.talk.positions import Positions
from tui.core.talk.scene_run import SceneRun

GOOD = '''\
title = "t"

[[scene]]
title = "five pbkdf2"
fire = ["pbkdf2x5:1000"]

[[scene.beat]]
until = "step 0"
caption = "nothing ran yet"

[[scene.beat]]
until = "pool full"
caption = "four busy, one queued"

[[scene.beat]]
until = "done crypto.pbkdf2"
caption = "one is back"

[[scene.beat]]
until = "end"
caption = """the loop exits
when nothing is left"""

[[scene]]
title = "a script"
js = """
const fs = require('fs');
fs.readFile(__filename, () => console.log('read'));
setImmediate(() => console.log('imm'));
"""

[[scene.beat]]
until = "callback setImmediate"
caption = "check before poll's completion"

[[scene.beat]]
until = "callback fs.readFile"
caption = "readFile's own callback, after four jobs"

[[scene.beat]]
until = "output read"
caption = "it printed"
'''


def write(tmp_path, text: str, name: str = "talk.toml") -> str:
    p = tmp_path / name
    p.write_text(textwrap.dedent(text))
    return str(p)


def check_line(tmp_path, text: str) -> str:
    with pytest.raises(TalkError) as e:
        check_talk(write(tmp_path, text))
    return str(e.value)


def test_a_good_talk_is_read_and_each_beat_gets_its_step(tmp_path):
    talk, plans = check_talk(write(tmp_path, GOOD))
    assert [s.title for s in talk.scenes] == ["five pbkdf2", "a script"]
    assert talk.scenes[0].beats[3].caption == "the loop exits\nwhen nothing is left"
    steps = plans[0]
    assert steps[0] == 0 and steps[1] == 1  # the main module filled the pool in its one step
    assert steps[1] < steps[2] < steps[3]
    assert plans[1] == sorted(plans[1]) and plans[1][0] >= 2  # the main module, then the immediate


def test_a_beat_shows_the_state_its_condition_names(tmp_path):
    path = write(tmp_path, GOOD)
    talk, plans = check_talk(path)
    run = SceneRun(talk.scenes[0], str(tmp_path))
    run.goto(plans[0][1])
    assert all(w.job is not None for w in run.rt.pool.workers)
    assert len(run.rt.snapshot().queue) == 1
    run = SceneRun(talk.scenes[1], str(tmp_path))
    run.goto(plans[1][1])
    assert run.where.label.startswith("fs.readFile") and run.output == "imm\nread\n"


def test_check_prints_ok_and_exits_0(tmp_path, capsys):
    assert main(["--check", write(tmp_path, GOOD)]) == 0
    assert "ok: 2 scenes, 7 beats" in capsys.readouterr().out


@pytest.mark.parametrize("text, line, words", [
    ('title = "t"\n[[scene]\n', 2, "not valid TOML"),
    ('title = "t"\nspeakr = "me"\n[[scene]]\ntitle="a"\nfire=["nextTick"]\n[[scene.beat]]\nuntil="end"\n'
     'caption="c"\n', 2, "unknown key 'speakr'"),
    ('title = "t"\n', 1, "at least one [[scene]]"),
    ('title = "t"\n[[scene]]\ntitle="a"\nfire=["nextTick"]\n', 2, "at least one [[scene.beat]]"),
    ('title = "t"\n[[scene]]\ntitle="a"\nfire=["pbkdf2x0"]\n[[scene.beat]]\nuntil="end"\ncaption="c"\n',
     4, "count must be"),
    ('title = "t"\n[[scene]]\ntitle="a"\nscript="nowhere.js"\n[[scene.beat]]\nuntil="end"\ncaption="c"\n',
     4, "not found"),
    ('title = "t"\n[[scene]]\ntitle="a"\nfire=["nextTick"]\npanes=[["code"]]\n[[scene.beat]]\nuntil="end"\n'
     'caption="c"\n', 5, "needs a script scene"),
    ('title = "t"\n[[scene]]\ntitle="a"\nfire=["nextTick"]\npool_size=0\n[[scene.beat]]\nuntil="end"\n'
     'caption="c"\n', 5, "pool_size"),
])
def test_each_mistake_is_named_on_its_line(tmp_path, text, line, words):
    msg = check_line(tmp_path, text)
    assert msg.startswith(f"talk.toml:{line}: "), msg
    assert words in msg


def test_a_bad_until_is_refused_on_its_own_line_after_a_multiline_caption(tmp_path):
    text = GOOD.replace('until = "output read"', 'until = "output"')
    msg = check_line(tmp_path, text)
    want = text.splitlines().index('until = "output"') + 1
    assert msg.startswith(f"talk.toml:{want}: ") and "output TEXT" in msg


def test_a_beat_that_never_happens_is_refused_with_its_line(tmp_path, capsys):
    text = GOOD + '\n[[scene.beat]]\nuntil = "phase timers x50"\ncaption = "never"\n'
    path = write(tmp_path, text)
    assert main(["--check", path]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    want = text.splitlines().index('until = "phase timers x50"') + 1
    assert len(err) == 1 and err[0].startswith(f"talk.toml:{want}: scene 2, beat 4:")
    assert "never happens" in err[0]


def test_step_n_counts_from_the_previous_beat_and_xk_counts_occurrences(tmp_path):
    text = '''\
    title = "t"
    [[scene]]
    title = "a"
    fire = ["pbkdf2x5:1000"]
    [[scene.beat]]
    until = "step 1"
    caption = "a"
    [[scene.beat]]
    until = "callback crypto.pbkdf2 x5"
    caption = "all five back"
    '''
    two = text.replace("callback crypto.pbkdf2 x5", "step 2")
    assert check_talk(write(tmp_path, two))[1][0] == [1, 3]
    assert check_talk(write(tmp_path, two.replace("step 2", "step 0")))[1][0] == [1, 1]
    talk, plans = check_talk(write(tmp_path, text))
    run = SceneRun(talk.scenes[0], str(tmp_path))
    run.goto(plans[0][1])
    assert run.rt.snapshot().pool.done == 5
    assert "never happens" in check_line(tmp_path, text.replace("pbkdf2 x5", "pbkdf2 x6"))


def test_positions_skip_multiline_strings_and_count_array_tables():
    pos = Positions('a = 1\n[[s]]\nx = """\ny = 2\n"""\ny = 3\n[[s]]\n[[s.b]]\nz = 1\n')
    assert pos.line(("a",)) == 1
    assert pos.line(("s", 0, "y")) == 6
    assert pos.line(("s", 1, "b", 0, "z")) == 9
    assert pos.line(("s", 1, "nothing")) == 7


@pytest.mark.parametrize("argv", [["--present", "t.toml", "--fire", "pbkdf2"], ["--check", "t.toml", "--json"],
                                  ["--present", "a.toml", "--check", "b.toml"], ["--check", "t.toml", "x.js"]])
def test_contradictions_are_refused_in_one_line(argv, capsys):
    assert main(argv) == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1


def test_load_refuses_a_directory_a_fifo_and_non_utf8(tmp_path):
    import os

    with pytest.raises(TalkError, match="directory"):
        load_talk(str(tmp_path))
    os.mkfifo(tmp_path / "fifo.toml")  # no writer: opening it would block for ever
    with pytest.raises(TalkError, match="not a regular file"):
        load_talk(str(tmp_path / "fifo.toml"))
    p = tmp_path / "bad.toml"
    p.write_bytes(b"title = \"\xff\"\n")
    with pytest.raises(TalkError, match="UTF-8"):
        load_talk(str(p))


def test_present_refuses_a_broken_talk_in_one_line_before_needing_a_terminal(tmp_path, capsys):
    path = write(tmp_path, GOOD.replace('until = "end"', 'until = "phase nowhere"'))
    assert main(["--present", path]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("ptview: error: talk.toml:") and "unknown phase" in err[0]
