"""`ptview --serve`: the same app behind textual-serve, with ptview's own page."""

import re
import urllib.request

import pytest

from serve_kit import free_port, serving

pytest.importorskip("textual_serve")


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as r:
        return r.read().decode()


def test_serve_answers_with_the_app_page_and_stops_on_sigterm():
    port = free_port()
    with serving("--port", str(port)) as proc:
        body = _get(f"http://127.0.0.1:{port}/")
        assert "ptview" in body and f'data-session-websocket-url="ws://localhost:{port}/ws"' in body
    assert proc.returncode is not None


def test_the_page_points_at_the_public_url_and_nothing_outside_it():
    port, public = free_port(), "http://tunnel.example:9000"
    with serving("--host", "127.0.0.1", "--port", str(port), "--public-url", public + "/"):
        body = _get(f"http://127.0.0.1:{port}/")
    assert 'data-session-websocket-url="ws://tunnel.example:9000/ws"' in body
    urls = re.findall(r'(?:href|src)="([^"]+)"', body)
    assert urls and all(u.startswith((public + "/static/", "data:")) for u in urls), urls
    assert "googleapis" not in body and 'rel="icon"' in body


def test_static_assets_are_textual_serves_own():
    port = free_port()
    with serving("--port", str(port)):
        assert "Terminal" in _get(f"http://127.0.0.1:{port}/static/js/textual.js")


@pytest.mark.parametrize("argv, message", [
    (["--serve", "--port", "70000"], "invalid port"),
    (["--serve", "--public-url", "ftp://host"], "invalid public URL"),
    (["--serve", "--public-url", "localhost:9000"], "invalid public URL"),
    (["--serve", "--public-url", "http://"], "invalid public URL"),
    (["--serve", "--public-url", "http://host:99999"], "invalid public URL"),
    (["--serve", "--public-url", "http://host/?q=1"], "invalid public URL"),
    (["--serve", "--public-url", "http://ho st"], "invalid public URL"),
    (["--serve", "--public-url", 'http://a"b:9000'], "invalid public URL"),
    (["--serve", "--public-url", "http://user@host:9000"], "invalid public URL"),
    (["--serve", "--public-url", "http://host/<x>"], "invalid public URL"),
    (["--serve", "--host", "bad host"], "invalid host"),
    (["--serve", "--host", "a..b"], "invalid host"),
    (["--serve", "--host", "-lead"], "expected one argument"),
    (["--serve", "--host", "x" * 64], "invalid host"),
    (["--serve", "--host", "0.0.0.0"], "--public-url"),
    (["--serve", "--host", "192.0.2.1"], "not an address of this machine"),  # TEST-NET-1
    (["--host", "127.0.0.1"], "for --serve"),
    (["--public-url", "http://localhost:9000"], "for --serve"),
])
def test_bad_serve_options_are_one_line_and_exit_2(argv, message, capsys):
    from tui.cli import main

    assert main(argv) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1, err


@pytest.mark.parametrize("host, given, url", [
    ("localhost", None, "http://localhost:8000"),
    ("::1", None, "http://[::1]:8000"),
    ("0.0.0.0", "https://demo.example", "https://demo.example"),
])
def test_public_url_defaults_to_the_listening_address(host, given, url):
    from tui.web.options import public_url

    assert public_url(host, 8000, given) == url


@pytest.mark.parametrize("text", ["http://localhost:9000", "https://demo.example", "http://[::1]:9000",
                                  "http://10.0.0.2:8000/ptview", "http://host.example.:80"])
def test_good_public_urls_are_taken_as_given(text):
    from tui.web.options import public_url_arg

    assert public_url_arg(text + "/") == text


def test_a_host_that_does_not_resolve_is_one_line(monkeypatch, capsys):
    import socket

    from tui.cli import main

    def no_such_name(*args, **kwargs):
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_such_name)
    assert main(["--serve", "--host", "nowhere.example"]) == 2
    err = capsys.readouterr().err
    assert "cannot resolve" in err and err.count("\n") == 1, err
