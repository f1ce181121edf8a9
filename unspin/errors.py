"""The one error hierarchy of unspin: every failure a user can cause is an ``UnspinError``.

::

    UnspinError                 base; the CLI prints its message on one line and exits 1
    ├── InputError              input that cannot be read or is not usable
    │   ├── InputNotFoundError  a path that does not exist
    │   ├── EmptyInputError     nothing to analyse (empty file, empty text)
    │   ├── EncodingError       bytes that are not text (binary, undetectable encoding)
    │   ├── JSONLError          a malformed JSONL line (carries the line number)
    │   ├── FetchError          a URL that could not be fetched
    │   └── InputTooLargeError  input over a configured size limit
    ├── ConfigError             a bad option, component name or setting
    ├── ModelError              a missing or unusable model
    ├── StoreError              a database that cannot be opened or written
    └── EvaluationError         labels or predictions that cannot be scored

Every message says what was wrong, with the offending value, and what to do next.
"""

from __future__ import annotations

__all__ = [
    "ConfigError",
    "EmptyInputError",
    "EncodingError",
    "EvaluationError",
    "FetchError",
    "InputError",
    "InputNotFoundError",
    "InputTooLargeError",
    "JSONLError",
    "ModelError",
    "StoreError",
    "UnspinError",
]


class UnspinError(Exception):
    """Base class of every error unspin raises on purpose."""

    def __init__(self, message: str, *, source: str | None = None) -> None:
        self.message = message
        self.source = source
        super().__init__(message)

    def __str__(self) -> str:
        if self.source:
            return f"{self.source}: {self.message}"
        return self.message


class InputError(UnspinError):
    """Input that cannot be read or is not usable."""


class InputNotFoundError(InputError):
    """A path that does not exist."""


class EmptyInputError(InputError):
    """Nothing to analyse."""


class EncodingError(InputError):
    """Bytes that are not readable text."""


class JSONLError(InputError):
    """A malformed line in a JSONL file."""

    def __init__(self, message: str, *, source: str | None = None, line: int | None = None) -> None:
        self.line = line
        if line is not None and source is not None:
            source = f"{source}:{line}"
        super().__init__(message, source=source)


class FetchError(InputError):
    """A URL that could not be fetched."""


class InputTooLargeError(InputError):
    """Input larger than a configured limit."""


class ConfigError(UnspinError):
    """A bad option, component name or setting."""


class ModelError(UnspinError):
    """A model that is missing or unusable."""


class StoreError(UnspinError):
    """A results database that cannot be opened or written."""


class EvaluationError(UnspinError):
    """Labels or predictions that cannot be scored."""
