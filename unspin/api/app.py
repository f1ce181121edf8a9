"""The FastAPI app: ``create_app(settings)`` builds it, thin over the pipeline and the JSON renderer."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Mapping, Sequence
from contextlib import asynccontextmanager
from dataclasses import replace
from typing import Annotated, Any

import anyio.to_thread
from fastapi import Depends, FastAPI, Request, Security
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.security import APIKeyHeader, HTTPAuthorizationCredentials, HTTPBearer
from fastapi_offline import FastAPIOffline
from starlette.exceptions import HTTPException as StarletteHTTPException

from unspin.api.limits import BodyLimitMiddleware, error_body, key_is_valid
from unspin.api.models import AnalyzeRequest, BatchRequest
from unspin.api.page import render_page
from unspin.api.service import AnalysisTimeout, Analyzer, Overloaded
from unspin.api.settings import Settings
from unspin.doc import Document
from unspin.errors import (
    ConfigError,
    FetchError,
    InputError,
    InputTooLargeError,
    ModelError,
    UnspinError,
)
from unspin.pipeline import Pipeline
from unspin.render.json import SCHEMA_VERSION, to_dict

__all__ = ["app_from_env", "create_app"]

log = logging.getLogger("unspin.api")

_bearer = HTTPBearer(auto_error=False, description="Authorization: Bearer KEY")
_header_key = APIKeyHeader(name="X-API-Key", auto_error=False, description="X-API-Key: KEY")


def create_app(settings: Settings | None = None, *, pipeline: Pipeline | None = None) -> FastAPI:
    """Build the ASGI app. The pipeline (``settings.disable``/``config``, or the one given) is
    built and warmed when the app starts, once per worker process."""
    from unspin import __version__

    settings = settings or Settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        analyzer = Analyzer(pipeline, settings) if pipeline is not None else Analyzer.build(settings)
        await anyio.to_thread.run_sync(analyzer.warm_up)
        app.state.analyzer = analyzer
        log.info("unspin %s ready: pipeline %s", __version__, ", ".join(analyzer.names))
        yield

    # FastAPIOffline serves the /docs and /redoc pages' scripts itself (no CDN): unspin runs offline.
    app = FastAPIOffline(
        title="unspin",
        version=__version__,
        summary="How a news or opinion article tries to persuade its reader: propaganda-technique "
        "spans, check-worthy claims, quotes and actors.",
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.add_middleware(BodyLimitMiddleware, max_bytes=settings.max_body_bytes,
                       read_timeout=settings.timeout)
    if settings.cors_origins:  # added last, so it is outermost and answers preflights itself
        app.add_middleware(CORSMiddleware, allow_origins=list(settings.cors_origins),
                           allow_methods=["GET", "POST"],
                           allow_headers=["Authorization", "X-API-Key", "Content-Type"])
    _add_error_handlers(app)

    async def require_key(
        bearer: Annotated[HTTPAuthorizationCredentials | None, Security(_bearer)],
        header_key: Annotated[str | None, Security(_header_key)],
    ) -> None:
        if not settings.api_keys:
            return
        given = header_key or (bearer.credentials if bearer is not None else None)
        if not key_is_valid(given, settings.api_keys):
            what = "a wrong API key" if given else "no API key"
            raise StarletteHTTPException(
                401, f"this service needs an API key and the request had {what}; send it as "
                "'Authorization: Bearer KEY' or 'X-API-Key: KEY'",
                headers={"WWW-Authenticate": "Bearer"})

    keyed = [Depends(require_key)]

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    async def page() -> HTMLResponse:
        return HTMLResponse(render_page(needs_key=bool(settings.api_keys)), headers={
            "X-Frame-Options": "DENY", "Content-Security-Policy": "frame-ancestors 'none'"})

    @app.get("/healthz", tags=["service"])
    async def healthz(request: Request) -> JSONResponse:
        """200 once the model is loaded (503 before)."""
        analyzer = getattr(request.app.state, "analyzer", None)
        if analyzer is None or not analyzer.ready:
            return JSONResponse({"status": "loading"}, status_code=503)
        return JSONResponse({"status": "ok"})

    @app.get("/version", tags=["service"])
    async def version(request: Request) -> dict[str, Any]:
        """The unspin version, the JSON contract's version and the pipeline served."""
        analyzer = getattr(request.app.state, "analyzer", None)
        return {"unspin": __version__, "schema_version": SCHEMA_VERSION,
                "pipeline": analyzer.names if analyzer is not None else None}

    @app.get("/v1/techniques", tags=["analysis"], dependencies=keyed)
    async def techniques() -> dict[str, Any]:
        """The 14 PTC techniques, each with its id, name, definition and an example."""
        from unspin.taxonomy import TECHNIQUES

        return {"techniques": [{"id": t.id, "label": t.label, "definition": t.definition,
                                "example": t.example} for t in TECHNIQUES]}

    @app.post("/v1/analyze", tags=["analysis"], dependencies=keyed,
              responses={200: {"description": "The JSON contract (unspin/schema/unspin.schema.json)"},
                         **_ERROR_RESPONSES})
    async def analyze(body: AnalyzeRequest, request: Request) -> JSONResponse:
        """Analyse one article given as ``text``, ``html`` or ``url``; returns the JSON contract."""
        timings: dict[str, float] = {}
        doc = await _one(request, body, timings)
        return JSONResponse(to_dict(doc), headers=_server_timing(timings))

    @app.post("/v1/analyze/batch", tags=["analysis"], dependencies=keyed,
              responses={200: {"description": "One JSON contract, or one error, per document, in "
                               "order"}, **_ERROR_RESPONSES})
    async def analyze_batch(body: BatchRequest, request: Request) -> JSONResponse:
        """Analyse up to ``max_batch`` articles in one call. An article that cannot be read or
        analysed gets ``{"id": ..., "error": {...}}`` in its place; the others are analysed."""
        if len(body.documents) > settings.max_batch:
            raise InputTooLargeError(f"the batch has {len(body.documents)} documents, over the "
                                     f"limit of {settings.max_batch}; split it into smaller batches")
        inputs = [replace(d.to_input(), id=str(i)) if d.id is None else d.to_input()
                  for i, d in enumerate(body.documents)]
        timings: dict[str, float] = {}
        results = await _analyzer(request).analyze(inputs, components=body.components,
                                                   min_score=body.min_score, timings=timings)
        out: list[dict[str, Any]] = []
        for item, result in zip(inputs, results, strict=True):
            if isinstance(result, Document):
                out.append(to_dict(result))
            else:
                status, code = _status_of(result)
                out.append({"id": item.id, **error_body(code, result.message, status=status)})
        failed = sum(1 for r in results if not isinstance(r, Document))
        return JSONResponse({"results": out, "analysed": len(out) - failed, "failed": failed},
                            headers=_server_timing(timings))

    @app.post("/v1/report", tags=["analysis"], dependencies=keyed, responses=_ERROR_RESPONSES)
    async def report(body: AnalyzeRequest, request: Request) -> JSONResponse:
        """What the web page shows: the JSON contract and the HTML report of one article."""
        from unspin.render.html import render_html

        timings: dict[str, float] = {}
        doc = await _one(request, body, timings)
        page = await anyio.to_thread.run_sync(render_html, doc)
        return JSONResponse({"result": to_dict(doc), "html": page}, headers=_server_timing(timings))

    return app


def app_from_env() -> FastAPI:
    """The app configured from the environment (``UNSPIN_SERVE_SETTINGS``, ``UNSPIN_API_KEY``);
    what each ``unspin serve`` worker runs."""
    return create_app(Settings.from_env())


def _analyzer(request: Request) -> Analyzer:
    analyzer = getattr(request.app.state, "analyzer", None)
    if analyzer is None:
        raise ModelError("the model is still loading; try again in a few seconds")
    return analyzer


async def _one(request: Request, body: AnalyzeRequest, timings: dict[str, float]) -> Document:
    result = (await _analyzer(request).analyze([body.to_input()], components=body.components,
                                               min_score=body.min_score, timings=timings))[0]
    if isinstance(result, UnspinError):
        raise result
    return result


def _server_timing(timings: Mapping[str, float]) -> dict[str, str]:
    """A ``Server-Timing`` header: where the request's time went (ingest, queue, analysis)."""
    return {"Server-Timing": ", ".join(f"{name};dur={seconds * 1000:.1f}"
                                       for name, seconds in timings.items())}


# Errors ----------------------------------------------------------------------------------

_ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    400: {"description": "The body is not valid JSON"},
    401: {"description": "An API key is needed and was missing or wrong"},
    408: {"description": "The body did not arrive within the time limit"},
    413: {"description": "The body, text or batch is over its limit"},
    422: {"description": "The request is not usable (what is wrong is in error.message)"},
    503: {"description": "Too many requests waiting, or the model is still loading"},
    504: {"description": "The analysis took longer than the time limit"},
}


def _status_of(exc: UnspinError) -> tuple[int, str]:
    if isinstance(exc, InputTooLargeError):
        return 413, "too_large"
    if isinstance(exc, FetchError):
        return 422, "fetch_failed"
    if isinstance(exc, InputError):
        return 422, "invalid_input"
    if isinstance(exc, ConfigError):
        return 422, "invalid_option"
    if isinstance(exc, AnalysisTimeout):
        return 504, "timeout"
    if isinstance(exc, Overloaded | ModelError):
        return 503, "unavailable"
    return 422, "unprocessable"


def _message(error: Mapping[str, Any]) -> str:
    return str(error.get("msg", "invalid")).removeprefix("Value error, ")


def _location(loc: Sequence[Any]) -> str:
    parts = [str(p) for p in loc if p != "body"]
    return ".".join(parts) if parts else "body"


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(UnspinError)
    async def unspin_error(request: Request, exc: UnspinError) -> JSONResponse:
        status, code = _status_of(exc)
        headers = {"Retry-After": "5"} if status == 503 else None
        return JSONResponse(error_body(code, str(exc)), status_code=status, headers=headers)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = exc.errors()
        if any(e.get("type") == "json_invalid" for e in errors):
            detail = next(e for e in errors if e.get("type") == "json_invalid")
            reason = (detail.get("ctx") or {}).get("error", "")
            return JSONResponse(error_body(
                "invalid_json", f"the request body is not valid JSON ({reason}); send a JSON "
                "object such as {\"text\": \"...\"}"), status_code=400)
        ctype = request.headers.get("content-type", "")
        if "json" not in ctype and any(tuple(e.get("loc", ())) == ("body",) for e in errors):
            return JSONResponse(error_body(
                "invalid_json", f"the request body must be JSON sent with 'Content-Type: "
                f"application/json' (it was {ctype or 'not given'!r})"), status_code=400)
        problems = [f"{_location(e.get('loc', ()))}: {_message(e)}" for e in errors]
        details = [{"loc": [str(p) for p in e.get("loc", ())], "msg": e.get("msg"),
                    "type": e.get("type")} for e in errors]
        return JSONResponse(error_body("invalid_request", "; ".join(problems), details=details),
                            status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        codes = {400: "invalid_json", 401: "unauthorized", 404: "not_found",
                 405: "method_not_allowed"}
        message = str(exc.detail)
        if exc.status_code == 400:  # FastAPI could not parse the body (e.g. it is not UTF-8)
            message = ("the request body could not be read as JSON; send a UTF-8 JSON object "
                       "such as {\"text\": \"...\"}")
        elif exc.status_code == 404:
            message = f"no such endpoint {request.url.path!r}; see /docs for the API"
        return JSONResponse(error_body(codes.get(exc.status_code, "http_error"), message),
                            status_code=exc.status_code, headers=exc.headers)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> JSONResponse:
        # Starlette re-raises the exception after this response, so the server logs it.
        return JSONResponse(error_body("internal_error", "unspin hit an unexpected error; it "
                                       "has been logged. Please report it with the input that "
                                       "caused it"), status_code=500)
