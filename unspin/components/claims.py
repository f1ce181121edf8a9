"""The claims stage (filled in by its own issue; until then it finds nothing)."""

from __future__ import annotations

from unspin.doc import Document

__all__ = ["make_claims"]


class _EmptyClaims:
    name = "claims"
    requires: tuple[str, ...] = ("text",)
    assigns: tuple[str, ...] = ("claims",)

    def __call__(self, doc: Document) -> Document:
        return doc


def make_claims() -> _EmptyClaims:
    return _EmptyClaims()
