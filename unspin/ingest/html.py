"""Main text and title of an HTML page, with trafilatura (boilerplate, scripts, navigation dropped)."""

from __future__ import annotations

import re
from typing import Any

from unspin.doc import Article
from unspin.errors import EmptyInputError
from unspin.ingest._tidy import tidy_tree

__all__ = ["article_from_html", "looks_like_html"]


def looks_like_html(text: str) -> bool:
    head = text.lstrip()[:512].lower()
    return head.startswith(("<!doctype html", "<html", "<?xml")) or (
        "<html" in head or "<body" in head or "<head" in head
    )


# Text a reader never sees on the page: hidden by attributes, inline styles, the usual "hide this"
# utility classes, or rules in the page's own <style> sheets (see ``_stylesheet_hidden``).
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


# Bounds on the work spent on a page's style sheets (a hostile page may hold megabytes of CSS).
_MAX_CSS_CHARS = 500_000
_MAX_CSS_RULES = 500
_MAX_SELECTOR_CHARS = 300
_NEVER_DROPPED = frozenset({"html", "head", "body"})


def _hides(declarations: list[Any]) -> bool:
    import tinycss2

    for d in declarations:
        if d.type != "declaration":
            continue
        value = tinycss2.serialize(d.value).strip().lower()
        if (d.lower_name, value) in (("display", "none"), ("visibility", "hidden"),
                                     ("visibility", "collapse")):
            return True
    return False


def _stylesheet_hidden(tree: Any) -> list[Any]:
    """Elements that top-level rules of the page's <style> sheets hide with display or visibility.

    Rules inside @media blocks are left out (they depend on the screen), as are selectors that
    cssselect cannot evaluate (pseudo-elements, states such as :hover never match). An element
    that holds most of the page's text is kept: pages that hide their body until a script shows
    it would otherwise lose the article.
    """
    import tinycss2
    from cssselect import SelectorError
    from lxml.cssselect import CSSSelector
    from lxml.etree import XPathError

    css = "\n".join(el.text or "" for el in tree.iter("style"))[:_MAX_CSS_CHARS]
    lowered = css.lower()
    if "none" not in lowered and "hidden" not in lowered and "collapse" not in lowered:
        return []
    rules = [r for r in tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
             if r.type == "qualified-rule"][:_MAX_CSS_RULES]
    total = len(tree.text_content() or "") or 1
    found: list[Any] = []
    for rule in rules:
        if not _hides(tinycss2.parse_blocks_contents(rule.content, skip_comments=True,
                                                     skip_whitespace=True)):
            continue
        selector = tinycss2.serialize(rule.prelude).strip()
        if not selector or len(selector) > _MAX_SELECTOR_CHARS:
            continue
        try:
            matched = CSSSelector(selector, translator="html")(tree)
        except (SelectorError, XPathError, ValueError):  # a selector lxml cannot evaluate
            continue
        found.extend(el for el in matched if isinstance(el.tag, str) and el.tag not in _NEVER_DROPPED
                     and len(el.text_content() or "") * 2 < total)
    return found


def _drop_hidden(tree: Any) -> None:
    """Remove elements hidden from the reader, keeping the text that follows them."""
    doomed = [el for el in tree.iter() if isinstance(el.tag, str) and _is_hidden(el)]
    doomed += _stylesheet_hidden(tree)
    for el in doomed:
        if el.getparent() is not None:
            el.drop_tree()


_ROLE = re.compile(r"\b(?:correspondent|reporter|editor|writer|columnist|journalist|contributor|staff|"
                   r"desk|bureau|chief|producer|analyst|senior|associate|freelance|photographer)\b",
                   re.IGNORECASE)


def _authors(found: str) -> str | None:
    """trafilatura's authors without the job titles it joins to them ("Daniel Okafor; Transport
    Correspondent" is Daniel Okafor)."""
    names = []
    for part in found.split(";"):
        name = part.split(",")[0].strip() if _ROLE.search(part.partition(",")[2]) else part.strip()
        if name and not _ROLE.search(name) and name not in names:
            names.append(name)
    return "; ".join(names) or None


def _guessed_from_a_year(date: str, html: str) -> bool:
    """Whether a date on 1 January was all trafilatura could make of a bare year ("© 2024" in a
    footer, "since 2020" in a heading): the page gives that full date nowhere."""
    m = re.fullmatch(r"(\d{4})-01-01", date)
    if m is None:
        return False
    year = m.group(1)
    full = (rf"{year}[-/.]0?1[-/.]0?1(?!\d)|\b0?1[-/.]0?1[-/.]{year}|\bjan(?:uary|\.)?\s+1(?:st)?,?\s+{year}"
            rf"|\b1(?:st)?\s+jan(?:uary|\.)?,?\s+{year}")
    return re.search(full, html, re.IGNORECASE) is None


def article_from_html(html: str, *, id: str, url: str | None = None,
                      source: dict[str, Any] | None = None) -> Article:
    """Extract the article text and title from an HTML page."""
    import trafilatura
    from trafilatura.utils import load_html

    tree = load_html(html)
    if tree is not None:
        _drop_hidden(tree)
        tidy_tree(tree)
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
        if isinstance(meta.get("author"), str):
            meta["author"] = _authors(meta["author"])
        if isinstance(meta.get("date"), str) and _guessed_from_a_year(meta["date"], html):
            del meta["date"]
        meta = {k: v for k, v in meta.items() if v}
    if not text or not text.strip():
        raise EmptyInputError(
            "no article text found in this HTML page; check that it is an article page, or "
            "pass its plain text instead", source=str(url or id))
    meta.update(source or {})
    if url:
        meta.setdefault("url", url)
    meta["format"] = "html"
    return Article(id=id, text=text, title=title, source=meta)
