"""The actors stage (filled in by its own issue; until then it finds nothing)."""

from __future__ import annotations

from unspin.doc import Document

__all__ = ["make_actors"]


class _EmptyActors:
    name = "actors"
    requires: tuple[str, ...] = ("text",)
    assigns: tuple[str, ...] = ("actors",)

    def __call__(self, doc: Document) -> Document:
        return doc


def make_actors() -> _EmptyActors:
    return _EmptyActors()
