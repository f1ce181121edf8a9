"""URL fetching against a local HTTP server on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from _localhttp import QuietHandler, serving

from unspin.errors import FetchError, InputTooLargeError
from unspin.ingest import FetchLimits, fetch_url, read_source

PAGE = (b"<html><head><title>Local page</title></head><body><article><p>"
        + b"The harbour committee met on Monday and agreed the budget for the coming year. " * 5
        + b"</p></article></body></html>")


class Handler(QuietHandler):
    def do_GET(self) -> None:
        if self.path == "/page":
            self._send(200, PAGE, "text/html; charset=utf-8")
        elif self.path == "/text":
            self._send(200, b"Plain words from a server.", "text/plain")
        elif self.path == "/redirect":
            self.send_response(302)
            self.send_header("Location", "/page")
            self.end_headers()
        elif self.path == "/loop":
            self.send_response(302)
            self.send_header("Location", "/loop")
            self.end_headers()
        elif self.path == "/big":
            self._send(200, b"x" * 10_000, "text/plain")
        else:
            self._send(404, b"not here", "text/plain")


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with serving(Handler) as url:
        yield url


def test_fetch_html_page_through_redirect(server: str) -> None:
    items = list(read_source(f"{server}/redirect"))
    article = items[0]
    assert not isinstance(article, Exception)
    assert article.title == "Local page"
    assert "harbour committee" in article.text
    assert article.id == f"{server}/redirect"


def test_fetch_plain_text(server: str) -> None:
    (article,) = read_source(f"{server}/text")
    assert not isinstance(article, Exception)
    assert article.text == "Plain words from a server."


def test_http_error_status(server: str) -> None:
    with pytest.raises(FetchError, match="HTTP 404"):
        fetch_url(f"{server}/missing")


def test_redirect_loop_is_cut(server: str) -> None:
    with pytest.raises(FetchError, match="redirected more than 3 times"):
        fetch_url(f"{server}/loop", FetchLimits(max_redirects=3))


def test_size_cap(server: str) -> None:
    with pytest.raises(InputTooLargeError, match="over the limit"):
        fetch_url(f"{server}/big", FetchLimits(max_bytes=1000))


def test_private_addresses_refused_when_asked(server: str) -> None:
    with pytest.raises(FetchError, match="private, loopback"):
        fetch_url(f"{server}/page", FetchLimits(allow_private=False))


def test_non_http_scheme_refused() -> None:
    with pytest.raises(FetchError, match="scheme 'file'"):
        fetch_url("file:///etc/passwd")


def test_unreachable_url_is_one_clear_error() -> None:
    # Port 9 on loopback: nothing listens there.
    (item,) = read_source("http://127.0.0.1:9/")
    assert isinstance(item, FetchError)
    assert "cannot fetch" in str(item)
