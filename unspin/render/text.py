"""Plain terminal view (a richer one comes with the reports issue)."""

from __future__ import annotations

from typing import TextIO

from unspin.doc import Document
from unspin.taxonomy import label_of

__all__ = ["render_text"]


def render_text(doc: Document, stream: TextIO) -> None:
    title = doc.article.title or doc.id
    stream.write(f"== {title} ==\n")
    for s in doc.techniques:
        stream.write(f"[{s.start}:{s.end}] {label_of(s.technique)} ({s.score:.2f}): "
                     f"{doc.span_text(s)!r}\n")
    stream.write(f"{len(doc.techniques)} technique spans, {len(doc.claims)} claims, "
                 f"{len(doc.quotes)} quotes, {len(doc.actors)} actors\n\n")
