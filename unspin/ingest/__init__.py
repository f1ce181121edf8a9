"""Ingest: turn files, folders, JSONL, stdin, HTML and URLs into ``Article`` objects.

Readers yield ``Article`` or, for an item they cannot read, the ``InputError`` that says why,
so that one bad item never stops the rest.
"""

from unspin.ingest.html import article_from_html
from unspin.ingest.readers import (
    Item,
    article_from_bytes,
    article_id_from_path,
    decode_text,
    read_jsonl,
    read_source,
    read_sources,
)
from unspin.ingest.url import FetchLimits, fetch_url

__all__ = [
    "FetchLimits",
    "Item",
    "article_from_bytes",
    "article_from_html",
    "article_id_from_path",
    "decode_text",
    "fetch_url",
    "read_jsonl",
    "read_source",
    "read_sources",
]
