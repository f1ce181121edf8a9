"""Write analysed documents in a chosen format to stdout, a file or a folder."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

from unspin.doc import Document
from unspin.errors import ConfigError

__all__ = ["FORMATS", "write_documents"]

FORMATS = ("json", "html", "text", "ptc")


def _open(output: Path | None) -> TextIO:
    if output is None:
        return sys.stdout
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        return output.open("w", encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"cannot write {output} ({exc.strerror}); choose another --output") from None


def write_documents(docs: Iterable[Document], fmt: str, output: Path | None, *,
                    several: bool = False) -> int:
    """Render and write each document as it finishes; return how many were written."""
    if fmt == "html":
        from unspin.render.html import write_html

        return write_html(docs, output, several=several)
    stream = _open(output)
    count = 0
    try:
        for doc in docs:
            if fmt == "json":
                from unspin.render.json import to_json

                stream.write(to_json(doc) + "\n")
            elif fmt == "ptc":
                from unspin.render.ptc import to_ptc_lines

                for line in to_ptc_lines(doc):
                    stream.write(line + "\n")
            else:
                from unspin.render.text import render_text

                render_text(doc, stream)
            stream.flush()
            count += 1
    finally:
        if stream is not sys.stdout:
            stream.close()
    return count
