"""Changes to an HTML page's tree before trafilatura reads it: what a reader of the page takes as
not the article's own text is removed, and line breaks inside running sentences are joined.

- Embedded social posts (a tweet's ``blockquote.twitter-tweet``, ``.instagram-media``,
  ``.tiktok-embed``, ``.fb-post``): another author's words, with their own date.
- Pull quotes (``.pullquote``, ``.pull-quote``): a repeat of a sentence of the body in large type.
- Lists of links to other stories ("More on this story" and a list of headlines): every item
  is one link and nothing else. A list with any item of plain text is the article's and stays.
- A standfirst ("dek") in the article's header is kept, as a paragraph after the headline; a table
  of data becomes one line per row.
- A ``<br>`` inside a sentence ("would cost 12 million<br>euros") becomes a space; the breaks of
  a block of short lines (an address, a poem) stay.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["tidy_tree"]

_EMBED_CLASSES = frozenset({"twitter-tweet", "twitter-video", "twitter-timeline", "instagram-media",
                            "tiktok-embed", "fb-post", "fb-video", "threads-post", "bluesky-embed",
                            "reddit-embed-bq", "mastodon-embed"})
_PULL_QUOTE_CLASSES = frozenset({"pullquote", "pull-quote", "pull_quote", "pullquote-text",
                                 "article-pullquote", "article__pullquote", "pull-out-quote"})
_LIST_TAGS = ("ul", "ol")
#: The elements that hold running text; a <br>'s sentence is that of its nearest one of these.
_BLOCKS = frozenset({"p", "div", "li", "td", "th", "dd", "dt", "blockquote", "figcaption", "section",
                     "article", "main", "body", "h1", "h2", "h3", "h4", "h5", "h6", "header",
                     "footer", "aside", "caption"})
_KEEP_LINES = frozenset({"address", "pre", "code", "textarea"})
_SENTENCE_END = re.compile(r"[.!?:;…][\"'”’)\]]*$")
_SHORT_LINE = 60


def _classes(el: Any) -> set[str]:
    return set(str(el.get("class", "")).lower().split())


def _drop(el: Any) -> None:
    if el.getparent() is not None:
        el.drop_tree()


def _drop_embeds_and_pull_quotes(tree: Any) -> None:
    doomed = [el for el in tree.iter() if isinstance(el.tag, str)
              and (_classes(el) & (_EMBED_CLASSES | _PULL_QUOTE_CLASSES))]
    for el in doomed:
        _drop(el)


def _text(el: Any) -> str:
    return " ".join((el.text_content() or "").split())


def _only_a_link(item: Any) -> bool:
    """Whether a list item's whole content is a single link (its text is the link's)."""
    links = item.xpath(".//a")
    if len(links) != 1:
        return False
    words = _text(item)
    return bool(words) and words == _text(links[0])


def _drop_link_lists(tree: Any) -> None:
    for tag in _LIST_TAGS:
        for lst in list(tree.iter(tag)):
            items = [li for li in lst if isinstance(li.tag, str) and li.tag == "li"]
            links = [li for li in items if _only_a_link(li)]
            if not links:
                continue
            if len(links) < len(items):
                for li in links:
                    _drop(li)
                continue
            # The whole list is links: its short heading ("More on this story") goes with it.
            before = lst.getprevious()
            if (before is not None and isinstance(before.tag, str)
                    and before.tag in ("p", "h2", "h3", "h4", "h5", "h6", "strong", "span", "div")
                    and len(_text(before).split()) <= 6 and not _SENTENCE_END.search(_text(before))
                    and not (before.tail or "").strip()):
                _drop(before)
            _drop(lst)


def _segments(block: Any) -> list[Any]:
    """The block's text nodes and <br> elements in document order."""
    return block.xpath(".//text() | .//br")


def _block_of(el: Any) -> Any | None:
    node = el.getparent()
    while node is not None:
        if not isinstance(node.tag, str):
            return None
        if node.tag in _KEEP_LINES:
            return None
        if node.tag in _BLOCKS:
            return node
        node = node.getparent()
    return None


def _join_broken_lines(tree: Any) -> None:
    blocks: dict[Any, None] = {}
    for br in tree.iter("br"):
        block = _block_of(br)
        if block is not None:
            blocks.setdefault(block, None)
    for block in blocks:
        nodes = _segments(block)
        lines: list[str] = [""]
        breaks: list[Any] = []
        for node in nodes:
            if isinstance(node, str):
                lines[-1] += node
            elif _block_of(node) is block:
                breaks.append(node)
                lines.append("")
            else:  # a <br> of a nested block: its own block decides
                lines[-1] += "\n"
        stripped = [" ".join(line.split()) for line in lines]
        filled = [line for line in stripped if line]
        # An address, a poem, a list of short lines: only a break before a lower-case word joins.
        lines_only = len(filled) >= 3 and all(len(line) <= _SHORT_LINE for line in filled)
        for i, br in enumerate(breaks):
            before = stripped[i]
            after = stripped[i + 1]
            if not before or not after:
                continue  # a break at either end of the block, or a double break, stays
            if after[0].islower() or not (lines_only or _SENTENCE_END.search(before)):
                br.tail = " " + (br.tail or "")
                br.drop_tree()


_DEK_CLASSES = frozenset({"dek", "deck", "standfirst", "article-summary", "article-dek", "sub-headline",
                          "subheadline", "article-standfirst", "article__standfirst", "article__dek",
                          "c-article-dek", "story-dek", "summary-dek"})
_BLOCK_CHILDREN = ("p", "div", "table", "ul", "ol", "blockquote", "section", "article")
_MAX_CELL = 200


def _is_dek(el: Any) -> bool:
    classes = _classes(el)
    return bool(classes & _DEK_CLASSES) or any("standfirst" in c for c in classes)


def _keep_deks(tree: Any) -> None:
    """A standfirst under the headline ("The mayor says ...; critics say ...") as a plain paragraph:
    in the article's <header> it went with the header, and a class like "article-summary" made
    trafilatura take it for a teaser. A header that holds one has its headline and standfirst
    put after it, in that order."""
    for dek in [el for el in tree.iter() if isinstance(el.tag, str) and el.tag != "header" and _is_dek(el)]:
        if not _text(dek) or dek.xpath(".//p | .//div | .//ul"):
            continue
        dek.tag = "p"
        for name in ("class", "id"):
            dek.attrib.pop(name, None)
        header = next((a for a in dek.iterancestors() if a.tag == "header"), None)
        if header is None or header.getparent() is None:
            continue
        headline = next(header.iter("h1"), None)
        moved = [dek] if headline is None else [headline, dek]
        at = header
        for el in moved:
            el.tail = None
            at.addnext(el)
            at = el


def _flatten_tables(tree: Any) -> None:
    """A table of data (short cells, no paragraphs or tables inside) as one paragraph per row, its
    cells joined by " | ", so that "The budget breaks down as follows:" keeps what follows."""
    from lxml.html import Element

    for table in list(tree.iter("table")):
        parent = table.getparent()
        if parent is None or table.xpath(".//" + " | .//".join(_BLOCK_CHILDREN)):
            continue
        rows = []
        for row in table.xpath(".//caption | .//tr"):
            cells = [_text(c) for c in row.xpath("./td | ./th")] if row.tag == "tr" else [_text(row)]
            cells = [c for c in cells if c]
            if any(len(c) > _MAX_CELL for c in cells):
                rows = []
                break
            if cells:
                rows.append(" | ".join(cells))
        if not rows:
            continue
        block = Element("div")
        for line in rows:
            para = Element("p")
            para.text = line
            block.append(para)
        block.tail = table.tail
        parent.replace(table, block)


def tidy_tree(tree: Any) -> None:
    """Change ``tree`` in place as the module's docstring says."""
    _drop_embeds_and_pull_quotes(tree)
    _drop_link_lists(tree)
    _keep_deks(tree)
    _flatten_tables(tree)
    _join_broken_lines(tree)
