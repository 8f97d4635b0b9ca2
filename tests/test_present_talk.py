"""The talk that ships (issue 16): every beat with a clicker's keys at three sizes, and three snapshots."""

from __future__ import annotations

import pathlib

import pytest

from tui.cli import main
from tui.core.talk.check import check_talk
from tui.present_app import PresentApp

TALK = pathlib.Path(__file__).resolve().parent.parent / "talks" / "processes-and-threads.toml"


def make_app() -> PresentApp:
    talk, plans = check_talk(str(TALK))
    return PresentApp(talk, plans, str(TALK.parent))


def test_the_shipped_talk_checks_clean(capsys):
    assert main(["--check", str(TALK)]) == 0
    out = capsys.readouterr().out
    scenes = int(out.split("ok: ")[1].split(" scenes")[0])
    assert 6 <= scenes <= 10


@pytest.mark.parametrize("size", [(80, 24), (100, 30), (200, 50)])
async def test_a_clicker_walks_the_whole_talk_and_back(size):
    app = make_app()
    total = sum(len(s.beats) for s in app.talk.scenes)
    async with app.run_test(size=size) as pilot:
        seen = []
        for n in range(total):
            scene, beat = app.talk.scenes[app.scene_i], app.beat_i
            assert app.run_.position == app.plans[app.scene_i][beat]
            caption = str(app.query_one("#caption-text").render())
            assert caption.replace("\n", " ").split()[:3] == scene.beats[beat].caption.split()[:3]
            assert app.query_one("#caption-text").content_region.height >= 1
            assert str(app.query_one("#caption-why").render()).startswith("why: ")
            seen.append((app.scene_i, beat))
            await pilot.press("pagedown" if n % 2 else "right")
        assert len(set(seen)) == total and seen[-1] == (len(app.talk.scenes) - 1, len(app.talk.scenes[-1].beats) - 1)
        for _ in range(total - 1):
            await pilot.press("pageup")
        assert (app.scene_i, app.beat_i) == (0, 0) and app.run_.position == app.plans[0][0]


@pytest.mark.parametrize("keys", [["1", "pagedown", "pagedown"], ["3", "pagedown", "pagedown"],
                                  ["5", "pagedown"], ["9", "pagedown", "pagedown"]],
                         ids=["one-thread-timer-late", "fifth-pbkdf2-takes-a-worker",
                              "sockets-never-touch-the-pool", "a-blocked-worker-the-main-loop-runs-on"])
def test_snapshot_of_a_presented_beat(snap_compare, keys):
    assert snap_compare(make_app(), terminal_size=(100, 30), press=keys)
