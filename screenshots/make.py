"""Regenerate the README's screenshots from the real app: sim mode, seed 1, fixed sizes (the Workers
shot is live: its threads are real).

    python screenshots/make.py            # writes screenshots/*.svg
    python screenshots/make.py --png      # and PNGs beside them (needs cairosvg)
    python screenshots/make.py --png a-talk-presented   # only the shots whose name starts so
"""

from __future__ import annotations

import asyncio
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from tui.app import PtviewApp  # noqa: E402


async def _shoot(name: str, size: tuple[int, int], script, **kw) -> pathlib.Path:
    if "session" not in kw:
        kw["seed"] = 1
    app = PtviewApp(autoplay=False, **kw)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await script(app, pilot)
        app.render_model()
        await pilot.pause()
        path = HERE / f"{name}.svg"
        path.write_text(app.export_screenshot(title=f"ptview — {name.replace('-', ' ')}"))
    return path


async def five_pbkdf2(app, pilot):
    app.fire("pbkdf2", 750_000)
    app.fire("pbkdf2", 750_000, count=4)
    app.driver.advance(300)


async def immediate_vs_timeout(app, pilot):
    app.fire("readFile", "/etc/services")
    app.driver.advance(5)
    app.driver.paused = True

    def both():
        # Inside an I/O callback (this keypress runs in the poll phase), as in Node's docs.
        app.api.set_timeout(0)
        app.api.set_immediate()

    from tui.core.callbacks import Callback

    app.rt.loop.io_ready_now(Callback(both, "key → setTimeout(0) + setImmediate", op="tty.keypress",
                                      cost=app.rt.work.cost("callback")))
    for _ in range(200):
        app.driver.step()
        if app.rt.loop.phase == "check" and app.rt.loop.running is not None:
            break


async def node_process(app, pilot):
    """A real Node 20 process that has used its pool: 7 threads at start-up + 4 libuv workers."""
    import time

    from widgets.proc_tree import ProcTree

    tree = app.query_one(ProcTree)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        await pilot.pause(0.2)
        rows = [r for r in tree.query_one("ProcLines").rows if r.id[0] == "t"]
        if len(rows) >= 11:
            break
    app.fire("readFile", "/etc/services")
    app.fire("lookup", "example.com", count=3)
    app.driver.advance(12)


def _with_node(fn):
    """Run the shot with a Node child that did one fs.readFile; skip when node is absent."""
    import shutil
    import subprocess

    async def shot(app, pilot):
        await fn(app, pilot)

    shot.node = shutil.which("node")
    shot.spawn = lambda: subprocess.Popen(
        ["node", "-e", "require('fs').readFile(__filename === '[eval]' ? '/etc/hostname' : __filename,"
         " () => console.log('ready')); setInterval(() => {}, 1000)"],
        stdout=subprocess.PIPE, text=True)
    return shot


async def script_steps(app, pilot):
    for _ in range(9):
        app.driver.step()


def _with_script(fn, path):
    async def shot(app, pilot):
        await fn(app, pilot)

    shot.script = path
    return shot


async def two_workers(app, pilot):
    """Live: two Workers (real ptview-worker threads in the process pane), one hashing on the shared
    pool beside the main thread's hashes, the other blocking its own loop; and a fork."""
    import time

    from widgets.proc_tree import ProcTree

    app.fire_worker("new")
    app.fire_worker("new")
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and len([w for w in app.api.workers.alive() if w.state == "online"]) < 2:
        app.driver.advance(10)
        await pilot.pause(0.02)
    app.selected_loop = 1
    app.fire_worker("pbkdf2")
    app.fire("pbkdf2", 2_000_000, count=2)
    app.fire("fork", 5000)
    app.selected_loop = 2
    app.fire_worker("block")
    tree = app.query_one(ProcTree)
    while time.monotonic() < deadline:
        app.driver.advance(10)
        await pilot.pause(0.05)
        rows = [r for r in tree.query_one("ProcLines").rows if r.id[0] == "t"]  # ptview's threads, scanned
        forked = any(t.op == "child_process.fork" and t.finished for t in app.rt.tasks.values())
        if len(rows) >= 8 and forked:
            break
    app.driver.advance(10)


def _live(fn):
    fn.live = True
    return fn


SHOTS = [
    ("two-workers-beside-the-main-loop", (160, 44), _live(two_workers)),
    ("five-pbkdf2-on-a-pool-of-four", (100, 30), five_pbkdf2),
    ("five-pbkdf2-on-a-pool-of-four-wide", (200, 50), five_pbkdf2),
    ("immediate-vs-timeout-in-an-io-callback", (100, 30), immediate_vs_timeout),
    ("a-node-process-and-its-threads", (160, 40), _with_node(node_process)),
    ("a-script-stepped-callback-by-callback", (160, 44),
     _with_script(script_steps, HERE.parent / "tests" / "conformance" / "all_queues_walkthrough.js")),
]


# Presenter mode on the shipped talk: (name, size, keys from the start, theme).
TALK = HERE.parent / "talks" / "processes-and-threads.toml"
PRESENTED = [
    ("a-talk-presented-five-pbkdf2", (100, 30), ["3", "pagedown", "pagedown"], None),
    ("a-talk-presented-on-the-projector-light-theme", (100, 30), ["4", "pagedown"], "projector-light"),
]


async def _shoot_talk(name: str, size: tuple[int, int], keys: list[str], theme: str | None) -> pathlib.Path:
    from tui.core.talk.check import check_talk
    from tui.present_app import PresentApp
    from widgets.style import use_palette

    talk, plans = check_talk(str(TALK))
    app = PresentApp(talk, plans, str(TALK.parent), theme=theme)
    async with app.run_test(size=size) as pilot:
        await pilot.press(*keys)
        await pilot.pause()
        path = HERE / f"{name}.svg"
        path.write_text(app.export_screenshot(title=f"ptview --present — {name.replace('-', ' ')}"))
    use_palette("dark")
    return path


async def main(png: bool, only: list[str]) -> None:
    wanted = (lambda name: not only or any(name.startswith(o) for o in only))
    for name, size, keys, theme in PRESENTED:
        if wanted(name):
            path = await _shoot_talk(name, size, keys, theme)
            print(path)
            if png:
                import cairosvg

                cairosvg.svg2png(url=str(path), write_to=str(path.with_suffix(".png")))
    for name, size, script in SHOTS:
        if not wanted(name):
            continue
        if hasattr(script, "script"):
            from tui.core.script.session import ScriptSession

            path = await _shoot(name, size, script, session=ScriptSession.from_file(str(script.script)))
        elif hasattr(script, "spawn"):
            if not script.node:
                print(f"skipped {name}: no node on PATH")
                continue
            child = script.spawn()
            try:
                child.stdout.readline()  # 'ready': the pool exists now
                path = await _shoot(name, size, script, root_pid=child.pid)
            finally:
                child.kill()
                child.wait()
        elif getattr(script, "live", False):
            import os

            path = await _shoot(name, size, script, live=True, pool_size=4, root_pid=os.getpid())
        else:
            path = await _shoot(name, size, script)
        print(path)
        if png:
            import cairosvg

            cairosvg.svg2png(url=str(path), write_to=str(path.with_suffix(".png")))


if __name__ == "__main__":
    asyncio.run(main("--png" in sys.argv, [a for a in sys.argv[1:] if not a.startswith("--")]))
