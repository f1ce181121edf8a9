"""The body size cap (as ASGI middleware, on a tiny echo app) and the API key comparison."""

from __future__ import annotations

import asyncio
import json

from unspin.api.limits import BodyLimitMiddleware, error_body, key_is_valid


async def echo(scope, receive, send) -> None:  # type: ignore[no-untyped-def]
    body = b""
    while True:
        message = await receive()
        body += message.get("body", b"")
        if not message.get("more_body"):
            break
    await send({"type": "http.response.start", "status": 200, "headers": []})
    await send({"type": "http.response.body", "body": body})


def call(chunks: list[bytes], *, method: str = "POST", length: int | None = None,
         limit: int = 10, pause: float = 0.0, read_timeout: float = 5.0) -> tuple[int, bytes]:
    headers = [] if length is None else [(b"content-length", str(length).encode())]
    scope = {"type": "http", "method": method, "headers": headers, "path": "/"}
    messages = [{"type": "http.request", "body": c, "more_body": i < len(chunks) - 1}
                for i, c in enumerate(chunks)]
    sent: list[dict[str, object]] = []

    async def receive() -> dict[str, object]:
        await asyncio.sleep(pause)
        return messages.pop(0) if messages else {"type": "http.disconnect"}

    async def send(message: dict[str, object]) -> None:
        sent.append(message)

    middleware = BodyLimitMiddleware(echo, max_bytes=limit, read_timeout=read_timeout)
    asyncio.run(middleware(scope, receive, send))
    status = sent[0]["status"]
    body = b"".join(m.get("body", b"") for m in sent[1:])  # type: ignore[misc]
    assert isinstance(status, int)
    return status, body


def test_body_under_the_limit_reaches_the_app_whole() -> None:
    assert call([b"abc", b"def"], length=6) == (200, b"abcdef")
    assert call([b"0123456789"]) == (200, b"0123456789")


def test_declared_length_over_the_limit_is_413_before_reading() -> None:
    status, body = call([b"x"], length=11)
    assert status == 413
    assert json.loads(body)["error"]["code"] == "body_too_large"
    assert "11 bytes" in json.loads(body)["error"]["message"]


def test_streamed_body_over_the_limit_is_413() -> None:
    status, body = call([b"123456", b"789012"])
    assert status == 413
    assert "limit of 10 bytes" in json.loads(body)["error"]["message"]


def test_a_lying_content_length_does_not_get_past() -> None:
    status, _ = call([b"123456", b"789012"], length=5)
    assert status == 413


def test_a_body_too_slow_to_arrive_is_408() -> None:
    status, body = call([b"1", b"2", b"3", b"4"], pause=0.1, read_timeout=0.25)
    assert status == 408
    assert "within 0.25 s" in json.loads(body)["error"]["message"]
    assert call([b"1", b"2"], pause=0.01, read_timeout=1.0) == (200, b"12")


def test_get_requests_pass_through() -> None:
    assert call([b""], method="GET", length=0) == (200, b"")


def test_key_is_valid() -> None:
    assert key_is_valid("k2", ("k1", "k2"))
    assert not key_is_valid("k3", ("k1", "k2"))
    assert not key_is_valid("", ("k1",))
    assert not key_is_valid(None, ("k1",))
    assert not key_is_valid("k1", ())


def test_error_body_shape() -> None:
    assert error_body("c", "m", details=[1]) == {"error": {"code": "c", "message": "m", "details": [1]}}
