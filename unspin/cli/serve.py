"""``unspin serve``: run the HTTP API and web page with uvicorn (needs the ``serve`` extra)."""

from __future__ import annotations

import os
from typing import Annotated

import typer

from unspin.cli.app import app
from unspin.errors import ConfigError

__all__ = ["serve"]


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on (0.0.0.0 for every interface).")
                    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=0, max=65535, help="Port to listen on.")] = 8000,
    workers: Annotated[int, typer.Option(min=1, help="Worker processes; each loads the model once.")
                       ] = 1,
    api_key: Annotated[list[str] | None, typer.Option(
        "--api-key", help="Require this key (repeatable). Default: $UNSPIN_API_KEY "
        "(comma-separated); none means no key is needed.", show_default=False)] = None,
    max_body_bytes: Annotated[int, typer.Option(min=1, help="Largest request body (413 past it).")
                              ] = 5_000_000,
    max_text_chars: Annotated[int, typer.Option(min=1, help="Longest article text, in characters.")
                              ] = 200_000,
    max_batch: Annotated[int, typer.Option(min=1, help="Most documents in one batch call.")] = 32,
    timeout: Annotated[float, typer.Option(min=0.001, help="Seconds one request may take (504 past it).")
                       ] = 60.0,
    max_queue: Annotated[int, typer.Option(min=1, help="Requests that may wait for the model (503 past it).")
                         ] = 64,
    cors_origin: Annotated[list[str] | None, typer.Option(
        "--cors-origin", help="Let web pages from this origin call the API (repeatable).")] = None,
    allow_private_urls: Annotated[bool, typer.Option(
        "--allow-private-urls", help="Let {\"url\": ...} fetch private, loopback and link-local "
        "hosts (never on a public service).")] = False,
    fetch_timeout: Annotated[float, typer.Option(min=0.001, help="Seconds a URL fetch may take.")] = 10.0,
    fetch_max_bytes: Annotated[int, typer.Option(min=1, help="Largest page fetched, in bytes.")
                               ] = 5_000_000,
    disable: Annotated[list[str] | None, typer.Option(
        "--disable", help="Leave a pipeline stage out (repeatable).")] = None,
    replace: Annotated[list[str] | None, typer.Option(
        "--replace", help="Run another component for a stage, STAGE=COMPONENT (repeatable), e.g. "
        "techniques=techniques_lexicon.")] = None,
    log_level: Annotated[str, typer.Option(help="uvicorn log level.")] = "info",
) -> int:
    """Serve the HTTP API (/v1/analyze, /v1/analyze/batch, /v1/techniques, /docs) and the web page."""
    try:
        import uvicorn

        from unspin.api.settings import ENV_SETTINGS, Settings
    except ImportError:
        raise ConfigError("the HTTP service needs the serve extra; run: pip install "
                          "'unspin[serve]'") from None

    swaps: dict[str, str] = {}
    for item in replace or ():
        stage, sep, component = item.partition("=")
        if not sep or not stage or not component:
            raise ConfigError(f"--replace {item!r} is not STAGE=COMPONENT; e.g. --replace "
                              "techniques=techniques_lexicon")
        swaps[stage] = component
    overrides = dict(
        max_body_bytes=max_body_bytes, max_text_chars=max_text_chars, max_batch=max_batch,
        timeout=timeout, max_queue=max_queue, allow_private_urls=allow_private_urls,
        fetch_timeout=fetch_timeout, fetch_max_bytes=fetch_max_bytes, disable=tuple(disable or ()),
        replace=swaps, cors_origins=tuple(cors_origin or ()))
    if api_key:
        overrides["api_keys"] = tuple(api_key)
    settings = Settings.from_env(**overrides)
    if workers == 1:
        # One process: load and warm the model here, so that a missing model is one clear
        # error line before the server starts, then serve that pipeline.
        from unspin.api.app import create_app
        from unspin.api.service import Analyzer

        analyzer = Analyzer.build(settings)
        analyzer.warm_up()
        uvicorn.run(create_app(settings, pipeline=analyzer.pipeline), host=host, port=port,
                    log_level=log_level, timeout_graceful_shutdown=10)
        return 0
    from unspin.pipeline import load

    load(settings.disable, config=settings.config, replace=settings.replace)  # fail fast on names
    # Each worker process rebuilds the app from the environment (uvicorn imports it by name).
    os.environ[ENV_SETTINGS] = settings.to_json()
    uvicorn.run("unspin.api.app:app_from_env", factory=True, host=host, port=port,
                workers=workers, log_level=log_level, timeout_graceful_shutdown=10)
    return 0
