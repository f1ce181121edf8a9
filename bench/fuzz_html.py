"""Fuzz the HTML reader (bytes -> decoded text -> trafilatura -> Article) with atheris.

Invariants: only ``UnspinError`` escapes; an article has non-blank text that is valid Unicode
(encodable as UTF-8, as every later stage needs) with universal newlines.

    .venv/bin/python bench/fuzz_html.py --seconds 60
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from fuzz_common import instrumented, run

SEEDS = [
    b"<!doctype html><html><head><title>T</title><script>x=1</script></head><body><article>"
    b"<p>The harbour board met on Tuesday and agreed the fees.</p><p hidden>no</p></article></body></html>",
    b"<html><body><div style='display:none'>a</div><template><p>b</p></template><p>c d e</p></body></html>",
    b"\xef\xbb\xbf<html><meta charset='latin-1'><body><p>caf\xe9 \r\n na\xefve</p></body></html>",
    b"<?xml version='1.0'?><!DOCTYPE x [<!ENTITY a 'aaaa'>]><html><body><p>&a;&a;</p></body></html>",
    b"<html><body><table><tr><td>cell</td></tr></table><pre>\x00\x01</pre></body></html>",
]


def one_input(data: bytes) -> None:
    from unspin.errors import UnspinError
    from unspin.ingest import article_from_bytes

    kind = ("html", None, "text")[data[0] % 3] if data else "html"
    try:
        article = article_from_bytes(data[1:], id="fuzz", source="fuzz", kind=kind)
    except UnspinError:
        return
    assert isinstance(article.text, str) and article.text.strip(), "an article with blank text"
    article.text.encode("utf-8")  # raises on lone surrogates
    assert "\r" not in article.text, "newlines not normalised"


if __name__ == "__main__":
    with instrumented("unspin", "trafilatura", "charset_normalizer", "justext", "htmldate"):
        import charset_normalizer  # noqa: F401  (imported lazily by unspin; instrument it now)
        import trafilatura  # noqa: F401

        import unspin.ingest  # noqa: F401
    run(one_input, name="html", seeds=SEEDS)
