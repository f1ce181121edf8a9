"""PTC format: ``article_id<TAB>technique<TAB>start<TAB>end``, one line per technique span."""

from __future__ import annotations

from collections.abc import Iterator

from unspin.doc import Document

__all__ = ["to_ptc_lines"]


def to_ptc_lines(doc: Document) -> Iterator[str]:
    for s in doc.techniques:
        yield f"{doc.id}\t{s.technique}\t{s.start}\t{s.end}"
