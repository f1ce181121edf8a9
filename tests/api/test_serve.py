"""``unspin serve``: the real command on 127.0.0.1, with one and with two worker processes."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager

import httpx
import pytest

from unspin import DEFAULT_PIPELINE
from unspin.cli import main

KEEP = ("parse", "techniques", "summary")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def small_options() -> list[str]:
    """Run the lexicon technique baseline and leave out the stages with trained models."""
    options = ["--replace", "techniques=techniques_lexicon"]
    for name in DEFAULT_PIPELINE:
        if name not in KEEP:
            options += ["--disable", name]
    return options


@contextmanager
def serving(*options: str) -> Iterator[str]:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("UNSPIN_")}
    proc = subprocess.Popen(
        [sys.executable, "-m", "unspin", "serve", "--port", str(port), "--log-level", "warning",
         *small_options(), *options],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            if proc.poll() is not None:
                out = proc.stdout.read().decode() if proc.stdout else ""
                raise AssertionError(f"unspin serve exited with {proc.returncode}: {out}")
            try:
                if httpx.get(f"{base}/healthz", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise AssertionError("unspin serve did not become healthy within 120 s")
            time.sleep(0.2)
        yield base
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        if proc.stdout:
            proc.stdout.close()


@pytest.mark.slow
def test_serve_one_worker_with_limits_and_a_key() -> None:
    with serving("--api-key", "k1", "--max-batch", "2", "--max-text-chars", "500") as base:
        version = httpx.get(f"{base}/version").json()
        assert version["pipeline"] == list(KEEP)
        assert httpx.post(f"{base}/v1/analyze", json={"text": "They are traitors."}).status_code == 401
        key = {"X-API-Key": "k1"}
        data = httpx.post(f"{base}/v1/analyze", json={"text": "They are traitors."}, headers=key,
                          timeout=30).json()
        assert data["techniques"][0]["text"] == "traitors"
        docs = {"documents": [{"text": "One."}, {"text": "Two."}, {"text": "Three."}]}
        assert httpx.post(f"{base}/v1/analyze/batch", json=docs, headers=key).status_code == 413
        too_long = httpx.post(f"{base}/v1/analyze", json={"text": "word " * 200}, headers=key)
        assert too_long.status_code == 413
        assert httpx.get(f"{base}/").status_code == 200


@pytest.mark.slow
def test_serve_two_workers() -> None:
    with serving("--workers", "2") as base:
        for _ in range(4):
            response = httpx.post(f"{base}/v1/analyze", json={"text": "Everyone knows it."}, timeout=60)
            assert response.status_code == 200
            assert response.json()["techniques"]


def test_bad_replace_is_one_error_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", "--replace", "techniques"]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("unspin: error:") and "STAGE=COMPONENT" in err
    assert "\n" not in err


def test_bad_disable_is_one_error_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", "--disable", "nothing"]) == 1
    err = capsys.readouterr().err.strip()
    assert "cannot disable nothing" in err and "\n" not in err


def test_command_defaults_are_the_settings_defaults() -> None:
    import inspect

    from unspin.api import Settings
    from unspin.cli.serve import serve

    defaults = Settings()
    options = {name: p.default for name, p in inspect.signature(serve).parameters.items()}
    for name in ("max_body_bytes", "max_text_chars", "max_batch", "timeout", "max_queue",
                 "allow_private_urls", "fetch_timeout", "fetch_max_bytes"):
        assert options[name] == getattr(defaults, name), name
