"""HTML report (a minimal escaped page; the full report comes with the reports issue)."""

from __future__ import annotations

import html
import sys
from collections.abc import Iterable
from pathlib import Path

from unspin.doc import Document

__all__ = ["render_html", "write_html"]


def render_html(doc: Document) -> str:
    body = html.escape(doc.text)
    title = html.escape(doc.article.title or doc.id)
    return (f"<!doctype html><html><head><meta charset='utf-8'><title>{title}</title></head>"
            f"<body><h1>{title}</h1><pre>{body}</pre></body></html>")


def write_html(docs: Iterable[Document], output: Path | None, *, several: bool) -> int:
    count = 0
    for doc in docs:
        page = render_html(doc)
        if output is None:
            sys.stdout.write(page + "\n")
        elif several or output.is_dir():
            output.mkdir(parents=True, exist_ok=True)
            (output / f"{doc.id}.html").write_text(page, encoding="utf-8")
        else:
            output.write_text(page, encoding="utf-8")
        count += 1
    return count
