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


# Text a reader never sees on the page. (Rules in a style sheet cannot be seen without a CSS
# engine; inline styles and the usual "hide this" utility classes can.)
_HIDDEN_CLASSES = frozenset({"hidden", "d-none", "sr-only", "visually-hidden", "screen-reader-text",
                             "is-hidden", "hide", "invisible"})
_HIDDEN_STYLES = ("display:none", "visibility:hidden")


def _is_hidden(el: Any) -> bool:
    if el.tag == "template" or el.get("hidden") is not None:
        return True
    if str(el.get("aria-hidden", "")).strip().lower() == "true":
        return True
    style = "".join(str(el.get("style", "")).lower().split())
    if any(rule in style for rule in _HIDDEN_STYLES):
        return True
    return bool(_HIDDEN_CLASSES.intersection(str(el.get("class", "")).lower().split()))


def _drop_hidden(tree: Any) -> None:
    """Remove elements hidden from the reader, keeping the text that follows them."""
    doomed = [el for el in tree.iter() if isinstance(el.tag, str) and _is_hidden(el)]
    for el in doomed:
        if el.getparent() is not None:
            el.drop_tree()


def article_from_html(html: str, *, id: str, url: str | None = None,
                      source: dict[str, Any] | None = None) -> Article:
    """Extract the article text and title from an HTML page."""
    import trafilatura
    from trafilatura.utils import load_html

    tree = load_html(html)
    if tree is not None:
        _drop_hidden(tree)
    extracted = trafilatura.bare_extraction(
        tree if tree is not None else html, url=url, favor_precision=True, include_comments=False,
        include_tables=False, with_metadata=True,
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
