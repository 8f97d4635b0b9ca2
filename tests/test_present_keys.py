"""Presenter mode's clicker keys (issue 16): next/previous beat, restart, blank, jump, quit, why."""

from __future__ import annotations

import pytest

from tui.core.talk.check import check_talk
from tui.present_app import PresentApp
from tests.test_talk_file import GOOD, write


def app_for(tmp_path, text: str = GOOD) -> PresentApp:
    path = write(tmp_path, text)
    talk, plans = check_talk(path)
    return PresentApp(talk, plans, str(tmp_path))


def counter(app) -> str:
    return str(app.query_one("#caption-count").render())


def state(app):
    snap = app.run_.rt.snapshot()
    return (app.run_.position, snap.t, snap.pool.done, tuple(w.job is not None for w in app.run_.rt.pool.workers))


async def test_pagedown_and_its_aliases_walk_every_beat_then_the_next_scene(tmp_path):
    app = app_for(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        assert counter(app) == "scene 1/2 · beat 1/4"
        assert app.run_.position == 0
        for key, want in (("pagedown", "scene 1/2 · beat 2/4"), ("right", "scene 1/2 · beat 3/4"),
                          ("space", "scene 1/2 · beat 4/4"), ("pagedown", "scene 2/2 · beat 1/3")):
            await pilot.press(key)
            assert counter(app) == want
            assert app.run_.position == app.plans[app.scene_i][app.beat_i]
        assert "check before poll" in str(app.query_one("#caption-text").render())


async def test_pageup_replays_to_exactly_the_state_the_beat_had(tmp_path):
    app = app_for(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("pagedown")
        at_beat_2 = state(app)
        assert all(at_beat_2[3])  # "pool full"
        await pilot.press("pagedown", "pagedown")
        assert state(app) != at_beat_2
        await pilot.press("pageup", "left")
        assert counter(app) == "scene 1/2 · beat 2/4"
        assert state(app) == at_beat_2
        await pilot.press("pageup", "pageup")  # at the first beat of the first scene: stays
        assert counter(app) == "scene 1/2 · beat 1/4"


async def test_previous_from_a_scene_start_goes_to_the_last_beat_of_the_scene_before(tmp_path):
    app = app_for(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("2")
        assert counter(app) == "scene 2/2 · beat 1/3"
        await pilot.press("pageup")
        assert counter(app) == "scene 1/2 · beat 4/4"
        await pilot.press("home")
        assert counter(app) == "scene 1/2 · beat 1/4" and app.run_.position == 0
        await pilot.press("9")  # no scene 9: stays
        assert counter(app) == "scene 1/2 · beat 1/4"


async def test_blank_toggles_and_escape_leaves_blank_before_it_quits(tmp_path):
    app = app_for(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("b")
        assert app.screen.has_class("-blank")
        assert not app.query_one("#stage").display and app.query_one("#blank").display
        await pilot.press("pagedown")  # blanked: the story does not move behind the black screen
        assert counter(app) == "scene 1/2 · beat 1/4"
        await pilot.press("full_stop")
        assert not app.screen.has_class("-blank")
        await pilot.press("b", "escape")
        assert not app.screen.has_class("-blank") and app.is_running
        await pilot.press("escape")
        assert "Esc again quits" in str(app.query_one("#caption-why").render())
        await pilot.press("pagedown")  # any other key stays, and does nothing else
        assert app.is_running and counter(app) == "scene 1/2 · beat 1/4"
        assert "Esc again" not in str(app.query_one("#caption-why").render())
        await pilot.press("escape", "escape")
    assert app.return_code == 0


async def test_fire_keys_do_nothing_and_e_explains_the_last_step(tmp_path):
    app = app_for(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("pagedown")
        before = app.run_.rt.events.count
        await pilot.press("c", "r", "t", "f")
        assert app.run_.rt.events.count == before
        # The step was the main module: that is what the line explains; `e` gives every rule of the step.
        assert "main module runs to the end" in str(app.query_one("#caption-why").render())
        await pilot.press("e")
        assert type(app.screen).__name__ == "WhyScreen"
        assert any(rule == "crypto.pool" for rule, _ in app.screen.rules)
        await pilot.press("pagedown")  # the clicker moves on: the why? screen goes with the old step
        assert type(app.screen).__name__ != "WhyScreen" and counter(app) == "scene 1/2 · beat 3/4"


LIVE = '''\
title = "t"
[[scene]]
title = "fire it yourself"
fire = ["nextTick"]
live_fire = true
[[scene.beat]]
until = "step 1"
caption = "press c"
[[scene.beat]]
until = "end"
caption = "the loop waits in poll for the next key"
'''


async def test_a_live_fire_scene_takes_the_fire_keys_and_the_next_beat_replays_without_them(tmp_path):
    app = app_for(tmp_path, LIVE)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("pagedown")
        await pilot.press("c")  # crypto.pbkdf2 through a keypress in poll
        app._stop_playing()
        while app.run_.step():  # what the play timer does, without waiting for it
            pass
        app.render_beat()
        assert app.run_.rt.snapshot().pool.done == 1
        await pilot.press("pageup", "pagedown")
        assert app.run_.rt.snapshot().pool.submitted == 0


async def test_a_scene_with_speed_plays_the_steps_between_beats(tmp_path):
    text = GOOD.replace('fire = ["pbkdf2x5:1000"]', 'fire = ["pbkdf2x5:1000"]\nspeed = 5')
    app = app_for(tmp_path, text)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("pagedown", "pagedown")
        app._stop_playing()  # (what a key does while a beat plays: be at its end at once)
        assert app.run_.position == app.plans[0][2]
        await pilot.press("pagedown")  # 14 steps at 5 a second: still playing when the key returns
        assert app._play is not None and app.run_.position < app.plans[0][3]
        await pilot.press("pageup")  # back during a play: the earlier beat, exactly
        assert app._play is None and app.run_.position == app.plans[0][2]
