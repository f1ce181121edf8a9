"""Fetch a web page with httpx, with limits on size, time and redirects.

For a public service, ``allow_private=False`` refuses loopback, private, link-local and other
non-public addresses (checked at every redirect hop).
"""

from __future__ import annotations

import ipaddress
import socket
import time
import zlib
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit

from unspin.errors import FetchError, InputTooLargeError

__all__ = ["FetchLimits", "check_url", "fetch_url"]


@dataclass(frozen=True, slots=True)
class FetchLimits:
    timeout: float = 15.0
    max_bytes: int = 5_000_000
    max_redirects: int = 5
    allow_private: bool = True


def _is_public(host: str) -> bool:
    try:
        infos = socket.getaddrinfo(host, None)
    except (socket.gaierror, UnicodeError):
        raise FetchError(f"cannot resolve host {host!r}; check the URL and your network") from None
    for info in infos:
        addr = ipaddress.ip_address(info[4][0].split("%")[0])
        if not addr.is_global or addr.is_multicast:
            return False
    return True


def check_url(url: str, *, allow_private: bool) -> None:
    """Raise ``FetchError`` for a URL that must not be fetched."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018  (raises ValueError for a bad port)
    except ValueError as exc:
        raise FetchError(f"{url!r} is not a valid URL ({exc}); give a full http(s) URL") from None
    if parts.scheme not in ("http", "https"):
        raise FetchError(f"refusing URL scheme {parts.scheme!r} in {url!r}; only http and https "
                         "URLs can be fetched")
    if not parts.hostname:
        raise FetchError(f"URL {url!r} has no host name; give a full http(s) URL")
    if not allow_private and not _is_public(parts.hostname):
        raise FetchError(f"refusing to fetch {url!r}: its host is a private, loopback or "
                         "link-local address (allow it with the allow-private option)")


class _Decompressor:
    """Undo one gzip or deflate content coding, never producing more than asked for.

    httpx's own decoders inflate each network chunk whole, so a few KB of stacked gzip become
    gigabytes in memory before any size check can run; this one stops at the byte limit.
    """

    def __init__(self, encoding: str, url: str) -> None:
        codings = [c.strip().lower() for c in encoding.split(",") if c.strip()]
        codings = [c for c in codings if c != "identity"]
        if len(codings) > 1 or (codings and codings[0] not in ("gzip", "x-gzip", "deflate")):
            raise FetchError(f"{url} sent a response with content encoding {encoding!r}; only one "
                             "gzip or deflate coding is accepted, so it was refused")
        self.coding = codings[0] if codings else None
        self.url = url
        self.first = True
        self.z = None if self.coding is None else zlib.decompressobj(
            47 if self.coding in ("gzip", "x-gzip") else 15)

    def feed(self, data: bytes, room: int) -> bytes:
        """Decompress ``data``; the result is longer than ``room`` only when over the limit."""
        if self.z is None:
            return data
        try:
            try:
                out = self.z.decompress(data, room + 1)
            except zlib.error:
                if not (self.first and self.coding == "deflate"):
                    raise
                # Some servers send raw deflate without the zlib header.
                self.z = zlib.decompressobj(-zlib.MAX_WBITS)
                out = self.z.decompress(data, room + 1)
        except zlib.error:
            raise FetchError(f"{self.url} sent a corrupt {self.coding} response; try again or "
                             "save the page and pass its text") from None
        self.first = False
        return out


def _bound_by(client: Any, deadline: float) -> None:
    """Make every socket operation of ``client`` give up at ``deadline``.

    httpx's timeout bounds each read, so a server sending its headers a byte at a time (up to
    httpcore's 100 KB header cap) would otherwise hold a fetch open for hours. This wraps the
    network streams of the client's connection pools (a private httpcore attribute; httpx is
    pinned).
    """
    import httpcore

    def left(timeout: float | None, error: type[Exception]) -> float:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise error("the fetch took longer than its time limit")
        return remaining if timeout is None else min(timeout, remaining)

    class Stream(httpcore.NetworkStream):
        def __init__(self, inner: Any) -> None:
            self.inner = inner

        def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
            return bytes(self.inner.read(max_bytes, left(timeout, httpcore.ReadTimeout)))

        def write(self, buffer: bytes, timeout: float | None = None) -> None:
            self.inner.write(buffer, left(timeout, httpcore.WriteTimeout))

        def close(self) -> None:
            self.inner.close()

        def start_tls(self, ssl_context: Any, server_hostname: str | None = None,
                      timeout: float | None = None) -> Stream:
            return Stream(self.inner.start_tls(ssl_context, server_hostname,
                                               left(timeout, httpcore.ConnectTimeout)))

        def get_extra_info(self, info: str) -> Any:
            return self.inner.get_extra_info(info)

    class Backend(httpcore.SyncBackend):
        def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                        local_address: str | None = None, socket_options: Any = None) -> Stream:
            return Stream(super().connect_tcp(host, port, left(timeout, httpcore.ConnectTimeout),
                                              local_address, socket_options))

    for transport in [client._transport, *client._mounts.values()]:
        pool = getattr(transport, "_pool", None)
        if pool is not None and hasattr(pool, "_network_backend"):
            pool._network_backend = Backend()


def fetch_url(url: str, limits: FetchLimits | None = None) -> tuple[bytes, str, str]:
    """Fetch ``url``; return (body, content type, final URL). Raises ``FetchError``."""
    import httpx

    limits = limits or FetchLimits()
    current = url
    # httpx's timeout bounds each network operation; this bounds the whole fetch (a server
    # dripping bytes would otherwise hold it open far longer).
    deadline = time.monotonic() + limits.timeout
    try:
        with httpx.Client(timeout=limits.timeout, follow_redirects=False,
                          headers={"User-Agent": "unspin (+https://pypi.org/project/unspin)",
                                   "Accept-Encoding": "gzip, deflate"}
                          ) as client:
            _bound_by(client, deadline)
            for _ in range(limits.max_redirects + 1):
                check_url(current, allow_private=limits.allow_private)
                with client.stream("GET", current) as response:
                    if response.is_redirect:
                        location = response.headers.get("location")
                        if not location:
                            raise FetchError(f"{current} redirected without a location")
                        current = urljoin(current, location)
                        continue
                    if response.status_code >= 400:
                        raise FetchError(f"{current} answered HTTP {response.status_code}; "
                                         "check that the URL is right and public")
                    declared = response.headers.get("content-length")
                    if declared and declared.isdigit() and int(declared) > limits.max_bytes:
                        raise InputTooLargeError(
                            f"{current} is {int(declared):,} bytes, over the limit of "
                            f"{limits.max_bytes:,}; raise the limit or save the page and pass "
                            "its text")
                    decompressor = _Decompressor(response.headers.get("content-encoding", ""),
                                                 current)
                    chunks: list[bytes] = []
                    size = 0
                    for raw in response.iter_raw():
                        chunk = decompressor.feed(raw, limits.max_bytes - size)
                        if time.monotonic() > deadline:
                            raise FetchError(f"{current} did not finish sending within "
                                             f"{limits.timeout:g} s; try again later or raise "
                                             "the timeout")
                        size += len(chunk)
                        if size > limits.max_bytes:
                            raise InputTooLargeError(
                                f"{current} sent more than {limits.max_bytes:,} bytes "
                                "(after decompression); raise the limit or save the page")
                        chunks.append(chunk)
                    return b"".join(chunks), response.headers.get("content-type", ""), current
            raise FetchError(f"{url} redirected more than {limits.max_redirects} times; "
                             "check the URL")
    except httpx.TimeoutException:
        raise FetchError(f"{current} did not answer within {limits.timeout:g} s; try again "
                         "later or raise the timeout") from None
    except (httpx.InvalidURL, ValueError) as exc:  # e.g. a bad IPv6 literal or IDNA host name
        raise FetchError(f"{current!r} is not a valid URL ({exc}); give a full http(s) "
                         "URL") from None
    except httpx.HTTPError as exc:
        raise FetchError(f"cannot fetch {current}: {exc.__class__.__name__}: {exc}; check the "
                         "URL and your network") from None
