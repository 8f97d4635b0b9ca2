"""`ptview --serve` in a real browser (headless Chromium over CDP), reached through a tunnel.

The server listens on one port; the browser only knows a second one, where a TCP forwarder
stands in for `ssh -L`, and the server's own port is blocked in the browser, so a page that
points at the server's port instead of `--public-url` fails as it does behind a real tunnel.
"""

import contextlib

import pytest

from browser_kit import Chromium, Forwarder, chromium_path
from serve_kit import free_port, serving

CHROMIUM = chromium_path()
pytestmark = [
    pytest.mark.skipif(CHROMIUM is None, reason="no Chromium: apt-get install chromium (the browser tests of --serve)"),
    pytest.mark.slow,
]


@contextlib.asynccontextmanager
async def through_a_tunnel():
    """`ptview --serve` behind a forwarder, and Chromium with the page open and the app drawn:
    yields (page, the tunnel's URL). Everything is stopped and reaped on the way out."""
    server_port, tunnel_port = free_port(), free_port()
    public = f"http://localhost:{tunnel_port}"
    with serving("--host", "127.0.0.1", "--port", str(server_port), "--public-url", public):
        async with Forwarder(tunnel_port, server_port), Chromium(CHROMIUM) as browser:
            page = await browser.page()
            await page.send("Network.setBlockedURLs", urls=[f"*:{server_port}/*"])  # only through the tunnel
            await page.send("Page.navigate", url=public + "/")
            await page.wait_for_text("ptview sim")  # the status line: the app runs and xterm drew it
            await page.wait_for_text("Worker pool")  # a pane title
            yield page, public


async def test_through_a_tunnel_the_app_shows_and_takes_keys_without_a_click():
    async with through_a_tunnel() as (page, _):
        assert await page.evaluate("document.activeElement.classList.contains('xterm-helper-textarea')")
        assert await page.evaluate("document.getElementById('focus-hint').hidden")
        await page.press("?")  # no click first: the terminal has had the focus since the page loaded
        await page.wait_for_text("one row per worker thread")  # the help screen
        await page.evaluate("document.activeElement.blur()")
        assert not await page.evaluate("document.getElementById('focus-hint').hidden"), \
            "without the focus, the page says so"


async def test_the_page_asks_only_the_served_address_and_nothing_fails():
    async with through_a_tunnel() as (page, public):
        urls = [url for _, url in page.requests()]
        urls += [e["params"]["url"] for e in page.events if e["method"] == "Network.webSocketCreated"]
        statuses = page.statuses()
        tunnel = public.removeprefix("http:") + "/"
        assert any(u.startswith("ws:" + tunnel) for u in urls), urls  # the app's websocket, through the tunnel
        elsewhere = [u for u in urls if not u.startswith(("http:" + tunnel, "ws:" + tunnel))]
        assert not elsewhere, f"requests beyond the served address: {elsewhere}"
        failed = {url: statuses.get(rid) for rid, url in page.requests() if statuses.get(rid, 0) >= 400}
        assert not failed, failed
        assert not page.failures(), page.failures()
