"""Main text and title of an HTML page, with trafilatura (boilerplate, scripts, navigation dropped)."""

from __future__ import annotations

from typing import Any

from unspin.doc import Article
from unspin.errors import EmptyInputError

__all__ = ["article_from_html", "looks_like_html"]


def looks_like_html(text: str) -> bool:
    head = text.lstrip()[:512].lower()
    return head.startswith(("<!doctype html", "<html", "<?xml")) or (
        "<html" in head or "<body" in head or "<head" in head
    )


def article_from_html(html: str, *, id: str, url: str | None = None,
                      source: dict[str, Any] | None = None) -> Article:
    """Extract the article text and title from an HTML page."""
    import trafilatura

    extracted = trafilatura.bare_extraction(
        html, url=url, favor_precision=True, include_comments=False, include_tables=False,
        with_metadata=True,
    )
    text = None
    title = None
    meta: dict[str, Any] = {}
    if extracted is not None:
        data = extracted.as_dict() if hasattr(extracted, "as_dict") else dict(extracted)
        text = data.get("text")
        title = data.get("title")
        for key in ("author", "date", "sitename", "hostname"):
            if data.get(key):
                meta[key] = data[key]
    if not text or not text.strip():
        raise EmptyInputError(
            "no article text found in this HTML page; check that it is an article page, or "
            "pass its plain text instead", source=str(url or id))
    meta.update(source or {})
    if url:
        meta.setdefault("url", url)
    meta["format"] = "html"
    return Article(id=id, text=text, title=title, source=meta)
