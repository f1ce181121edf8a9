"""Fuzz the HTTP API's request handling (method, path, headers, body) with atheris.

The app runs in-process (Starlette's TestClient, no socket) with a light pipeline (the language
check and the summary), so the fuzzing reaches request parsing, validation, limits and error
handling rather than the models. URLs in requests are checked but never fetched.

Invariants: no 5xx other than the service's own 503/504; every response to a /v1 route is JSON;
an error response has the one error shape ``{"error": {"code": ..., "message": ...}}``.

    .venv/bin/python bench/fuzz_api.py --seconds 60
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from fuzz_common import instrumented, run

METHODS = ("GET", "POST", "PUT", "DELETE", "OPTIONS", "HEAD", "PATCH")
PATHS = ("/v1/analyze", "/v1/analyze/batch", "/v1/report", "/v1/techniques", "/healthz",
         "/version", "/", "/docs", "/openapi.json", "/v1/analyze/", "//v1/analyze",
         "/v1/analyze?x=1", "/v1/%00", "/v1/analyze/../report")
CTYPES = ("application/json", "application/json; charset=utf-8", "text/plain", "",
          "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
          "application/json; charset=latin-1")
SEEDS = [
    b'\x01\x00\x00{"text": "The harbour board met on Tuesday and agreed the fees.", "id": "a"}',
    b'\x01\x01\x00{"documents": [{"text": "One."}, {"html": "<p>two</p>"}, {"url": "ftp://x"}]}',
    b'\x01\x00\x00{"text": "x", "components": ["language", "language"], "min_score": 2}',
    b'\x01\x02\x00{"url": "http://[::1]:0/", "title": null, "id": 12345678901234567890}',
    b'\x01\x00\x00{"text": "\\ud800 lone"}',
    b'\x01\x00\x03a=b&c=d',
]

_CLIENT: Any = None


def _client() -> Any:
    global _CLIENT
    if _CLIENT is None:
        from fastapi.testclient import TestClient

        from unspin.api import Settings, create_app
        from unspin.pipeline import load

        settings = Settings(max_body_bytes=20_000, max_text_chars=5_000, max_batch=4, timeout=10)
        app = create_app(settings, pipeline=load(components=["language", "summary"]))
        _CLIENT = TestClient(app, raise_server_exceptions=True)
        _CLIENT.__enter__()  # runs the app's start-up (the pipeline warm-up)
    return _CLIENT


def _no_network(url: str, limits: object = None) -> tuple[bytes, str, str]:
    from unspin.errors import FetchError
    from unspin.ingest.url import check_url

    check_url(url, allow_private=True)
    raise FetchError("fuzzing: no network")


def one_input(data: bytes) -> None:
    if len(data) < 3:
        return
    method = METHODS[data[0] % len(METHODS)]
    path = PATHS[data[1] % len(PATHS)]
    ctype = CTYPES[data[2] % len(CTYPES)]
    body = data[3:]
    headers = {"content-type": ctype} if ctype else {}
    response = _client().request(method, path, content=body, headers=headers)
    status = response.status_code
    assert status < 500 or status in (503, 504), (method, path, status, response.text[:300])
    if path.startswith("/v1/") and method not in ("HEAD",) and status != 405:
        payload = json.loads(response.content)
        if status >= 400:
            assert isinstance(payload.get("error"), dict), payload
            assert {"code", "message"} <= set(payload["error"]), payload


if __name__ == "__main__":
    with instrumented("unspin", "starlette", "fastapi", "pydantic"):
        import fastapi  # noqa: F401
        import starlette  # noqa: F401

        import unspin.api
        import unspin.api.service
        import unspin.pipeline
    unspin.api.service.fetch_url = _no_network  # type: ignore[assignment]
    run(one_input, name="api", seeds=SEEDS)
