"""The quotes stage (filled in by its own issue; until then it finds nothing)."""

from __future__ import annotations

from unspin.doc import Document

__all__ = ["make_quotes"]


class _EmptyQuotes:
    name = "quotes"
    requires: tuple[str, ...] = ("text",)
    assigns: tuple[str, ...] = ("quotes",)

    def __call__(self, doc: Document) -> Document:
        return doc


def make_quotes() -> _EmptyQuotes:
    return _EmptyQuotes()
