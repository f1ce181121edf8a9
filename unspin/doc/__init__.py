"""The data model: an ``Article`` and the ``Document`` that every pipeline stage enriches."""

from unspin.doc.article import Article
from unspin.doc.document import Document
from unspin.doc.spans import (
    Actor,
    Attribution,
    Claim,
    Mention,
    Quantity,
    Quote,
    Span,
    TechniqueSpan,
)

__all__ = [
    "Actor",
    "Article",
    "Attribution",
    "Claim",
    "Document",
    "Mention",
    "Quantity",
    "Quote",
    "Span",
    "TechniqueSpan",
]
