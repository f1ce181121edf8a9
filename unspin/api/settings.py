"""Settings of the HTTP service: every limit a public deployment needs, each configurable."""

from __future__ import annotations

import dataclasses
import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from unspin.errors import ConfigError
from unspin.ingest import FetchLimits

__all__ = ["ENV_API_KEY", "ENV_SETTINGS", "Settings"]

#: Environment variable holding the API key(s), comma-separated.
ENV_API_KEY = "UNSPIN_API_KEY"
#: Environment variable through which ``unspin serve`` hands its settings to every worker.
ENV_SETTINGS = "UNSPIN_SERVE_SETTINGS"


@dataclass(frozen=True, slots=True)
class Settings:
    """What the service allows. Sizes are in bytes or characters, times in seconds."""

    #: Largest request body accepted (checked on Content-Length and on the bytes received): 413 past it.
    max_body_bytes: int = 5_000_000
    #: Longest article text analysed (after HTML extraction or URL fetching): 413 past it.
    max_text_chars: int = 200_000
    #: Most documents in one ``/v1/analyze/batch`` call.
    max_batch: int = 32
    #: Time a request may take, fetching and analysis included: 504 past it.
    timeout: float = 60.0
    #: Requests allowed to wait for the model at once; more get 503 (back-pressure).
    max_queue: int = 64
    #: Accepted API keys; empty means no key is needed.
    api_keys: tuple[str, ...] = ()
    #: Browser origins allowed to call the API from their pages (CORS), e.g. "https://cms.example".
    cors_origins: tuple[str, ...] = ()
    #: Fetch URLs whose host is private, loopback or link-local (never on a public service).
    allow_private_urls: bool = False
    fetch_timeout: float = 10.0
    fetch_max_bytes: int = 5_000_000
    fetch_max_redirects: int = 5
    #: Pipeline stages left out of the service's pipeline.
    disable: tuple[str, ...] = ()
    #: Pipeline stage settings (``{"techniques": {"min_score": 0.3}}``), as for ``unspin.load``.
    config: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    #: Stages run by another registered component (``{"techniques": "techniques_lexicon"}``).
    replace: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for name in ("max_body_bytes", "max_text_chars", "max_batch", "max_queue"):
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                raise ConfigError(f"setting {name} must be a whole number of at least 1, not "
                                  f"{value!r}")
        for name in ("timeout", "fetch_timeout"):
            value = getattr(self, name)
            if not isinstance(value, int | float) or value <= 0:
                raise ConfigError(f"setting {name} must be a number of seconds above 0, not "
                                  f"{value!r}")
        if self.fetch_max_bytes < 1 or self.fetch_max_redirects < 0:
            raise ConfigError("settings fetch_max_bytes must be at least 1 and "
                              "fetch_max_redirects at least 0")
        if any(not key.strip() for key in self.api_keys):
            raise ConfigError("an API key is empty; give non-empty keys or none")

    @property
    def fetch_limits(self) -> FetchLimits:
        return FetchLimits(timeout=self.fetch_timeout, max_bytes=self.fetch_max_bytes,
                           max_redirects=self.fetch_max_redirects,
                           allow_private=self.allow_private_urls)

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **overrides: Any) -> Settings:
        """Settings from ``UNSPIN_SERVE_SETTINGS`` (JSON) and ``UNSPIN_API_KEY``, then ``overrides``."""
        environ = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        raw = environ.get(ENV_SETTINGS)
        if raw:
            try:
                values = json.loads(raw)
            except json.JSONDecodeError as exc:
                raise ConfigError(f"{ENV_SETTINGS} is not valid JSON ({exc.msg}); unset it or "
                                  "fix it") from None
            if not isinstance(values, dict):
                raise ConfigError(f"{ENV_SETTINGS} must hold a JSON object of settings")
        keys = [k.strip() for k in environ.get(ENV_API_KEY, "").split(",") if k.strip()]
        if keys and not values.get("api_keys"):
            values["api_keys"] = keys
        values.update(overrides)
        known = {f.name for f in dataclasses.fields(cls)}
        unknown = sorted(set(values) - known)
        if unknown:
            raise ConfigError(f"unknown service setting(s) {', '.join(unknown)}; known settings "
                              f"are: {', '.join(sorted(known))}")
        for name in ("api_keys", "disable", "cors_origins"):
            if name in values:
                values[name] = tuple(values[name])
        return cls(**values)

    def to_json(self) -> str:
        """JSON that ``from_env`` reads back (how ``unspin serve`` configures its workers)."""
        data = dataclasses.asdict(self)
        data["config"] = {k: dict(v) for k, v in self.config.items()}
        data["replace"] = dict(self.replace)
        return json.dumps(data)
