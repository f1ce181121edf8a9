"""Service settings: defaults, validation, the environment, and the hand-over to workers."""

from __future__ import annotations

import json

import pytest

from unspin.api.settings import ENV_API_KEY, ENV_SETTINGS, Settings
from unspin.errors import ConfigError


def test_defaults_are_safe_for_a_public_service() -> None:
    settings = Settings()
    assert settings.api_keys == ()
    assert settings.allow_private_urls is False
    assert settings.fetch_limits.allow_private is False
    assert 1_000_000 <= settings.max_body_bytes <= 10_000_000
    assert settings.fetch_limits.max_redirects == settings.fetch_max_redirects


@pytest.mark.parametrize("bad", [{"max_body_bytes": 0}, {"max_batch": -1}, {"timeout": 0},
                                 {"max_text_chars": 1.5}, {"max_queue": True},
                                 {"fetch_timeout": -2}, {"api_keys": ("ok", " ")}])
def test_bad_values_are_config_errors(bad: dict[str, object]) -> None:
    with pytest.raises(ConfigError) as info:
        Settings(**bad)  # type: ignore[arg-type]
    assert next(iter(bad)) in str(info.value) or "API key" in str(info.value)


def test_keys_from_the_environment_comma_separated() -> None:
    settings = Settings.from_env({ENV_API_KEY: "one, two,,"})
    assert settings.api_keys == ("one", "two")


def test_overrides_win_over_the_environment() -> None:
    settings = Settings.from_env({ENV_API_KEY: "env", ENV_SETTINGS: json.dumps({"max_batch": 3})},
                                 api_keys=("cli",), max_batch=5)
    assert settings.api_keys == ("cli",)
    assert settings.max_batch == 5


def test_round_trip_through_the_environment() -> None:
    settings = Settings(max_batch=7, api_keys=("k",), disable=("quotes",), timeout=2.5,
                        config={"techniques": {"min_score": 0.4}},
                        replace={"techniques": "techniques_lexicon"})
    assert Settings.from_env({ENV_SETTINGS: settings.to_json()}) == settings


@pytest.mark.parametrize(("raw", "expected"), [("{not json", "not valid JSON"), ("[1]", "JSON object"),
                                               ('{"max_bach": 3}', "max_bach")])
def test_bad_environment_is_one_clear_error(raw: str, expected: str) -> None:
    with pytest.raises(ConfigError, match=expected):
        Settings.from_env({ENV_SETTINGS: raw})
