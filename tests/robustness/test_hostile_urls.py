"""Hostile servers on 127.0.0.1: bombs, loops, slow and oversized responses are cut by limits."""

from __future__ import annotations

import contextlib
import socket
import threading
import time
import tracemalloc
import zlib
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler

import pytest
from _localhttp import serving

from unspin.errors import FetchError, InputTooLargeError
from unspin.ingest import FetchLimits, fetch_url, read_source

LIMIT = 1_000_000
TEXT = b"The harbour board met on Tuesday and agreed to review the mooring fees. " * 20
PAGE = (b"<html><head><title>Harbour</title><script>var SECRETSCRIPT=1;</script></head><body>"
        b"<article><p>" + TEXT + b"</p><p hidden>SECRETHIDDEN words</p></article></body></html>")


def _gzip(data: bytes) -> bytes:
    c = zlib.compressobj(9, zlib.DEFLATED, 31)
    return c.compress(data) + c.flush()


def _gzip_zeros(size: int) -> bytes:
    # A compression bomb built in pieces (never holding the inflated bytes).
    c = zlib.compressobj(9, zlib.DEFLATED, 31)
    block = b"\0" * 1_000_000
    out = [c.compress(block) for _ in range(size // len(block))]
    return b"".join(out) + c.flush()


BOMB = _gzip_zeros(200_000_000)  # about 200 KB on the wire, 200 MB inflated
STACKED = _gzip(_gzip_zeros(200_000_000))  # a few KB on the wire


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:
        routes: dict[str, Callable[[], None]] = {
            "/page": lambda: self._send(PAGE, "text/html"),
            "/gzip-page": lambda: self._send(_gzip(PAGE), "text/html", encoding="gzip"),
            "/deflate-raw": lambda: self._send(_raw_deflate(TEXT), "text/plain", encoding="deflate"),
            "/bomb": lambda: self._send(BOMB, "text/plain", encoding="gzip"),
            "/stacked-bomb": lambda: self._send(STACKED, "text/plain", encoding="gzip, gzip"),
            "/brotli": lambda: self._send(b"\x0b\x02\x80hello\x03", "text/plain", encoding="br"),
            "/corrupt-gzip": lambda: self._send(b"\x1f\x8b\x08\x00garbage" * 10, "text/plain",
                                                encoding="gzip"),
            "/oversized-declared": lambda: self._send(b"x" * (LIMIT + 1), "text/plain"),
            "/oversized-chunked": self._endless,
            "/drip": self._drip,
            "/loop-a": lambda: self._redirect("/loop-b"),
            "/loop-b": lambda: self._redirect("/loop-a"),
            "/to-file": lambda: self._redirect("file:///etc/passwd"),
            "/short-body": self._short_body,
        }
        routes.get(self.path, lambda: self._send(b"no", "text/plain", status=404))()

    def _send(self, body: bytes, ctype: str, *, encoding: str | None = None, status: int = 200) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        if encoding:
            self.send_header("Content-Encoding", encoding)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self._write(body)

    def _write(self, body: bytes) -> None:
        with contextlib.suppress(OSError):  # the client gave up, as it should
            self.wfile.write(body)

    def _redirect(self, location: str) -> None:
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _endless(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        chunk = b"x" * 65536
        for _ in range(2 * LIMIT // len(chunk) + 2):
            self._write(b"%x\r\n%s\r\n" % (len(chunk), chunk))

    def _drip(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", "100")
        self.end_headers()
        for _ in range(100):
            self._write(b"a")
            time.sleep(0.1)

    def _short_body(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", "1000")
        self.end_headers()
        self._write(b"only a few bytes")
        self.close_connection = True

    def log_message(self, *args: object) -> None:
        pass


def _raw_deflate(data: bytes) -> bytes:
    c = zlib.compressobj(6, zlib.DEFLATED, -15)
    return c.compress(data) + c.flush()


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    # A quiet server: a client that hangs up on a hostile response is the expected outcome.
    with serving(Handler) as url:
        yield url


@pytest.fixture
def header_dripper() -> Iterator[str]:
    """A raw socket server that sends its response headers one byte at a time."""
    srv = socket.create_server(("127.0.0.1", 0))
    stop = threading.Event()

    def serve() -> None:
        conn, _ = srv.accept()
        with conn:
            conn.recv(65536)
            conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nX-Slow: ")
            while not stop.is_set():
                try:
                    conn.sendall(b"a")
                except OSError:
                    return
                time.sleep(0.1)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{srv.getsockname()[1]}/"
    stop.set()
    srv.close()


LIMITS = FetchLimits(timeout=2.0, max_bytes=LIMIT, max_redirects=3)


def test_normal_and_compressed_pages_are_read(server: str) -> None:
    for path in ("/page", "/gzip-page"):
        body, ctype, _ = fetch_url(server + path, LIMITS)
        assert body == PAGE and "html" in ctype
    body, _, _ = fetch_url(server + "/deflate-raw", LIMITS)
    assert body == TEXT


def test_scripts_and_hidden_text_of_a_fetched_page_are_dropped(server: str) -> None:
    [article] = list(read_source(server + "/gzip-page", fetch_limits=LIMITS))
    assert not isinstance(article, Exception)
    assert "harbour board met" in article.text
    assert "SECRET" not in article.text


def test_gzip_bomb_is_cut_at_the_limit_in_bounded_memory(server: str) -> None:
    tracemalloc.start()
    try:
        with pytest.raises(InputTooLargeError, match="1,000,000 bytes"):
            fetch_url(server + "/bomb", LIMITS)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 8 * LIMIT, f"peak {peak:,} bytes for a {LIMIT:,}-byte limit"


def test_stacked_encoding_bomb_is_refused(server: str) -> None:
    tracemalloc.start()
    try:
        with pytest.raises(FetchError, match="content encoding 'gzip, gzip'"):
            fetch_url(server + "/stacked-bomb", LIMITS)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 8 * LIMIT


@pytest.mark.parametrize(("path", "error", "match"), [
    ("/brotli", FetchError, "content encoding 'br'"),
    ("/corrupt-gzip", FetchError, "corrupt gzip"),
    ("/oversized-declared", InputTooLargeError, "over the limit of 1,000,000"),
    ("/oversized-chunked", InputTooLargeError, "more than 1,000,000 bytes"),
    ("/loop-a", FetchError, "redirected more than 3 times"),
    ("/to-file", FetchError, "refusing URL scheme 'file'"),
    ("/short-body", FetchError, "cannot fetch"),
    ("/missing", FetchError, "HTTP 404"),
])
def test_hostile_responses_give_one_clear_error(server: str, path: str, error: type[Exception],
                                                match: str) -> None:
    with pytest.raises(error, match=match):
        fetch_url(server + path, LIMITS)


def test_slow_body_is_cut_by_the_total_time_limit(server: str) -> None:
    started = time.monotonic()
    with pytest.raises(FetchError, match="within 2 s"):
        fetch_url(server + "/drip", LIMITS)
    assert time.monotonic() - started < 5


def test_slow_headers_are_cut_by_the_total_time_limit(header_dripper: str) -> None:
    # Regression: each byte reset httpx's read timeout, so this held the fetch indefinitely.
    started = time.monotonic()
    with pytest.raises(FetchError, match="within 2 s"):
        fetch_url(header_dripper, LIMITS)
    assert time.monotonic() - started < 5


def test_loopback_refused_when_private_addresses_are_not_allowed(server: str) -> None:
    with pytest.raises(FetchError, match="private, loopback"):
        fetch_url(server + "/loop-a", FetchLimits(allow_private=False))


def test_a_bad_url_in_a_source_list_is_one_error_item(server: str) -> None:
    items = list(read_source(server + "/bomb", fetch_limits=LIMITS))
    assert len(items) == 1 and isinstance(items[0], InputTooLargeError)
