"""Request limits enforced before a route runs: the body size cap and the API key check."""

from __future__ import annotations

import hmac
import json
from collections.abc import Iterable

import anyio
from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = ["BodyLimitMiddleware", "error_body", "key_is_valid"]


def error_body(code: str, message: str, **extra: object) -> dict[str, object]:
    """The one shape of every error the service returns."""
    return {"error": {"code": code, "message": message, **extra}}


class BodyLimitMiddleware:
    """Answer 413 to a request whose body is over ``max_bytes``, 408 to one too slow to arrive.

    The declared Content-Length is checked first; the bytes actually received are counted too
    (a chunked body has no length, and a declared one can lie). The body is read here, at most
    ``max_bytes`` of it within ``read_timeout`` seconds, and handed on to the app whole.
    """

    def __init__(self, app: ASGIApp, max_bytes: int, read_timeout: float = 60.0) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.read_timeout = read_timeout

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        declared = _content_length(scope["headers"])
        if declared is not None and declared > self.max_bytes:
            await self._too_large(send, f"the request body is {declared:,} bytes, over")
            return
        chunks: list[bytes] = []
        size = 0
        with anyio.move_on_after(self.read_timeout) as scope_timer:
            while True:
                message = await receive()
                if message["type"] == "http.disconnect":
                    return
                chunk = message.get("body", b"")
                size += len(chunk)
                if size > self.max_bytes:
                    await self._too_large(send, "the request body is over")
                    return
                chunks.append(chunk)
                if not message.get("more_body", False):
                    break
        if scope_timer.cancelled_caught:
            await _send_json(send, 408, error_body(
                "body_timeout", f"the request body did not arrive within {self.read_timeout:g} s; "
                "send it faster or send less"))
            return
        body = b"".join(chunks)
        sent = False

        async def replay() -> Message:
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    async def _too_large(self, send: Send, what: str) -> None:
        await _send_json(send, 413, error_body(
            "body_too_large", f"{what} the limit of {self.max_bytes:,} bytes; send less "
            "(split a batch, or send the article's text instead of its page)"))


async def _send_json(send: Send, status: int, body: dict[str, object]) -> None:
    payload = json.dumps(body).encode()
    # "Connection: close": the rest of an unread body must not be taken for the next request.
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"),
                            (b"content-length", str(len(payload)).encode()),
                            (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": payload})


def _content_length(headers: Iterable[tuple[bytes, bytes]]) -> int | None:
    for name, value in headers:
        if name.lower() == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


def key_is_valid(given: str | None, keys: Iterable[str]) -> bool:
    """Whether ``given`` is one of ``keys`` (compared in constant time)."""
    if not given:
        return False
    encoded = given.encode()
    # No short-circuit: every key is compared, so timing does not tell which one matched.
    return sum(hmac.compare_digest(encoded, key.encode()) for key in keys) > 0
