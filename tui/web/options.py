"""`--host` and `--public-url` for `--serve`: checked on the command line, one line each."""

from __future__ import annotations

import argparse
import ipaddress
import re
import socket
from urllib.parse import urlsplit

_LABEL = re.compile(r"(?!-)[A-Za-z0-9-]{1,63}(?<!-)")
_PATH = re.compile(r"[A-Za-z0-9._~/-]*")  # a path prefix, as a reverse proxy publishes the app
WILDCARDS = ("0.0.0.0", "::")


def host_arg(text: str) -> str:
    """A host name (RFC 1123) or an IP address to listen on."""
    try:
        return str(ipaddress.ip_address(text))
    except ValueError:
        pass
    name = text[:-1] if text.endswith(".") else text
    if not name or len(name) > 253 or not all(_LABEL.fullmatch(label) for label in name.split(".")):
        raise argparse.ArgumentTypeError(
            f"invalid host {text!r}: expected a host name (letters, digits, '-', '.') or an IP address")
    return text


def public_url_arg(text: str) -> str:
    """The address a browser uses to reach the server: http(s)://HOST[:PORT][/PATH]."""
    bad = argparse.ArgumentTypeError(
        f"invalid public URL {text!r}: expected http://HOST[:PORT] or https://HOST[:PORT], "
        "as the browser reaches the server")
    if any(c.isspace() or not c.isprintable() for c in text):
        raise bad
    try:
        url = urlsplit(text)
        url.port  # noqa: B018 - raises ValueError for a bad port
    except ValueError:
        raise bad from None
    if url.scheme not in ("http", "https") or not url.hostname or url.query or url.fragment:
        raise bad
    if "@" in url.netloc or not _PATH.fullmatch(url.path):
        raise bad
    try:
        host_arg(url.hostname)
    except argparse.ArgumentTypeError:
        raise bad from None
    return text.rstrip("/")  # textual-serve appends "/ws", "/static/…"


def public_url(host: str, port: int, given: str | None) -> str:
    """The URL the page's assets and websocket use: `given`, or the listening address."""
    if given:
        return given
    if host in WILDCARDS:
        raise ValueError(f"--host {host} listens on every address: give --public-url http://NAME:{port}, "
                         "the address browsers use to reach this machine")
    name = f"[{host}]" if ":" in host else host
    return f"http://{name}:{port}"


def require_local_host(host: str) -> None:
    """`--host` must name an address of this machine: aiohttp would die with a traceback.
    Probed on an ephemeral port, so whether the chosen port is free is another question."""
    try:
        infos = socket.getaddrinfo(host, 0, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror as e:
        raise ValueError(f"--host {host}: cannot resolve it ({e.strerror})") from None
    for family, kind, proto, _, addr in infos:
        with socket.socket(family, kind, proto) as sock:
            try:
                sock.bind(addr)
                return
            except OSError:
                continue
    raise ValueError(f"--host {host} is not an address of this machine: nothing there to listen on")
