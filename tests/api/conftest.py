"""Fixtures for the HTTP API tests: small pipelines, a test client, live servers on 127.0.0.1.

The texts here are written for these tests. The pipeline is the real spaCy parse plus the
lexicon technique baseline and the summary: it does not need the trained models, so these
tests check the service, not the models.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager

import pytest
import uvicorn
from _localhttp import QuietHandler, serving
from fastapi.testclient import TestClient

from unspin.api import Settings, create_app
from unspin.doc import Document
from unspin.pipeline import Pipeline, load

PAGE = (
    "<html><head><title>Ferry plan page</title></head><body><nav>Home | News</nav><article>"
    "<h1>Ferry plan page</h1><p>" + "The harbour committee met on Monday and agreed the "
    "budget for two new ferries after a long debate. " * 4 + "</p><p>Critics called the plan "
    "a shameful waste of money, and everyone knows it will fail.</p></article>"
    "<footer>Contact us</footer></body></html>"
).encode()


def small_pipeline() -> Pipeline:
    return load(components=["parse", "techniques", "summary"],
                replace={"techniques": "techniques_lexicon"})


class Slow:
    """A stage that sleeps: to test time limits and that the event loop stays free."""

    name = "slow"
    requires: tuple[str, ...] = ("text",)
    assigns: tuple[str, ...] = ("slow",)

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds

    def __call__(self, doc: Document) -> Document:
        time.sleep(self.seconds)
        return doc


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return small_pipeline()


@pytest.fixture(scope="session")
def slow_pipeline() -> Callable[[float], Pipeline]:
    """A pipeline whose last stage sleeps this many seconds."""

    def make(seconds: float) -> Pipeline:
        return Pipeline([*small_pipeline().components, ("slow", Slow(seconds))])

    return make


@pytest.fixture(scope="session")
def page_html() -> bytes:
    return PAGE


@pytest.fixture(scope="session")
def make_client(pipeline: Pipeline) -> Callable[..., AbstractContextManager[TestClient]]:
    """``with make_client(Settings(...)) as client:`` a started app (model warmed)."""

    @contextmanager
    def make(settings: Settings | None = None, *, with_pipeline: Pipeline | None = None
             ) -> Iterator[TestClient]:
        app = create_app(settings or Settings(), pipeline=with_pipeline or pipeline)
        with TestClient(app) as client:
            yield client

    return make


@pytest.fixture(scope="module")
def client(make_client: Callable[..., AbstractContextManager[TestClient]]) -> Iterator[TestClient]:
    with make_client() as c:
        yield c


@pytest.fixture(scope="session")
def live() -> Callable[[Settings, Pipeline], AbstractContextManager[str]]:
    """``with live(settings, pipeline) as base_url:`` uvicorn serving the app on 127.0.0.1."""
    return live_server


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def live_server(settings: Settings, pipeline: Pipeline) -> Iterator[str]:
    """The app served by uvicorn in a thread on 127.0.0.1; yields its base URL."""
    config = uvicorn.Config(create_app(settings, pipeline=pipeline), host="127.0.0.1",
                            port=free_port(), log_level="warning", lifespan="on")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{config.port}"
    finally:
        server.should_exit = True
        thread.join(timeout=15)


class _Pages(QuietHandler):
    def do_GET(self) -> None:
        if self.path == "/article":
            self._send(200, PAGE, "text/html; charset=utf-8")
        elif self.path == "/loop":
            self.send_response(302)
            self.send_header("Location", "/loop")
            self.end_headers()
        elif self.path == "/big":
            self._send(200, b"word " * 4000, "text/plain")
        elif self.path == "/drip":
            # Declares a small page, then sends it one byte at a time, slowly.
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", "400")
            self.end_headers()
            try:
                for _ in range(400):
                    self.wfile.write(b"a")
                    self.wfile.flush()
                    time.sleep(0.1)
            except OSError:
                pass
        else:
            self._send(404, b"not here", "text/plain")


@pytest.fixture(scope="session")
def pages() -> Iterator[str]:
    """A local web server with an article page and misbehaving URLs."""
    with serving(_Pages) as url:
        yield url
