"""A real browser for the `--serve` tests: headless Chromium driven over the DevTools protocol
(CDP, through aiohttp's websocket client, which textual-serve already brings), and a TCP
forwarder that stands in for an SSH tunnel."""

from __future__ import annotations

import asyncio
import itertools
import json
import os
import re
import shutil
import signal
import tempfile

import aiohttp

CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--remote-debugging-port=0", "--window-size=1200,800",
]

# Read by the test through Page.addScriptToEvaluateOnNewDocument, never served: textual.js keeps
# its xterm.js Terminal to itself, so note the object a `terminal` property is set on when the
# value is an xterm Terminal (it has a buffer), and read the screen through xterm's public API.
EXPOSE_TERMINAL = """
Object.defineProperty(Object.prototype, "terminal", {
  configurable: true,
  set(v) {
    Object.defineProperty(this, "terminal", {value: v, writable: true, configurable: true, enumerable: true});
    if (v && v.buffer && v.buffer.active) window.__xterm = v;
  },
});
"""
SCREEN_TEXT = """(() => {
  const t = window.__xterm;
  if (!t) return "";
  const b = t.buffer.active, rows = [];
  for (let y = 0; y < t.rows; y++) { const l = b.getLine(b.viewportY + y); rows.push(l ? l.translateToString(true) : ""); }
  return rows.join("\\n");
})()"""


def chromium_path() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


class Page:
    """One page target of a browser, over CDP (flat sessions on the browser's websocket)."""

    def __init__(self, ws: aiohttp.ClientWebSocketResponse) -> None:
        self.ws = ws
        self.session: str | None = None
        self.events: list[dict] = []
        self._ids = itertools.count(1)
        self._waiting: dict[int, asyncio.Future] = {}
        self._reader = asyncio.ensure_future(self._read())

    async def _read(self) -> None:
        async for msg in self.ws:
            data = json.loads(msg.data)
            fut = self._waiting.pop(data.get("id"), None)
            if fut is not None and not fut.done():
                fut.set_result(data)
            elif "method" in data:
                self.events.append(data)

    async def send(self, method: str, **params) -> dict:
        msg_id = next(self._ids)
        fut = asyncio.get_running_loop().create_future()
        self._waiting[msg_id] = fut
        msg = {"id": msg_id, "method": method, "params": params}
        if self.session and not method.startswith("Target."):
            msg["sessionId"] = self.session
        await self.ws.send_str(json.dumps(msg))
        reply = await asyncio.wait_for(fut, 30)
        if "error" in reply:
            raise RuntimeError(f"{method}: {reply['error']}")
        return reply["result"]

    async def evaluate(self, expression: str):
        result = await self.send("Runtime.evaluate", expression=expression, returnByValue=True)
        return result["result"].get("value")

    async def wait_for_text(self, needle: str, timeout: float = 30) -> str:
        """Poll the terminal's screen until `needle` shows, within `timeout` seconds."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        text = ""
        while loop.time() < deadline:
            text = await self.evaluate(SCREEN_TEXT) or ""
            if needle in text:
                return text
            await asyncio.sleep(0.1)  # polling the page with a deadline: xterm has no event for "text shown"
        raise AssertionError(f"{needle!r} not on the browser's terminal within {timeout}s; it shows:\n{text}")

    async def press(self, key: str) -> None:
        """A printable key, as the keyboard sends it: to whatever element has the focus."""
        await self.send("Input.dispatchKeyEvent", type="keyDown", key=key, text=key)
        await self.send("Input.dispatchKeyEvent", type="keyUp", key=key)

    def requests(self) -> list[tuple[str, str]]:
        """(request id, URL) of every request the page made, in order."""
        return [(e["params"]["requestId"], e["params"]["request"]["url"])
                for e in self.events if e["method"] == "Network.requestWillBeSent"]

    def statuses(self) -> dict[str, int]:
        return {e["params"]["requestId"]: e["params"]["response"]["status"]
                for e in self.events if e["method"] == "Network.responseReceived"}

    def failures(self) -> list[dict]:
        return [e["params"] for e in self.events if e["method"] == "Network.loadingFailed"]


class Chromium:
    """Headless Chromium in a fresh profile; `async with` starts it and kills and reaps it."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.proc: asyncio.subprocess.Process | None = None
        self.profile = tempfile.TemporaryDirectory(prefix="ptview-chromium-")
        self.http: aiohttp.ClientSession | None = None

    async def __aenter__(self) -> "Chromium":
        self.proc = await asyncio.create_subprocess_exec(
            self.path, *CHROMIUM_FLAGS, f"--user-data-dir={self.profile.name}", "about:blank",
            stdin=asyncio.subprocess.DEVNULL, stdout=asyncio.subprocess.DEVNULL,
            stderr=asyncio.subprocess.PIPE, start_new_session=True)
        try:
            self.ws_url = await self._devtools_url()
        except BaseException:
            await self.__aexit__(None, None, None)
            raise
        self.http = aiohttp.ClientSession()
        return self

    async def _devtools_url(self) -> str:
        seen = []
        while True:
            line = await asyncio.wait_for(self.proc.stderr.readline(), 30)
            if not line:
                raise RuntimeError("chromium exited before DevTools listened: " + b"".join(seen[-5:]).decode(errors="replace"))
            seen.append(line)
            m = re.search(rb"DevTools listening on (ws://\S+)", line)
            if m:
                asyncio.ensure_future(self._drain())  # keep reading, so chromium never blocks on a full pipe
                return m.group(1).decode()

    async def _drain(self) -> None:
        while await self.proc.stderr.read(65536):
            pass

    async def page(self) -> Page:
        ws = await self.http.ws_connect(self.ws_url, max_msg_size=0)
        page = Page(ws)
        targets = (await page.send("Target.getTargets"))["targetInfos"]
        target = next(t["targetId"] for t in targets if t["type"] == "page")
        page.session = (await page.send("Target.attachToTarget", targetId=target, flatten=True))["sessionId"]
        await page.send("Page.enable")
        await page.send("Page.addScriptToEvaluateOnNewDocument", source=EXPOSE_TERMINAL)
        await page.send("Network.enable")
        return page

    async def __aexit__(self, *exc) -> None:
        if self.http is not None:
            await self.http.close()
        if self.proc is not None and self.proc.returncode is None:
            os.killpg(self.proc.pid, signal.SIGKILL)
            await self.proc.wait()
        self.profile.cleanup()


class Forwarder:
    """A TCP forwarder from `listen_port` to `target_port`, as `ssh -L` makes one;
    `async with` listens, and on the way out closes it and every connection it carried."""

    def __init__(self, listen_port: int, target_port: int, host: str = "127.0.0.1") -> None:
        self.listen_port, self.target_port, self.host = listen_port, target_port, host
        self.tasks: set[asyncio.Task] = set()

    async def __aenter__(self) -> "Forwarder":
        self.server = await asyncio.start_server(self._handle, self.host, self.listen_port)
        return self

    async def __aexit__(self, *exc) -> None:
        self.server.close()
        for task in self.tasks:
            task.cancel()
        await asyncio.gather(*self.tasks, return_exceptions=True)
        await self.server.wait_closed()

    async def _handle(self, client_r, client_w) -> None:
        self.tasks.add(asyncio.current_task())
        try:
            server_r, server_w = await asyncio.open_connection(self.host, self.target_port)
        except OSError:
            client_w.close()
            return
        await asyncio.gather(_pipe(client_r, server_w), _pipe(server_r, client_w))


async def _pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    try:
        while data := await reader.read(65536):
            writer.write(data)
            await writer.drain()
    except ConnectionError:
        pass
    finally:
        writer.close()
