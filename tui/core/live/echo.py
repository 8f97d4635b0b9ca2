"""The loopback TCP echo server that live `net` requests talk to.

It plays the remote end, so it runs apart from the modelled loop: an asyncio
server on its own thread (`ptview-echo`), on 127.0.0.1 and a port the kernel
picks. Whatever a client sends comes back.
"""

from __future__ import annotations

import asyncio
import threading

from tui.core.live.threads import start_named_thread


class EchoServer:
    def __init__(self) -> None:
        self.port: int | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._ready = threading.Event()
        self._error: BaseException | None = None
        self.thread, self.tid = start_named_thread("ptview-echo", self._run)
        self._ready.wait(5)
        if self._error is not None:
            raise self._error

    def _run(self) -> None:
        loop = self._loop = asyncio.new_event_loop()
        try:
            server = loop.run_until_complete(asyncio.start_server(self._client, "127.0.0.1", 0))
        except OSError as e:
            self._error = e
            self._ready.set()
            return
        self.port = server.sockets[0].getsockname()[1]
        self._ready.set()
        try:
            loop.run_forever()
        finally:
            server.close()
            loop.run_until_complete(server.wait_closed())
            loop.close()

    async def _client(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while data := await reader.read(65536):
                writer.write(data)
                await writer.drain()
        except ConnectionError:
            pass
        finally:
            writer.close()

    def close(self, timeout: float = 0.5) -> None:
        loop = self._loop
        if loop is not None and loop.is_running():
            loop.call_soon_threadsafe(loop.stop)
        self.thread.join(timeout)
