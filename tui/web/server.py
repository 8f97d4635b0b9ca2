"""textual-serve's Server with ptview's page: `app_index.html` beside this file."""

from __future__ import annotations

import os

from textual_serve.server import Server

TEMPLATES = os.path.dirname(os.path.abspath(__file__))


def make_server(command: str, host: str, port: int, public_url: str) -> Server:
    # Only the template is ours; textual.js, xterm.css and the rest stay textual-serve's statics.
    return Server(command, host=host, port=port, title="ptview", public_url=public_url, templates_path=TEMPLATES)
