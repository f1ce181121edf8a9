"""The document every pipeline stage enriches: the article plus everything found in it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from unspin.doc.article import Article
from unspin.doc.spans import Actor, Claim, Quote, Span, TechniqueSpan

__all__ = ["Document"]


@dataclass(slots=True)
class Document:
    """An ``Article`` and the results attached to it by the pipeline components."""

    article: Article
    techniques: list[TechniqueSpan] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    summary: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    # Shared annotations computed once and reused by later stages (e.g. a spaCy Doc); emptied
    # once the pipeline is done when ``Pipeline.pipe`` shares the articles with helper processes.
    cache: dict[str, Any] = field(default_factory=dict, repr=False)
    # Names of the components that have run, in order.
    ran: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.article.text

    @property
    def id(self) -> str:
        return self.article.id

    def span_text(self, span: Span) -> str:
        return self.article.text[span.start : span.end]
