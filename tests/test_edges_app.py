"""Issue 14 in the app: a screenshot that cannot be saved is a notice, not the end of the app."""

from __future__ import annotations

from tui.app import PtviewApp


async def test_a_screenshot_in_a_directory_that_cannot_exist_is_a_notice(tmp_path):
    # A path under a regular file cannot be created even by root (chmod would not stop root).
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    app = PtviewApp(autoplay=False, screenshot_dir=str(blocker / "shots"))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("w")
        await pilot.pause()
        notes = [n.message for n in app._notifications]
        assert any(m.startswith("cannot save a screenshot in ") for m in notes), notes
        assert app.is_running
        await pilot.press("space")  # and the app still answers keys
        await pilot.pause()
        assert app.is_running
